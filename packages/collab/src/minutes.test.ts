import { projectActions } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { richTextToJson } from "./document-json.js";
import { newMinutesState } from "./minutes.js";
import { richTextFragment } from "./rich-text.js";

const jamie = { id: "3e1a4b5c-6d7e-4f80-b192-a3b4c5d6e7f8", name: "Jamie Walker" };
const aisha = { id: "4f2b5c6d-7e8f-4091-a2a3-b4c5d6e7f809", name: "Aisha Reid" };

describe("minutes template", () => {
  it("gives a tracker meeting one section per case, each heading carrying the case id", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newMinutesState({ agenda: ["Welcome", "Review the cases"], cases: [jamie, aisha] }));
    const headings = richTextToJson(doc).content!.filter((n) => n.type === "heading" && n.attrs?.level === 2);
    expect(headings.map((h) => [h.content?.[0]?.text, h.attrs?.caseId ?? null])).toEqual([
      ["Agenda", null],
      ["Jamie Walker", jamie.id],
      ["Aisha Reid", aisha.id],
      ["Any other business", null],
    ]);
  });

  it("tracks an action typed under a case's Actions heading against that case", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newMinutesState({ agenda: [], cases: [jamie, aisha] }));
    const fragment = richTextFragment(doc);
    const aishaIndex = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute("caseId") === aisha.id);
    const action = new Y.XmlElement("actionItem");
    action.setAttribute("id", "0b8f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4");
    action.insert(0, [new Y.XmlText("Ask transport about a smaller minibus")]);
    fragment.insert(aishaIndex + 6, [action]); // after Notes, Decisions and the Actions heading
    expect(projectActions(richTextToJson(doc))).toMatchObject([{ caseId: aisha.id, section: "Actions" }]);
  });
});
