import type { DocumentKind } from "@roundtable/domain";

/** The documents with an easy-read view: the care plan (and the young person's and the family's parts of it) and minutes. */
const kinds: readonly DocumentKind[] = ["care-plan", "young-person-views", "family-views", "minutes"];

export function hasEasyRead(kind: DocumentKind): boolean {
  return kinds.includes(kind);
}
