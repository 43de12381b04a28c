/**
 * Where the focus goes after a change to the service's relationships (RelationshipLabelsSection):
 * the same button on the word just moved, or — once a word is removed — the Remove button of the
 * word that took its place, else of the one before it, else the box to add one.
 */
export type LabelFocus = { kind: "up" | "down" | "remove" | "rename"; id: string } | { kind: "add" };

export function focusAfterRemoving(own: readonly { id: string }[], at: number): LabelFocus {
  const next = own[at + 1] ?? own[at - 1];
  return next ? { kind: "remove", id: next.id } : { kind: "add" };
}
