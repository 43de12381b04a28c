import { projectActions } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { richTextToJson } from "./document-json.js";
import { newCaseMinutesState, newMinutesState } from "./minutes.js";
import { richTextFragment } from "./rich-text.js";

const jamie = { id: "3e1a4b5c-6d7e-4f80-b192-a3b4c5d6e7f8", name: "Jamie Walker" };
const aisha = { id: "4f2b5c6d-7e8f-4091-a2a3-b4c5d6e7f809", name: "Aisha Reid" };

describe("minutes template", () => {
  it("gives a tracker meeting's own minutes only its general business, and each child a section of their own", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newMinutesState({ agenda: ["Welcome", "Review the cases"], sectionsApart: true }));
    const headings = richTextToJson(doc).content!.filter((n) => n.type === "heading");
    expect(headings.map((h) => h.content?.[0]?.text)).toEqual(["Agenda", "Any other business"]);
    const section = new Y.Doc();
    Y.applyUpdate(section, newCaseMinutesState(aisha));
    const sectionHeadings = richTextToJson(section).content!.filter((n) => n.type === "heading");
    expect(sectionHeadings.map((h) => [h.content?.[0]?.text, h.attrs?.caseId ?? null])).toEqual([
      ["Aisha Reid", aisha.id],
      ["Notes", null],
      ["Decisions", null],
      ["Actions", null],
    ]);
  });

  it("stores no prompt text: what to type is the editor's placeholder", () => {
    for (const state of [newMinutesState({ agenda: [] }), newCaseMinutesState(jamie)]) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      expect(JSON.stringify(richTextToJson(doc))).not.toContain("/action");
    }
  });

  it("tracks an action typed under a child's Actions heading against that child", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newCaseMinutesState(aisha));
    const fragment = richTextFragment(doc);
    const action = new Y.XmlElement("actionItem");
    action.setAttribute("id", "0b8f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4");
    action.insert(0, [new Y.XmlText("Ask transport about a smaller minibus")]);
    fragment.insert(6, [action]); // after Notes, Decisions and the Actions heading
    expect(projectActions(richTextToJson(doc))).toMatchObject([{ caseId: aisha.id, section: "Actions" }]);
  });
});
