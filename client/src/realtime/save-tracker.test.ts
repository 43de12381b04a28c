import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SaveTracker } from "./save-tracker";

function stateOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** Applies `copy` to `doc` as y-indexeddb restores a device's copy; returns what that added. */
function restore(doc: Y.Doc, copy: Y.Doc): Uint8Array {
  let added: Uint8Array | null = null;
  doc.once("update", (update: Uint8Array) => (added = update));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy));
  return added ?? new Uint8Array();
}

describe("SaveTracker", () => {
  it("is saved before anyone types", () => {
    const doc = new Y.Doc();
    expect(new SaveTracker(doc).hasUnsavedChanges).toBe(false);
  });

  it("is unsaved after a local edit until the server says it is durable", () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc);
    doc.getText("t").insert(0, "hello");
    expect(tracker.hasUnsavedChanges).toBe(true);
    tracker.notePersisted(new Map([[doc.clientID, 2]]));
    expect(tracker.hasUnsavedChanges).toBe(true);
    tracker.notePersisted(stateOf(doc));
    expect(tracker.hasUnsavedChanges).toBe(false);
  });

  it("ignores edits from other people that came through the server", () => {
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc);
    const other = new Y.Doc();
    other.getText("t").insert(0, "from someone else");
    tracker.noteServerState(new Map());
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(tracker.hasUnsavedChanges).toBe(false);
  });

  it("owes edits kept on this device from an earlier visit until the server stores them", () => {
    const earlierVisit = new Y.Doc();
    earlierVisit.getText("t").insert(0, "typed offline");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(earlierVisit)); // as y-indexeddb restores it
    const tracker = new SaveTracker(doc);
    tracker.noteServerState(new Map());
    expect(tracker.hasUnsavedChanges).toBe(true);
    tracker.notePersisted(stateOf(earlierVisit));
    expect(tracker.hasUnsavedChanges).toBe(false);
  });

  it("owes edits from this device's copy that is read after the server's first message (ADR 0031)", () => {
    const server = new Y.Doc();
    server.getText("t").insert(0, "the plan. ");
    const earlierVisit = new Y.Doc();
    Y.applyUpdate(earlierVisit, Y.encodeStateAsUpdate(server));
    earlierVisit.getText("t").insert(10, "typed offline");
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc);
    tracker.noteServerState(stateOf(server)); // the server spoke first: the document is still empty
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    expect(tracker.hasUnsavedChanges).toBe(false);
    // Then the copy is read: what it adds is only what the document lacked.
    tracker.noteRestored(restore(doc, earlierVisit));
    expect(tracker.hasUnsavedChanges).toBe(true);
    tracker.notePersisted(stateOf(earlierVisit));
    expect(tracker.hasUnsavedChanges).toBe(false);
  });

  it("owes nothing for a copy read before the server spoke, once the server says it has it all", () => {
    const earlierVisit = new Y.Doc();
    earlierVisit.getText("t").insert(0, "sent last time");
    const doc = new Y.Doc();
    const tracker = new SaveTracker(doc);
    tracker.noteRestored(restore(doc, earlierVisit));
    expect(tracker.hasUnsavedChanges).toBe(true);
    tracker.noteServerState(stateOf(earlierVisit));
    expect(tracker.hasUnsavedChanges).toBe(false);
  });

  it("owes nothing for restored edits the server already had", () => {
    const earlierVisit = new Y.Doc();
    earlierVisit.getText("t").insert(0, "already sent");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(earlierVisit));
    const tracker = new SaveTracker(doc);
    tracker.noteServerState(stateOf(earlierVisit));
    expect(tracker.hasUnsavedChanges).toBe(false);
  });
});
