import { projectActions, textOf } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findElementById, richTextToJson } from "./document-json.js";
import { heading, paragraph, richTextFragment, richTextToPlainText } from "./rich-text.js";

const actionId = "0b8f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4";

function actionElement(text: string, attrs: Record<string, string>): Y.XmlElement {
  const el = new Y.XmlElement("actionItem");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

describe("reading a document as JSON", () => {
  it("gives the ProseMirror shape, so a plain Y.XmlElement('actionItem') projects like a typed one", () => {
    const doc = new Y.Doc();
    richTextFragment(doc).insert(0, [heading("Who does what by when"), paragraph("Agreed today:"), actionElement("Book the review room", { id: actionId, status: "open", dueDate: "2026-12-03" })]);
    const json = richTextToJson(doc);
    expect(json.content?.[2]).toEqual({ type: "actionItem", attrs: { id: actionId, status: "open", dueDate: "2026-12-03" }, content: [{ type: "text", text: "Book the review room" }] });
    expect(projectActions(json)).toMatchObject([{ id: actionId, text: "Book the review room", section: "Who does what by when", dueDate: "2026-12-03" }]);
  });

  it("finds an action element by id, wherever it is nested", () => {
    const doc = new Y.Doc();
    const list = new Y.XmlElement("bulletList");
    const item = new Y.XmlElement("listItem");
    item.insert(0, [actionElement("Nested", { id: actionId })]);
    list.insert(0, [item]);
    richTextFragment(doc).insert(0, [paragraph("x"), list]);
    expect(findElementById(doc, "actionItem", actionId.toUpperCase())?.toArray().join("")).toBe("Nested");
    expect(findElementById(doc, "actionItem", "1c9e2f3a-4b5c-4d6e-9f70-8192a3b4c5d6")).toBeNull();
  });
});

describe("reading a document nested 20,000 levels deep", () => {
  it("reads it as JSON and text, and projects its actions, without running out of stack", () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      // Top-down, one level at a time: Yjs integrates a prebuilt deep tree recursively.
      let parent: Y.XmlFragment | Y.XmlElement = richTextFragment(doc);
      for (let i = 0; i < 20_000; i++) {
        const quote = new Y.XmlElement("blockquote");
        parent.insert(parent.length, [quote]);
        parent = quote;
      }
      parent.insert(0, [heading("Deep section"), actionElement("Still tracked", { id: actionId })]);
    });
    const json = richTextToJson(doc);
    expect(json.content?.[0]?.type).toBe("blockquote");
    expect(projectActions(json)).toMatchObject([{ id: actionId, text: "Still tracked", section: "Deep section" }]);
    expect(textOf(json)).toBe("Deep sectionStill tracked");
    expect(richTextToPlainText(doc)).toBe("Deep section\nStill tracked");
  });
});
