import { describe, expect, it } from "vitest";
import type { DocNode } from "./actions/action-projection.js";
import { compareSections, diffParagraphs, newVersionBodySchema, sectionsOf } from "./document-versions.js";

const p = (text: string): DocNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const h = (text: string): DocNode => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });

describe("comparing a named version with today's text", () => {
  it("finds paragraphs added, removed and changed in place, keeping the ones that stayed", () => {
    expect(diffParagraphs(["A", "B", "C", "D"], ["A", "B2", "C", "E", "D"])).toEqual([
      { kind: "same", text: "A" },
      { kind: "changed", before: "B", after: "B2" },
      { kind: "same", text: "C" },
      { kind: "added", text: "E" },
      { kind: "same", text: "D" },
    ]);
    expect(diffParagraphs(["A", "B"], ["A"])).toEqual([{ kind: "same", text: "A" }, { kind: "removed", text: "B" }]);
  });

  it("compares section by section under the care plan's headings, saying which sections are new or gone", () => {
    const then = sectionsOf({ type: "doc", content: [h("About me"), p("I live with Mum."), h("Contacts"), p("School office")] });
    const now = sectionsOf({ type: "doc", content: [h("About me"), p("I live with Mum and my sister."), h("What matters to me"), p("Football")] });
    expect(compareSections(then, now)).toEqual([
      { heading: "About me", status: "changed", changes: [{ kind: "changed", before: "I live with Mum.", after: "I live with Mum and my sister." }] },
      { heading: "What matters to me", status: "added", changes: [{ kind: "added", text: "Football" }] },
      { heading: "Contacts", status: "removed", changes: [{ kind: "removed", text: "School office" }] },
    ]);
  });

  it("keeps two sections that share a heading apart, pairing them by heading and by which one they are", () => {
    const then = sectionsOf({ type: "doc", content: [h("Notes"), p("First note"), h("About me"), p("I live with Mum."), h("Notes"), p("Second note")] });
    const now = sectionsOf({ type: "doc", content: [h("Notes"), p("First note"), h("About me"), p("I live with Mum."), h("Notes"), p("Second note, changed")] });
    expect(compareSections(then, now)).toEqual([
      { heading: "Notes", status: "same", changes: [{ kind: "same", text: "First note" }] },
      { heading: "About me", status: "same", changes: [{ kind: "same", text: "I live with Mum." }] },
      { heading: "Notes", status: "changed", changes: [{ kind: "changed", before: "Second note", after: "Second note, changed" }] },
    ]);
    // A second "Notes" added since the version is new; the first is still compared with the first.
    const added = compareSections(sectionsOf({ type: "doc", content: [h("Notes"), p("First note")] }), then);
    expect(added.map((s) => `${s.heading}: ${s.status}`)).toEqual(["Notes: same", "About me: added", "Notes: added"]);
  });

  it("says a section is the same when nothing in it changed", () => {
    const doc: DocNode = { type: "doc", content: [h("About me"), p("Same words")] };
    expect(compareSections(sectionsOf(doc), sectionsOf(doc))).toEqual([{ heading: "About me", status: "same", changes: [{ kind: "same", text: "Same words" }] }]);
  });
});

describe("naming a version", () => {
  it("refuses the names Roundtable keeps for the minutes it saves itself, in any case", () => {
    expect(newVersionBodySchema.safeParse({ name: "agreed MINUTES" }).success).toBe(false);
    expect(newVersionBodySchema.safeParse({ name: " Minutes as the meeting ended " }).success).toBe(false);
    expect(newVersionBodySchema.safeParse({ name: "Agreed at the review on 8 December 2026" }).success).toBe(true);
  });
});
