/** A new network map: the young person in the centre, by name, and nobody around them yet. */
import { networkMapLimits } from "@roundtable/domain";
import * as Y from "yjs";
import { addMapNode } from "./map-changes.js";

/** The young person's node's id in a map made here (other tools may add one with any id). */
export const youngPersonNodeId = "young-person";

export function newNetworkMapState(childName: string): Uint8Array {
  const doc = new Y.Doc();
  addMapNode(doc, { label: childName.slice(0, networkMapLimits.maxTextLength), kind: "young-person", status: "on-board", x: 0, y: 0 }, { id: youngPersonNodeId });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
