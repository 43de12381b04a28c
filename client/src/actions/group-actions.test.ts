import type { Action } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { groupActions, groupFor } from "./group-actions";

// A Thursday.
const today = "2026-12-10";

function action(overrides: Partial<Action>): Action {
  return {
    id: overrides.text ?? "id",
    caseId: "case-1",
    documentId: "doc-1",
    meetingId: null,
    text: "Call housing",
    ownerId: "person-1",
    ownerAgencyId: null,
    dueDate: null,
    status: "open",
    blockedReason: null,
    overdue: false,
    updatedAt: "2026-12-01T10:00:00.000Z",
    caseName: "Jamie",
    documentTitle: "Care plan",
    ownerName: "Sam",
    ownerAgencyName: null,
    section: "Who does what by when",
    removedAt: null, mayUpdate: true, escalations: 0, lastEscalation: null,
    ...overrides,
  };
}

describe("groupFor", () => {
  it("puts outstanding actions due before today in Overdue", () => {
    expect(groupFor({ status: "open", dueDate: "2026-12-09" }, today)).toBe("overdue");
    expect(groupFor({ status: "blocked", dueDate: "2026-01-01" }, today)).toBe("overdue");
  });

  it("counts today and the next 7 days as this week", () => {
    expect(groupFor({ status: "open", dueDate: today }, today)).toBe("this-week");
    expect(groupFor({ status: "in-progress", dueDate: "2026-12-17" }, today)).toBe("this-week");
  });

  it("puts anything after that in Later", () => {
    expect(groupFor({ status: "open", dueDate: "2026-12-18" }, today)).toBe("later");
  });

  it("keeps actions without a date apart", () => {
    expect(groupFor({ status: "open", dueDate: null }, today)).toBe("no-due-date");
  });

  it("puts done and cancelled actions in Done, however late they were", () => {
    expect(groupFor({ status: "done", dueDate: "2026-01-01" }, today)).toBe("done");
    expect(groupFor({ status: "cancelled", dueDate: null }, today)).toBe("done");
  });
});

describe("groupActions", () => {
  it("returns every group in order, earliest due first", () => {
    const groups = groupActions(
      [
        action({ text: "later", dueDate: "2027-01-20" }),
        action({ text: "soon", dueDate: "2026-12-12" }),
        action({ text: "sooner", dueDate: "2026-12-11" }),
        action({ text: "late", dueDate: "2026-11-30" }),
        action({ text: "undated" }),
        action({ text: "finished", status: "done", dueDate: "2026-11-01" }),
      ],
      today,
    );
    expect(groups.map((g) => [g.heading, g.actions.map((a) => a.text)])).toEqual([
      ["Overdue", ["late"]],
      ["Due this week", ["sooner", "soon"]],
      ["Later", ["later"]],
      ["No due date", ["undated"]],
      ["Done", ["finished"]],
    ]);
  });

  it("leaves out actions taken out of their document", () => {
    const groups = groupActions([action({ removedAt: "2026-12-02T09:00:00.000Z" })], today);
    expect(groups.every((g) => g.actions.length === 0)).toBe(true);
  });

  it("lists the most recently finished first", () => {
    const groups = groupActions(
      [
        action({ text: "first", status: "done", updatedAt: "2026-12-01T09:00:00.000Z" }),
        action({ text: "second", status: "done", updatedAt: "2026-12-05T09:00:00.000Z" }),
      ],
      today,
    );
    expect(groups.find((g) => g.key === "done")?.actions.map((a) => a.text)).toEqual(["second", "first"]);
  });
});
