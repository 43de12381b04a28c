/**
 * Checks a document update from a client before the room applies it. Yjs trusts its peers: an
 * update can decode cleanly and still make `Y.applyUpdate` throw half-way through, after part of
 * it has already been integrated (and so logged and broadcast). The fuzz tests found two such
 * shapes; both are refused here, whole, before anything is applied.
 */
import * as Y from "yjs";
import { closeCodes, ProtocolError } from "./protocol.js";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Returns the decoded update, so later checks need not decode it again. */
export function assertApplicableUpdate(update: Uint8Array): DecodedUpdate {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError(closeCodes.malformed, "Malformed document update");
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    // A client's item can only point at that client's earlier items (its left and right
    // neighbours and its parent all existed before it). Yjs looks such a reference up without
    // checking, and an impossible one throws part-way through the update.
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (ref instanceof Y.ID && ref.client === client && ref.clock >= clock) {
        throw new ProtocolError(closeCodes.malformed, "Document update refers to an item that cannot exist");
      }
    }
  }
  // An empty deleted range breaks Yjs when it re-encodes the ranges it could not apply yet.
  for (const ranges of decoded.ds.clients.values()) {
    for (const { len } of ranges) {
      if (!(len > 0)) throw new ProtocolError(closeCodes.malformed, "Malformed deletions in document update");
    }
  }
  return decoded;
}
