import { describe, expect, it } from "vitest";
import { editHistoryLines, editLineWords, type EditStretch } from "./edit-history.js";

const stretch = (author: string, at: string, sections: EditStretch["sections"], moreSections = 0, documentTitle = "Jamie's care plan"): EditStretch => ({
  author,
  authorId: author.toLowerCase(),
  documentTitle,
  sections,
  moreSections,
  startedAt: at,
  lastAt: at,
});

describe("the version history in words", () => {
  it("groups one person's consecutive edits within half an hour into one line, and starts a new line when someone else edits", () => {
    const lines = editHistoryLines([
      stretch("Rachel Ahmed", "2026-12-03T14:02:00Z", [{ heading: "Outcomes we are working towards", kind: "added" }]),
      stretch("Rachel Ahmed", "2026-12-03T13:50:00Z", [{ heading: "Needs and strengths", kind: "changed" }]),
      stretch("Claire Walker", "2026-12-03T13:40:00Z", [{ heading: "What my family says", kind: "added" }], 0, "What my family says"),
      stretch("Rachel Ahmed", "2026-12-03T09:00:00Z", [{ heading: "Contacts", kind: "added" }]),
    ]);
    expect(lines.map(editLineWords)).toEqual([
      "Rachel Ahmed changed Needs and strengths and added to Outcomes we are working towards",
      "Claire Walker added to What my family says",
      "Rachel Ahmed added to Contacts",
    ]);
    expect(lines[0]).toMatchObject({ from: "2026-12-03T13:50:00Z", at: "2026-12-03T14:02:00Z" });
  });

  it("keeps apart one person's edits more than half an hour apart", () => {
    const lines = editHistoryLines([
      stretch("Priya Shah", "2026-12-03T14:00:00Z", [{ heading: "Contacts", kind: "added" }]),
      stretch("Priya Shah", "2026-12-03T13:00:00Z", [{ heading: "Contacts", kind: "added" }]),
    ]);
    expect(lines).toHaveLength(2);
  });

  it("says changed once a section was changed as well as added to, lists three with commas, and counts those not named", () => {
    const [line] = editHistoryLines([
      stretch("Priya Shah", "2026-12-03T14:00:00Z", [
        { heading: "About me", kind: "added" },
        { heading: "Needs and strengths", kind: "changed" },
        { heading: "Contacts", kind: "changed" },
      ], 2),
      stretch("Priya Shah", "2026-12-03T13:59:00Z", [{ heading: "About me", kind: "changed" }]),
    ]);
    expect(editLineWords(line!)).toBe("Priya Shah changed About me, Needs and strengths, Contacts and 2 other sections");
  });

  it("names text above the first heading by its document, and someone whose account is gone", () => {
    const [line] = editHistoryLines([{ ...stretch("x", "2026-12-03T14:00:00Z", [{ heading: "", kind: "added" }]), author: null }]);
    expect(editLineWords(line!)).toBe("Someone no longer on Roundtable added to the top of Jamie's care plan");
  });
});
