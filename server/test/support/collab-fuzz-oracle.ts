/**
 * The fuzz test's oracle: from the reference decoders (lib0, Yjs, JSON) and never from the
 * server's code, whether a frame must close the connection, must leave it open, or may do either.
 */
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import {
  cloneDoc,
  maxAwarenessBytes,
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  syncStep1,
  syncStep2,
  syncUpdate,
  type Expectation,
  type Frame,
} from "./collab-fuzz-frames.js";

/** What a frame does to a copy of the document, by Yjs itself: throws, changes it, or neither. */
export function trialApply(doc: Y.Doc, update: Uint8Array): "throws" | "changes" | "no change" {
  const copy = cloneDoc(doc);
  let changed = false;
  copy.on("update", () => (changed = true));
  try {
    Y.applyUpdate(copy, update);
  } catch {
    return "throws";
  } finally {
    copy.destroy();
  }
  return changed || copy.store.pendingStructs !== null || copy.store.pendingDs !== null ? "changes" : "no change";
}

export interface Verdict {
  expect: Expectation;
  /** A document update (sync step 2 or update) that decodes, with its payload. */
  update?: Uint8Array;
}

/**
 * What must happen to the connection that sends this frame, by the protocol alone. Updates that
 * decode are "either" here; the caller knows whether they may apply (editors) or are dropped
 * (readers) and checks the document instead.
 */
export function judge(f: Frame, doc: Y.Doc): Verdict {
  if (typeof f.data === "string") return { expect: "close" };
  const d = decoding.createDecoder(f.data);
  try {
    const type = decoding.readVarUint(d);
    if (type === messageAuth || type === messageQueryAwareness) return { expect: "stay" };
    if (type === messageAwareness) {
      const payload = decoding.readVarUint8Array(d);
      const p = decoding.createDecoder(payload);
      const count = decoding.readVarUint(p);
      for (let i = 0; i < count; i++) {
        decoding.readVarUint(p);
        decoding.readVarUint(p);
        const start = p.pos;
        // A string's UTF-8 length comes first. (The server measures only new states; the
        // generator's oversized states all are: fresh client ids, nobody else's.)
        if (decoding.readVarUint(p) > maxAwarenessBytes) return { expect: "close" };
        p.pos = start;
        JSON.stringify(JSON.parse(decoding.readVarString(p)));
      }
      return { expect: "stay" };
    }
    if (type !== messageSync) return { expect: "close" };
    const sub = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (sub === syncStep1) {
      Y.encodeStateAsUpdate(doc, payload);
      return { expect: "stay" };
    }
    if (sub !== syncStep2 && sub !== syncUpdate) return { expect: "close" };
    Y.decodeUpdate(payload);
    return { expect: "either", update: payload };
  } catch {
    return { expect: "close" };
  }
}
