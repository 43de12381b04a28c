import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyStoredUpdates, mergeStoredUpdates } from "./stored-state.js";

/** Someone typing and deleting, one update per keystroke, as the update log keeps them. */
function typedLog(keystrokes: number): Uint8Array[] {
  const doc = new Y.Doc();
  const log: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => log.push(u));
  const text = doc.getText("t");
  for (let i = 0; i < keystrokes; i++) {
    if (i % 7 === 6) text.delete(text.length - 1, 1);
    else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  }
  return log;
}

describe("a document's stored state", () => {
  it("reads as Y.mergeUpdates reads it", () => {
    const log = typedLog(600);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.mergeUpdates(log));
    const applied = new Y.Doc();
    applyStoredUpdates(applied, log, "loading");
    const fromOne = new Y.Doc();
    Y.applyUpdate(fromOne, mergeStoredUpdates(log));
    expect(applied.getText("t").toString()).toBe(merged.getText("t").toString());
    expect(fromOne.getText("t").toString()).toBe(merged.getText("t").toString());
    expect(Y.encodeStateVector(fromOne)).toEqual(Y.encodeStateVector(merged));
  });

  it("is applied in one transaction, with the origin given", () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => origins.push(tr.origin));
    applyStoredUpdates(doc, typedLog(50), "loading");
    expect(origins).toEqual(["loading"]);
  });

  it("keeps an update whose earlier ones are missing, so it takes effect once they arrive", () => {
    const log = typedLog(10);
    const withoutFirst = mergeStoredUpdates(log.slice(1));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, withoutFirst);
    expect(doc.getText("t").toString()).toBe("");
    Y.applyUpdate(doc, log[0]!);
    const whole = new Y.Doc();
    applyStoredUpdates(whole, log);
    expect(doc.getText("t").toString()).toBe(whole.getText("t").toString());
  });
});
