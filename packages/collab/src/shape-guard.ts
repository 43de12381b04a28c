/**
 * Keeps a document inside its kind's model (a DocumentShape, e.g. the network map's nodes and
 * edges). Whether an update fits can only be told from the state it leaves, and Yjs cannot take
 * an update back, so the guard keeps a copy of the room's document: each person's update is
 * applied to the copy first and the shape asked about what that transaction changed. An update
 * that does not fit is refused whole (the room never applies, logs or sends it) and the copy is
 * made again from the room's document; one that fits is then applied to the room's document too.
 * Updates Yjs holds back (their dependencies not yet arrived) are held back by the copy alike, and
 * checked in the transaction that finally applies them.
 */
import * as Y from "yjs";
import { closeCodes, ProtocolError } from "./protocol.js";

export interface DocumentShape {
  /** Called on each new copy before anything is applied to it: e.g. `doc.getMap("nodes")`, so roots have their types. */
  prepare(doc: Y.Doc): void;
  /**
   * Why the document, as this transaction left it, is outside the model (short: it is a close
   * reason), or null when it fits. Only what the transaction changed needs looking at.
   */
  refusal(doc: Y.Doc, transaction: Y.Transaction): string | null;
}

/** A websocket close reason is at most 123 bytes. */
const maxReasonBytes = 123;

export class ShapeGuard {
  private copy: Y.Doc;

  constructor(
    private readonly source: Y.Doc,
    private readonly shape: DocumentShape,
  ) {
    this.copy = this.copyOfSource();
  }

  /** Throws ProtocolError when the update would leave the document outside its model. */
  admit(update: Uint8Array): void {
    const copy = this.copy;
    let refusal: string | null = null;
    const check = (transaction: Y.Transaction) => {
      refusal ??= this.shape.refusal(copy, transaction);
    };
    copy.on("afterTransaction", check);
    try {
      Y.applyUpdate(copy, update);
    } catch {
      this.resync();
      throw new ProtocolError(closeCodes.malformed, "Document update could not be applied");
    } finally {
      copy.off("afterTransaction", check);
    }
    if (refusal !== null) {
      this.resync();
      throw new ProtocolError(closeCodes.outsideModel, fitReason(refusal));
    }
  }

  /** The room applied a change of its own (or could not apply one the guard admitted): the copy follows. */
  follow(update: Uint8Array): void {
    Y.applyUpdate(this.copy, update);
  }

  resync(): void {
    this.copy.destroy();
    this.copy = this.copyOfSource();
  }

  destroy(): void {
    this.copy.destroy();
  }

  /** Y.encodeStateAsUpdate includes what the source holds back, so the copy holds back the same. */
  private copyOfSource(): Y.Doc {
    const copy = new Y.Doc({ gc: this.source.gc });
    this.shape.prepare(copy);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.source));
    return copy;
  }
}

function fitReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.byteLength <= maxReasonBytes) return reason;
  return `${new TextDecoder().decode(bytes.slice(0, maxReasonBytes - 3)).replace(/\uFFFD$/, "")}…`;
}
