/**
 * Keeps a document within its size limit. A room counts an upper bound on the document's stored
 * size: what it was loaded from, plus every update accepted since (people's as they sent them,
 * so updates Yjs holds back count too). Compaction only makes the real size smaller, and the
 * count starts afresh when the document is next loaded. An update that would pass the limit is
 * refused whole, before it is applied, logged or sent to anyone.
 */
import * as Y from "yjs";
import { closeCodes, ProtocolError } from "./protocol.js";

export class DocumentSize {
  bytes: number;

  constructor(
    initialUpdates: readonly Uint8Array[],
    private readonly maxBytes: number,
  ) {
    this.bytes = initialUpdates.reduce((sum, u) => sum + u.byteLength, 0);
  }

  /**
   * Count a person's update, or refuse it when it would take the document past the limit. Near
   * the limit, what the document already has is left out, so a client re-sending what the
   * server holds (a sync after reconnecting) is not refused for it.
   */
  admit(update: Uint8Array, doc: Y.Doc): void {
    const room = this.maxBytes - this.bytes;
    let added = update.byteLength;
    if (added > room) added = Y.diffUpdate(update, Y.encodeStateVector(doc)).byteLength;
    if (added > room) {
      throw new ProtocolError(closeCodes.documentTooLarge, `This document has reached its size limit of ${this.maxBytes} bytes`);
    }
    this.bytes += added;
  }

  /** Count a change the server made itself (a template, an action changed from a list). */
  note(update: Uint8Array): void {
    this.bytes += update.byteLength;
  }
}
