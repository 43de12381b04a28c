import type { DocNode, Meeting } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { minutesPdf } from "../src/meetings/minutes-pdf.js";
import { pdfSafeText } from "../src/pdf/pdf-text.js";
import { pdfTextLines } from "./support/pdf-text.js";

const meeting: Meeting = {
  id: "7d1f0c55-8f3a-4c57-9d0a-111111111111",
  type: "professionals",
  title: "Professionals meeting about Jamie",
  startsAt: "2026-12-03T10:00:00Z",
  location: "Northbridge Civic Centre, room 2",
  onlineLink: null,
  status: "minutes-agreed",
  visibility: "professionals",
  chair: { id: "c", name: "Priya Shah" },
  caseId: "j",
  cases: [{ id: "j", name: "Jamie Walker", ragRating: "red" }],
  invitees: [
    { personId: "m", name: "Mark Davies", role: "professional", agency: "Riverside Academy", attendance: "present" },
    { personId: "b", name: "Dr Ben Carter", role: "professional", agency: "Northbridge CAMHS", attendance: "apologies" },
  ],
  minutesDocumentId: "d",
  withheldCases: 0,
  caseMinutes: [],
  currentAgendaItem: null,
  followsUpCetr: null,
};

const text = (t: string): DocNode => ({ type: "text", text: t });
const minutes: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Decisions")] },
    { type: "paragraph", content: [text("School will trial a part-time timetable.")] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("Mornings only at first")] }] }] },
    { type: "actionItem", attrs: { id: "a", ownerId: "m", dueDate: "2026-12-10", status: "in-progress" }, content: [text("Share the timetable with Jamie")] },
    { type: "actionItem", attrs: { id: "b", ownerAgencyId: "camhs", dueDate: null, status: "open" }, content: [text("Name a CAMHS clinician")] },
  ],
};

describe("minutes as a PDF", () => {
  it("writes the meeting record, attendance, the minutes and each action's owner, date and status", async () => {
    const pdf = await minutesPdf({
      meeting,
      minutes,
      versionLabel: "Agreed minutes",
      names: new Map([
        ["m", "Mark Davies"],
        ["camhs", "Northbridge CAMHS"],
      ]),
      downloadedBy: "Priya Shah",
      downloadedAt: new Date("2026-12-04T09:30:00Z"),
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const lines = pdfTextLines(pdf);
    for (const expected of [
      "Professionals meeting about Jamie",
      "Agreed minutes",
      "Professionals only. Do not share with the family or the young person.",
      "Thursday, 3 December 2026 at 10:00",
      "Mark Davies \u2013 Professional, Riverside Academy",
      "Sent apologies",
      "Decisions",
      "School will trial a part-time timetable.",
      "\u2022  Mornings only at first",
      "Share the timetable with Jamie",
      "Mark Davies \u2013 due Thu 10 Dec 2026 \u2013 In progress",
      "Northbridge CAMHS \u2013 no due date \u2013 Not started",
      "Page 1 of 1",
    ]) {
      // Windows-1252 bytes: the en dash and bullet are single bytes there.
      const encoded = Buffer.from(expected.replaceAll("\u2013", "\x96").replaceAll("\u2022", "\x95"), "latin1").toString("latin1");
      expect(lines.join("\n")).toContain(encoded);
    }
    expect(lines.some((l) => l.startsWith("Downloaded by Priya Shah on 4 Dec 2026, 09:30."))).toBe(true);
  });

  it("says so when nothing has been written, and leaves out the professionals-only warning for family meetings", async () => {
    const pdf = await minutesPdf({
      meeting: { ...meeting, visibility: "family", status: "ended" },
      minutes: { type: "doc", content: [{ type: "paragraph" }] },
      versionLabel: "Draft minutes, not yet agreed",
      names: new Map(),
      downloadedBy: "Claire Walker",
      downloadedAt: new Date(),
      compress: false,
    });
    const all = pdfTextLines(pdf).join("\n");
    expect(all).toContain("Nothing has been written in the minutes yet.");
    expect(all).toContain("Draft minutes, not yet agreed");
    expect(all).not.toContain("Professionals only");
  });

  it("writes lists nested 5,000 deep, each item in order, without running out of stack", async () => {
    // Built from the inside out: a list whose one item holds a line and the next list down.
    let inner: DocNode = { type: "paragraph", content: [text("The bottom")] };
    for (let depth = 5000; depth > 0; depth--) {
      inner = { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text(`Level ${depth}`)] }, inner] }] };
    }
    const pdf = await minutesPdf({
      meeting,
      minutes: { type: "doc", content: [inner, { type: "paragraph", content: [text("After the lists")] }] },
      versionLabel: "Draft minutes, not yet agreed",
      names: new Map(),
      downloadedBy: "Priya Shah",
      downloadedAt: new Date(),
      compress: false,
    });
    const all = pdfTextLines(pdf).join("\n");
    const order = ["Level 1", "Level 2", "Level 4999", "Level 5000", "The bottom", "After the lists"].map((t) => all.indexOf(t));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it("keeps what the PDF fonts can show and marks or drops what they cannot", () => {
    expect(pdfSafeText("Café – “quoted” … £5 €5")).toBe("Café – “quoted” … £5 €5");
    expect(pdfSafeText("Great news 👍🏽 today")).toBe("Great news  today");
    expect(pdfSafeText("Name: Zoë Łukasz")).toBe("Name: Zoë ?ukasz");
    expect(pdfSafeText("bell\u0007 tab\tnew\nline")).toBe("bell tab\tnew\nline");
  });
});
