import { z } from "zod";

/**
 * Each person's caret colour: picked from their id so it is the same on every screen, from a
 * palette that keeps white text readable (WCAG AA contrast against white on the name label).
 */
export const presenceColours = [
  "#005eb8", // NHS blue
  "#007f3b", // NHS green
  "#8a1538", // dark pink
  "#330072", // purple
  "#b0420b", // dark orange
  "#00594c", // dark teal
  "#7c2855", // plum
  "#425563", // dark grey
] as const;

export function presenceColour(personId: string): string {
  let hash = 0;
  for (let i = 0; i < personId.length; i++) hash = (hash * 31 + personId.charCodeAt(i)) >>> 0;
  return presenceColours[hash % presenceColours.length] ?? presenceColours[0];
}

/** One person present on a case or a document, as socket.io reports it. */
export const presentPersonSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: z.string(),
  colour: z.string(),
});
export type PresentPerson = z.infer<typeof presentPersonSchema>;
