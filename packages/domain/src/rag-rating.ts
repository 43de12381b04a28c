/** Dynamic Support Register (DSR) risk ratings: red, amber, green, and blue for "already in hospital". */
import { z } from "zod";

export const ragRatings = ["red", "amber", "green", "blue"] as const;
export const ragRatingSchema = z.enum(ragRatings);
export type RagRating = z.infer<typeof ragRatingSchema>;

/**
 * A rating as a case holds it: one of the four above, or a level a service added for itself
 * (some areas add yellow). Anything reading a case's rating back must expect either.
 */
export type RecordedRagRating = RagRating | (string & {});

export const ragRatingLabels: Record<RagRating, string> = {
  red: "Red — high risk of admission now",
  amber: "Amber — high risk without the right support soon",
  green: "Green — risk well managed",
  blue: "Blue — in hospital",
};

/** One of the four ratings every service uses (not a level a service added). */
export function isRagRating(rating: RecordedRagRating): rating is RagRating {
  return (ragRatings as readonly string[]).includes(rating);
}

const riskOrder: Record<RagRating, number> = { blue: 0, red: 1, amber: 2, green: 3 };

/** Order for the register: highest risk first; levels a service added come after the four. */
export function compareRagRating(a: RecordedRagRating, b: RecordedRagRating): number {
  const rank = (rating: RecordedRagRating) => (isRagRating(rating) ? riskOrder[rating] : ragRatings.length);
  return rank(a) - rank(b);
}
