import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { actionItem, heading, paragraph, richTextFragment } from "./rich-text.js";
import { newCarePlanState } from "./care-plan.js";
import { sectionsTouched } from "./sections-touched.js";

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
});
