import { getSchema } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { StarterKit } from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { insertActionItem } from "./action-insert";
import { ActionItemNode } from "./action-item-node";

const schema = getSchema([StarterKit, ActionItemNode]);
const actionType = schema.nodes.actionItem!;
const p = (text?: string) => schema.node("paragraph", null, text ? [schema.text(text)] : []);

function insertAt(doc: PmNode, cursor: number) {
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, cursor) });
  const tr = state.tr;
  expect(insertActionItem(tr, actionType, "new-id")).toBe(true);
  return tr;
}

describe("insertActionItem", () => {
  it("turns an empty paragraph into the action, with the cursor inside", () => {
    const doc = schema.node("doc", null, [p("Before"), p()]);
    const tr = insertAt(doc, 9);
    expect(tr.doc.child(1).type.name).toBe("actionItem");
    expect(tr.doc.child(1).attrs.id).toBe("new-id");
    expect(tr.selection.$from.parent.type.name).toBe("actionItem");
  });

  it("adds the action after a paragraph that has words in it", () => {
    const doc = schema.node("doc", null, [p("Agreed today"), p("Next")]);
    const tr = insertAt(doc, 4);
    expect(tr.doc.childCount).toBe(3);
    expect(tr.doc.child(0).textContent).toBe("Agreed today");
    expect(tr.doc.child(1).type.name).toBe("actionItem");
    expect(tr.selection.$from.parent.type.name).toBe("actionItem");
  });

  it("adds the action after a whole list, not inside it", () => {
    const list = schema.node("bulletList", null, [schema.node("listItem", null, [p("One")])]);
    const doc = schema.node("doc", null, [list]);
    const tr = insertAt(doc, 4);
    expect(tr.doc.child(1).type.name).toBe("actionItem");
  });

  it("turns an empty bullet into the action, splitting the list around it", () => {
    const li = (text?: string) => schema.node("listItem", null, [p(text)]);
    const doc = schema.node("doc", null, [schema.node("bulletList", null, [li("One"), li(), li("Two")])]);
    // Inside the empty bullet's paragraph: doc > bulletList > listItem("One") is 7 long.
    const tr = insertAt(doc, 10);
    expect(tr.doc.toString()).toBe(
      'doc(bulletList(listItem(paragraph("One"))), actionItem, bulletList(listItem(paragraph("Two"))))',
    );
    expect(tr.selection.$from.parent.type.name).toBe("actionItem");
  });

  it("replaces a list that holds only the empty bullet", () => {
    const doc = schema.node("doc", null, [p("Before"), schema.node("bulletList", null, [schema.node("listItem", null, [p()])])]);
    const tr = insertAt(doc, 11);
    expect(tr.doc.toString()).toBe('doc(paragraph("Before"), actionItem)');
  });
});

