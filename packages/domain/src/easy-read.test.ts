import { describe, expect, it } from "vitest";
import { actionSentence, easyReadBlocks, easyReadHeading, splitSentences } from "./easy-read.js";

const formatDate = (iso: string) => (iso === "2026-12-23" ? "Wed 23 Dec 2026" : iso);
const mark = "11111111-1111-4111-8111-111111111111";

describe("easy-read action sentences", () => {
  it("says who will do what, by when", () => {
    expect(actionSentence({ text: "Write a part-time timetable with Jamie", ownerName: "Mark Davies", dueDate: "2026-12-23", status: "open" }, formatDate)).toBe(
      "Mark Davies will write a part-time timetable with Jamie by Wed 23 Dec 2026.",
    );
  });

  it("says someone still needs to be chosen when nobody owns it, and leaves out a missing date", () => {
    expect(actionSentence({ text: "Book the review.", ownerName: null, dueDate: null, status: "in-progress" }, formatDate)).toBe(
      "Someone still needs to be chosen to book the review.",
    );
  });

  it("starts a done action with Done, and keeps a name or acronym's capital", () => {
    expect(actionSentence({ text: "CAMHS appointment offered", ownerName: "Ben Okafor", dueDate: "2026-12-23", status: "done" }, formatDate)).toBe(
      "Done: Ben Okafor has done this: CAMHS appointment offered.",
    );
    expect(actionSentence({ text: "Jamie to choose a college visit", ownerName: null, dueDate: null, status: "open" }, formatDate, ["Jamie Walker"])).toBe(
      "Someone still needs to be chosen to Jamie to choose a college visit.",
    );
  });

  it("says what holds up a blocked action", () => {
    expect(
      actionSentence({ text: "Ask transport", ownerName: "Mark Davies", dueDate: null, status: "blocked", blockedReason: "Waiting for a reply." }, formatDate),
    ).toBe("Mark Davies will ask transport. This is held up: Waiting for a reply.");
  });
});

describe("easy-read sentences", () => {
  it("puts one sentence on each line", () => {
    expect(splitSentences("CAMHS will offer an appointment. Social care will assess! Is that right? 2 weeks.")).toEqual([
      "CAMHS will offer an appointment.",
      "Social care will assess!",
      "Is that right?",
      "2 weeks.",
    ]);
  });

  it("does not split after a title or e.g., and splits at line breaks", () => {
    expect(splitSentences("Dr. Shah will call. We like e.g. Swimming.\nSecond line")).toEqual(["Dr. Shah will call.", "We like e.g. Swimming.", "Second line"]);
  });
});

describe("easy-read headings and blocks", () => {
  it("words the care plan headings as the young person would", () => {
    expect(easyReadHeading("About me")).toBe("About me");
    expect(easyReadHeading(" Who does what  by when ")).toBe("Who is helping me, and when");
    expect(easyReadHeading("Why we met")).toBe("Why we met");
  });

  it("turns a document into headings, lines and one list of actions", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Who does what by when" }] },
        { type: "paragraph", content: [{ type: "text", text: "We agreed two things. Both are below." }] },
        { type: "actionItem", attrs: { ownerId: mark.toUpperCase(), dueDate: "2026-12-23", status: "open" }, content: [{ type: "text", text: "Write a timetable" }] },
        { type: "actionItem", attrs: { ownerId: null, dueDate: "not a date", status: "nonsense" }, content: [{ type: "text", text: "Book a room" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Swimming" }] }] }] },
      ],
    };
    expect(easyReadBlocks(doc, { names: new Map([[mark, "Mark Davies"]]), formatDate })).toEqual([
      { kind: "heading", level: 2, text: "Who is helping me, and when" },
      { kind: "lines", lines: ["We agreed two things.", "Both are below."] },
      { kind: "actions", sentences: ["Mark Davies will write a timetable by Wed 23 Dec 2026.", "Someone still needs to be chosen to book a room."] },
      { kind: "lines", lines: ["Swimming"] },
    ]);
  });
});
