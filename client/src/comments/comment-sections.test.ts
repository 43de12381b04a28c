import { getSchema } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { placeOfAnchor } from "./comment-anchor";
import { passageForSection, sectionsOf } from "./comment-sections";

const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

const heading = (text: string) => ({ type: "heading", attrs: { level: 2 }, content: text ? [{ type: "text", text }] : [] });
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function plan(...content: object[]) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  prosemirrorJSONToYXmlFragment(schema, { type: "doc", content }, fragment);
  const { doc: pm, mapping } = initProseMirrorDoc(fragment, schema);
  return { pm, binding: { doc, type: fragment, mapping } };
}

describe("commenting on a section chosen by its heading", () => {
  it("lists the headings with words, in order, and leaves out an empty one", () => {
    const { pm } = plan(heading("About me"), paragraph("I am Jamie."), heading(""), heading("What   matters to me"), paragraph("Quiet rooms."));
    expect(sectionsOf(pm).map((s) => s.heading)).toEqual(["About me", "What matters to me"]);
  });

  it("anchors the comment to the heading's words, so it shows against that section", () => {
    const { pm, binding } = plan(heading("About me"), paragraph("I am Jamie."), heading("What matters to me"), paragraph("Quiet rooms."));
    const section = sectionsOf(pm)[1]!;
    const passage = passageForSection(binding, section);
    expect(passage?.quote).toBe("What matters to me");
    const place = placeOfAnchor(binding, passage!.anchor, pm.content.size);
    expect(place.status === "found" ? pm.textBetween(place.from, place.to) : null).toBe("What matters to me");
  });
});
