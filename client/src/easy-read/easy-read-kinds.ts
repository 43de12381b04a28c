import type { DocumentKind } from "@roundtable/domain";

/** The documents with an easy-read view: the care plan (and the family's part of it) and minutes. */
const kinds: readonly DocumentKind[] = ["care-plan", "family-views", "minutes"];

export function hasEasyRead(kind: DocumentKind): boolean {
  return kinds.includes(kind);
}
