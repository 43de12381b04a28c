/**
 * The RAG levels a service rates children by, each with its written criteria: the four every
 * service has (red, amber, green, blue), and any a service adds for itself (some areas add
 * yellow). The criteria are shown where a rating is chosen, so everyone rates by the same words.
 */
import type { RecordedRagRating } from "../rag-rating.js";
import type { RagLevel } from "./rag-change.js";

/**
 * The four levels with criteria in plain English, most serious first: a child already in
 * hospital, then the risk of admission from highest to lowest. A service's own list is in the
 * same order, so a level it adds sits where it belongs (yellow between amber and green).
 */
export const defaultRagLevels: readonly RagLevel[] = [
  {
    rating: "blue",
    label: "Blue",
    criteria:
      "Already in hospital: the child is on a mental health inpatient ward. The work is about getting home: planning discharge, keeping in touch with family and school, and regular CETRs.",
  },
  {
    rating: "red",
    label: "Red",
    criteria:
      "High risk of admission now. Without extra help in the next days the child may be admitted: for example they are hurting themselves or others, their home, placement or school has broken down, or the family cannot keep them safe. Needs a keyworker and a CETR.",
  },
  {
    rating: "amber",
    label: "Amber",
    criteria:
      "High risk of admission soon without the right support. Things are getting harder (more distress, missing school, a family close to exhausted) and support that is needed is not yet in place. Needs a keyworker.",
  },
  {
    rating: "green",
    label: "Green",
    criteria:
      "Risk is well managed. The support around the child is working and the plan is being kept to. Still watched on the register, and looked at again if anything changes.",
  },
];

/**
 * The levels a service uses, most serious first: its own list when it has one, else the four.
 * The four are always there (every child's history and the register's signals speak of them):
 * a service's list gives them its own criteria and adds levels; any of the four it leaves out
 * keeps the wording above, after the service's own. Repeats of a rating count once (the first).
 */
export function ragLevelsOf(serviceLevels: readonly RagLevel[] | null | undefined): RagLevel[] {
  if (!serviceLevels || serviceLevels.length === 0) return [...defaultRagLevels];
  const seen = new Set<string>();
  const levels: RagLevel[] = [];
  for (const level of [...serviceLevels, ...defaultRagLevels]) {
    if (seen.has(level.rating)) continue;
    seen.add(level.rating);
    levels.push(level);
  }
  return levels;
}

/** The level with this rating among the service's, or undefined when the service has no such level. */
export function ragLevelOf(levels: readonly RagLevel[], rating: RecordedRagRating): RagLevel | undefined {
  return levels.find((level) => level.rating === rating);
}

/** The level's name as people say it ("amber", "yellow"), for sentences like "already amber". */
export function ragLevelName(levels: readonly RagLevel[], rating: RecordedRagRating): string {
  return (ragLevelOf(levels, rating)?.label ?? rating).toLowerCase();
}
