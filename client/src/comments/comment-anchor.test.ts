import { getSchema } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { StarterKit } from "@tiptap/starter-kit";
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorForRange, placeOfAnchor, type YBinding } from "./comment-anchor";

const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

function paragraph(text: string) {
  return { type: "paragraph", content: [{ type: "text", text }] };
}

/** A shared document with these paragraphs, and what the editor would show of it. */
function sharedDocument(...paragraphs: string[]) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  prosemirrorJSONToYXmlFragment(schema, { type: "doc", content: paragraphs.map(paragraph) }, fragment);
  return { doc, fragment };
}

/** The editor's view of the shared document as it is now (as y-tiptap renders it after a change). */
function render(doc: Y.Doc, fragment: Y.XmlFragment): { binding: YBinding; pm: Node } {
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
  return { binding: { doc, type: fragment, mapping }, pm };
}

/** Editor positions of the first time `words` appear. */
function rangeOf(pm: Node, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  pm.descendants((node, pos) => {
    if (found || !node.isText || !node.text) return !found;
    const at = node.text.indexOf(words);
    if (at >= 0) found = { from: pos + at, to: pos + at + words.length };
    return false;
  });
  if (!found) throw new Error(`"${words}" is not in the document`);
  return found;
}

function textOfPlace(pm: Node, binding: YBinding, anchor: ReturnType<typeof anchorForRange>): string | null {
  const place = placeOfAnchor(binding, anchor, pm.content.size);
  return place.status === "found" ? pm.textBetween(place.from, place.to, "\n") : null;
}

function paragraphText(fragment: Y.XmlFragment, index: number): Y.XmlText {
  const element = fragment.get(index) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

describe("comment anchors", () => {
  it("finds the same words after a round trip through JSON", () => {
    const { doc, fragment } = sharedDocument("Jamie likes swimming on Saturdays.", "School is hard on Mondays.");
    const { binding, pm } = render(doc, fragment);
    const anchor = anchorForRange(binding, rangeOf(pm, "swimming").from, rangeOf(pm, "swimming").to);
    const stored = JSON.parse(JSON.stringify(anchor)) as typeof anchor;
    expect(textOfPlace(pm, binding, stored)).toBe("swimming");
  });

  it("keeps pointing at the passage when text is written before it", () => {
    const { doc, fragment } = sharedDocument("Jamie likes swimming on Saturdays.", "School is hard on Mondays.");
    const first = render(doc, fragment);
    const range = rangeOf(first.pm, "hard on Mondays");
    const anchor = anchorForRange(first.binding, range.from, range.to);

    fragment.insert(0, [new Y.XmlElement("paragraph")]);
    (fragment.get(0) as Y.XmlElement).insert(0, [new Y.XmlText("A new first paragraph. ")]);
    paragraphText(fragment, 2).insert(0, "Going to ");

    const after = render(doc, fragment);
    expect(textOfPlace(after.pm, after.binding, anchor)).toBe("hard on Mondays");
  });

  it("does not take in words typed just before or just after the passage", () => {
    const { doc, fragment } = sharedDocument("Jamie likes swimming on Saturdays.");
    const first = render(doc, fragment);
    const range = rangeOf(first.pm, "swimming");
    const anchor = anchorForRange(first.binding, range.from, range.to);

    const text = paragraphText(fragment, 0);
    text.insert("Jamie likes swimming".length, " lessons");
    text.insert("Jamie likes ".length, "indoor ");

    const after = render(doc, fragment);
    expect(after.pm.textContent).toBe("Jamie likes indoor swimming lessons on Saturdays.");
    expect(textOfPlace(after.pm, after.binding, anchor)).toBe("swimming");
  });

  it("finds a passage that starts with the document's first word", () => {
    const { doc, fragment } = sharedDocument("Jamie likes swimming.");
    const first = render(doc, fragment);
    const anchor = anchorForRange(first.binding, rangeOf(first.pm, "Jamie").from, rangeOf(first.pm, "Jamie").to);
    expect(textOfPlace(first.pm, first.binding, anchor)).toBe("Jamie");

    paragraphText(fragment, 0).insert(0, "Since May, ");
    const after = render(doc, fragment);
    expect(textOfPlace(after.pm, after.binding, anchor)).toBe("Jamie");
  });

  it("follows a passage across two paragraphs", () => {
    const { doc, fragment } = sharedDocument("Jamie likes swimming.", "School is hard.");
    const { binding, pm } = render(doc, fragment);
    const anchor = anchorForRange(binding, rangeOf(pm, "swimming").from, rangeOf(pm, "School").to);
    expect(textOfPlace(pm, binding, anchor)).toBe("swimming.\nSchool");
  });

  it("says the passage has been removed when all its words are deleted", () => {
    const { doc, fragment } = sharedDocument("Jamie likes swimming on Saturdays.");
    const first = render(doc, fragment);
    const range = rangeOf(first.pm, "swimming ");
    const anchor = anchorForRange(first.binding, range.from, range.to);

    paragraphText(fragment, 0).delete("Jamie likes ".length, "swimming ".length);

    const after = render(doc, fragment);
    expect(after.pm.textContent).toBe("Jamie likes on Saturdays.");
    expect(placeOfAnchor(after.binding, anchor, after.pm.content.size)).toEqual({ status: "removed" });
  });

  it("says the passage has been removed when its whole paragraph is deleted", () => {
    const { doc, fragment } = sharedDocument("Jamie likes swimming.", "School is hard.");
    const first = render(doc, fragment);
    const range = rangeOf(first.pm, "swimming");
    const anchor = anchorForRange(first.binding, range.from, range.to);

    fragment.delete(0, 1);

    const after = render(doc, fragment);
    expect(placeOfAnchor(after.binding, anchor, after.pm.content.size)).toEqual({ status: "removed" });
  });

  it("waits for words this device has not received yet", () => {
    const writer = sharedDocument("Jamie likes swimming.");
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer.doc));

    paragraphText(writer.fragment, 0).insert(0, "Now: ");
    const written = render(writer.doc, writer.fragment);
    const range = rangeOf(written.pm, "Now");
    const anchor = anchorForRange(written.binding, range.from, range.to);

    const readerView = render(reader, reader.getXmlFragment("default"));
    expect(placeOfAnchor(readerView.binding, anchor, readerView.pm.content.size)).toEqual({ status: "waiting" });

    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer.doc));
    const caughtUp = render(reader, reader.getXmlFragment("default"));
    expect(textOfPlace(caughtUp.pm, caughtUp.binding, anchor)).toBe("Now");
  });
});
