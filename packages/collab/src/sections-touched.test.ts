import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { actionItem, heading, paragraph, richTextFragment } from "./rich-text.js";
import { newCarePlanState } from "./care-plan.js";
import { sectionsOfBlocks, sectionsTouched, type SectionTouch } from "./sections-touched.js";

/** A server copy and a person's copy of one care plan; an edit on the person's is applied to the server's and read. */
function twoCopies() {
  const server = new Y.Doc();
  Y.applyUpdate(server, newCarePlanState());
  const person = new Y.Doc();
  Y.applyUpdate(person, Y.encodeStateAsUpdate(server));
  const edit = (change: (fragment: Y.XmlFragment) => void) => {
    let update: Uint8Array | null = null;
    const take = (u: Uint8Array) => (update = u);
    person.on("update", take);
    person.transact(() => change(richTextFragment(person)));
    person.off("update", take);
    Y.applyUpdate(server, update!);
    return Object.fromEntries(sectionsTouched(server, update!));
  };
  return { edit, server };
}

const blockIndex = (fragment: Y.XmlFragment, headingText: string) =>
  fragment.toArray().findIndex((b) => b instanceof Y.XmlElement && b.nodeName === "heading" && b.toArray().join("") === headingText);
const textUnder = (fragment: Y.XmlFragment, headingText: string) => (fragment.get(blockIndex(fragment, headingText) + 1) as Y.XmlElement).get(0) as Y.XmlText;

describe("the sections an update touched", () => {
  it("names the section typed into as added to", () => {
    const { edit } = twoCopies();
    expect(edit((f) => textUnder(f, "Needs and strengths").insert(0, "Jamie sleeps badly. "))).toEqual({ "Needs and strengths": "added" });
  });

  it("says changed when words were deleted, and names every section one edit touched", () => {
    const { edit } = twoCopies();
    expect(
      edit((f) => {
        textUnder(f, "Needs and strengths").delete(0, 5);
        textUnder(f, "Outcomes we are working towards").insert(0, "School mornings. ");
      }),
    ).toEqual({ "Needs and strengths": "changed", "Outcomes we are working towards": "added" });
  });

  it("counts a new paragraph as added to the section above it, and a removed one as a change there", () => {
    const { edit } = twoCopies();
    expect(edit((f) => f.insert(blockIndex(f, "Contacts") + 1, [paragraph("School office: 01632 960 000")]))).toEqual({ Contacts: "added" });
    expect(edit((f) => f.delete(blockIndex(f, "Contacts") + 1, 1))).toEqual({ Contacts: "changed" });
  });

  it("counts an action's status changing as a change to its section", () => {
    const { edit } = twoCopies();
    edit((f) => f.insert(blockIndex(f, "Who does what by when") + 1, [actionItem("Book the review", { id: "a1", status: "open" })]));
    expect(edit((f) => (f.get(blockIndex(f, "Who does what by when") + 1) as Y.XmlElement).setAttribute("status", "done"))).toEqual({ "Who does what by when": "changed" });
  });

  it("names a renamed heading by its new words, and text before any heading by no heading", () => {
    const { edit } = twoCopies();
    expect(edit((f) => ((f.get(blockIndex(f, "Contacts")) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Useful "))).toEqual({ "Useful Contacts": "added" });
    expect(edit((f) => f.insert(0, [paragraph("Draft for the review")]))).toEqual({ "": "added" });
    expect(edit((f) => f.insert(f.length, [heading("Notes"), paragraph("A note")]))).toEqual({ Notes: "added" });
  });

  it("puts each block in the same section as a walk down the whole document would, whatever was added or deleted", () => {
    // The reference: walk from the top, carrying the last heading still there.
    const byWalkingDown = (fragment: Y.XmlFragment, touched: Map<Y.Item, SectionTouch>) => {
      const sections = new Map<string, SectionTouch>();
      let current = "";
      for (let b = fragment._start; b !== null; b = b.right) {
        const el = !b.deleted && b.content instanceof Y.ContentType ? b.content.type : null;
        if (el instanceof Y.XmlElement && el.nodeName === "heading") current = el.toArray().join("").replace(/\s+/g, " ").trim();
        const kind = touched.get(b);
        if (kind && sections.get(current) !== "changed") sections.set(current, kind);
      }
      return sections;
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("heading", "paragraph", "delete"), fc.nat()), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom<SectionTouch>("added", "changed")), { maxLength: 8 }),
        (steps, picks) => {
          const doc = new Y.Doc();
          const fragment = richTextFragment(doc);
          for (const [op, at] of steps) {
            if (op === "delete") {
              if (fragment.length > 0) fragment.delete(at % fragment.length, 1);
            } else fragment.insert(at % (fragment.length + 1), [op === "heading" ? heading(`Section ${at}`) : paragraph(`Words ${at}`)]);
          }
          const blocks: Y.Item[] = []; // deleted ones too: a deleted block is named by where it was
          for (let b = fragment._start; b !== null; b = b.right) blocks.push(b);
          const touched = new Map<Y.Item, SectionTouch>();
          for (const [n, kind] of picks) {
            const block = blocks[n % Math.max(blocks.length, 1)];
            if (block && touched.get(block) !== "changed") touched.set(block, kind);
          }
          expect(Object.fromEntries(sectionsOfBlocks(touched))).toEqual(Object.fromEntries(byWalkingDown(fragment, touched)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
