import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { StarterKit } from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { actionsNeedingNewIds, newActionId, uniqueActionIds } from "./action-ids";
import { ActionItemNode } from "./action-item-node";

const schema = getSchema([StarterKit, ActionItemNode]);

function stateWith(ids: string[]) {
  const doc = schema.node(
    "doc",
    null,
    ids.map((id) => schema.node("actionItem", { id, status: "open" }, [schema.text(`do ${id}`)])),
  );
  return EditorState.create({ doc, plugins: [uniqueActionIds("actionItem")] });
}

function idsIn(state: EditorState): string[] {
  const ids: string[] = [];
  state.doc.descendants((node) => {
    if (node.type.name === "actionItem") ids.push(node.attrs.id as string);
  });
  return ids;
}

describe("actionsNeedingNewIds", () => {
  it("gives actions without an id a new one", () => {
    expect(actionsNeedingNewIds([{ id: "a", changed: false }, { id: null, changed: true }])).toEqual([1]);
  });

  it("keeps the original and renews the copy, wherever the copy was pasted", () => {
    expect(actionsNeedingNewIds([{ id: "a", changed: true }, { id: "a", changed: false }])).toEqual([0]);
    expect(actionsNeedingNewIds([{ id: "a", changed: false }, { id: "a", changed: true }])).toEqual([1]);
  });

  it("keeps the first when the change touched every copy", () => {
    expect(actionsNeedingNewIds([{ id: "a", changed: true }, { id: "a", changed: true }, { id: "b", changed: true }])).toEqual([1]);
  });
});

describe("uniqueActionIds", () => {
  it("gives a pasted copy a new id and leaves the original alone", () => {
    const state = stateWith(["11111111-1111-4111-8111-111111111111"]);
    const copy = state.doc.firstChild!;
    const after = state.applyTransaction(state.tr.insert(0, copy)).state;
    const ids = idsIn(after);
    expect(ids[1]).toBe("11111111-1111-4111-8111-111111111111");
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("does not touch changes that came from other people through Yjs", () => {
    const state = stateWith(["11111111-1111-4111-8111-111111111111"]);
    const tr = state.tr.insert(0, state.doc.firstChild!).setMeta("y-sync$", { isChangeOrigin: true });
    const ids = idsIn(state.applyTransaction(tr).state);
    expect(ids[0]).toBe(ids[1]);
  });
});

describe("newActionId", () => {
  it("is a version 4 UUID", () => {
    expect(newActionId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
