import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SaveTracker } from "./save-tracker";

function stateOf(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
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
