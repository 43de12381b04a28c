import { getSchema, type AnyExtension } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { HeadingCaseId } from "./heading-case-id";

const aishaId = "6f1c2a7e-3b4d-4c5e-8f90-a1b2c3d4e5f6";

/** Minutes as the server writes them: a case's heading carrying its id, then a paragraph. */
function minutesWithCaseHeading(): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const heading = new Y.XmlElement("heading");
  heading.setAttribute("level", 2 as unknown as string);
  heading.setAttribute("caseId", aishaId);
  heading.insert(0, [new Y.XmlText("Aisha Reid")]);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Notes")]);
  fragment.insert(0, [heading, paragraph]);
  return { doc, fragment };
}

/** What the editor does when someone changes the heading's words: it writes its document back to Yjs. */
function editHeadingText(extensions: AnyExtension[]): Y.XmlElement {
  const schema = getSchema(extensions);
  const { doc, fragment } = minutesWithCaseHeading();
  const before = yXmlFragmentToProseMirrorRootNode(fragment, schema);
  const heading = before.child(0);
  const after = before.copy(before.content.replaceChild(0, heading.type.create(heading.attrs, schema.text("Aisha Reid (age 13)"))));
  doc.transact(() => updateYFragment(doc, fragment, after, { mapping: new Map(), isOMark: new Map() }));
  return fragment.get(0) as Y.XmlElement;
}

const starterKit = StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } });

describe("the case id on a minutes section's heading", () => {
  it("is read into the editor", () => {
    const schema = getSchema([starterKit, HeadingCaseId]);
    const { fragment } = minutesWithCaseHeading();
    expect(yXmlFragmentToProseMirrorRootNode(fragment, schema).child(0).attrs.caseId).toBe(aishaId);
  });

  it("survives an edit of the heading", () => {
    const heading = editHeadingText([starterKit, HeadingCaseId]);
    expect(heading.toString()).toContain("Aisha Reid (age 13)");
    expect(heading.getAttribute("caseId")).toBe(aishaId);
  });

  it("would be lost without the extension, which is why it is registered", () => {
    const heading = editHeadingText([starterKit]);
    expect(heading.getAttribute("caseId")).toBeUndefined();
  });

  it("is written to the page as data-case-id, and only when there is one", () => {
    const schema = getSchema([starterKit, HeadingCaseId]);
    const withId = schema.nodes.heading!.create({ level: 2, caseId: aishaId });
    const without = schema.nodes.heading!.create({ level: 2 });
    expect(schema.nodes.heading!.spec.toDOM?.(withId)).toEqual(["h2", { "data-case-id": aishaId }, 0]);
    expect(schema.nodes.heading!.spec.toDOM?.(without)).toEqual(["h2", {}, 0]);
  });
});
