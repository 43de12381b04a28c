import type { Action } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { daysOverdueText, overdueCountText, overdueToShow } from "./overdue-list";

const today = "2026-03-10";

function action(id: string, changes: Partial<Action> = {}): Action {
  return {
    id,
    caseId: "case-1",
    caseName: "Jamie",
    documentId: "doc-1",
    documentTitle: "Care plan",
    section: null,
    meetingId: null,
    text: `Action ${id}`,
    ownerId: "p-sam",
    ownerName: "Sam Patel",
    ownerAgencyId: null,
    ownerAgencyName: null,
    dueDate: "2026-03-01",
    status: "open",
    blockedReason: null,
    overdue: true,
    updatedAt: "2026-03-01T09:00:00.000Z",
    removedAt: null, mayUpdate: true, escalations: 0, lastEscalation: null,
    ...changes,
  };
}

describe("overdueToShow", () => {
  it("puts the most overdue first, then by case and words", () => {
    const shown = overdueToShow(
      [
        action("late", { dueDate: "2026-03-09" }),
        action("b", { caseName: "Zara" }),
        action("a", { caseName: "Ali" }),
        action("latest", { dueDate: "2026-01-05" }),
      ],
      "",
      today,
    );
    expect(shown.map((a) => a.id)).toEqual(["latest", "a", "b", "late"]);
  });

  it("leaves out what is done, due today or later, or taken out of its document", () => {
    const shown = overdueToShow(
      [
        action("done", { status: "done" }),
        action("cancelled", { status: "cancelled" }),
        action("today", { dueDate: today }),
        action("removed", { removedAt: "2026-03-02T09:00:00.000Z" }),
        action("blocked", { status: "blocked" }),
      ],
      "",
      today,
    );
    expect(shown.map((a) => a.id)).toEqual(["blocked"]);
  });

  it("narrows to the chosen owner", () => {
    const shown = overdueToShow([action("sam"), action("nobody", { ownerId: null, ownerName: null })], "none", today);
    expect(shown.map((a) => a.id)).toEqual(["nobody"]);
  });
});

describe("daysOverdueText", () => {
  it("counts whole days since the due date", () => {
    expect(daysOverdueText("2026-03-09", today)).toBe("1 day overdue");
    expect(daysOverdueText("2026-02-28", today)).toBe("10 days overdue");
  });

  it("says nothing when the action is not late", () => {
    expect(daysOverdueText(today, today)).toBeNull();
    expect(daysOverdueText("2026-03-11", today)).toBeNull();
    expect(daysOverdueText(null, today)).toBeNull();
  });
});

describe("overdueCountText", () => {
  it("says how many, or that everything is on track", () => {
    expect(overdueCountText(23, false)).toBe("23 overdue actions");
    expect(overdueCountText(1, false)).toBe("1 overdue action");
    expect(overdueCountText(0, false)).toBe("No overdue actions — everything is on track.");
  });

  it("says when the count is for the filters chosen", () => {
    expect(overdueCountText(3, true)).toBe("3 overdue actions match these filters");
    expect(overdueCountText(1, true)).toBe("1 overdue action matches these filters");
    expect(overdueCountText(0, true)).toBe("No overdue actions match these filters.");
  });
});
