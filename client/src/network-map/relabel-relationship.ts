/**
 * A relationship's words changed from the list or the drawn map: the model's change under this
 * person's origin, so their Undo takes it back, as one step of its own.
 */
import { setMapEdgeLabel } from "@roundtable/collab";
import type * as Y from "yjs";
import { changeOrSay } from "./form-change";
import type { NetworkMapHandle } from "./use-network-map";

/** Null when changed; otherwise what to say (the map cannot take the words, or the relationship has gone). */
export function relabelRelationship(doc: Y.Doc, handle: Pick<NetworkMapHandle, "origin" | "endStep">, edgeId: string, label: string): string | null {
  return changeOrSay(handle, () => setMapEdgeLabel(doc, edgeId, label, handle.origin), "This relationship is no longer on the map: someone else removed it.");
}
