/**
 * Who is reading, as the words on a screen need to know it: the child's parent, the young person
 * themself, a professional from another agency, the child's own keyworker, or other keyworking
 * staff. Every sentence that speaks to the reader is a function of this.
 */
import type { Role } from "./roles.js";

export type ReaderRelation = "parent" | "young-person" | "professional" | "own-keyworker" | "other-staff";

export function readerRelation(q: { accountRole: Role; isOwnKeyworker: boolean }): ReaderRelation {
  if (q.accountRole === "parent") return "parent";
  if (q.accountRole === "young-person") return "young-person";
  if (q.accountRole === "professional" || q.accountRole === "icb-lead") return "professional";
  return q.isOwnKeyworker ? "own-keyworker" : "other-staff";
}
