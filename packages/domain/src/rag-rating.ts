/** Dynamic Support Register (DSR) risk ratings: red, amber, green, and blue for "already in hospital". */
import { z } from "zod";

export const ragRatings = ["red", "amber", "green", "blue"] as const;
export const ragRatingSchema = z.enum(ragRatings);
export type RagRating = z.infer<typeof ragRatingSchema>;

export const ragRatingLabels: Record<RagRating, string> = {
  red: "Red — high risk of admission now",
  amber: "Amber — high risk without the right support soon",
  green: "Green — risk well managed",
  blue: "Blue — in hospital",
};

/** Order for the register: highest risk first. */
export function compareRagRating(a: RagRating, b: RagRating): number {
  const order: Record<RagRating, number> = { blue: 0, red: 1, amber: 2, green: 3 };
  return order[a] - order[b];
}
