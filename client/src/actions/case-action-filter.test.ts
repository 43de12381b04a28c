import type { Action } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { matchesFilter, readCaseActionFilter, sortForCase } from "./case-action-filter";

const today = "2026-12-10";

function action(text: string, overrides: Partial<Action> = {}): Action {
  return {
    id: text,
    caseId: "case-1",
    documentId: "doc-1",
    meetingId: null,
    text,
    ownerId: null,
    ownerAgencyId: null,
    dueDate: null,
    status: "open",
    blockedReason: null,
    overdue: false,
    updatedAt: "2026-12-01T10:00:00.000Z",
    caseName: "Jamie",
    documentTitle: "Care plan",
    ownerName: null,
    ownerAgencyName: null,
    section: null,
    removedAt: null, mayUpdate: true, escalations: 0, lastEscalation: null,
    ...overrides,
  };
}

describe("matchesFilter", () => {
  const late = action("late", { dueDate: "2026-12-01" });
  const finished = action("finished", { status: "done", dueDate: "2026-12-01" });

  it("shows everything for All actions", () => {
    expect([late, finished].filter((a) => matchesFilter(a, "all", today))).toEqual([late, finished]);
  });

  it("shows only late outstanding actions for Overdue", () => {
    expect([late, finished].filter((a) => matchesFilter(a, "overdue", today))).toEqual([late]);
  });

  it("filters by one status", () => {
    expect([late, finished].filter((a) => matchesFilter(a, "done", today))).toEqual([finished]);
  });

  it("reads an unknown choice as All actions", () => {
    expect(readCaseActionFilter("nonsense")).toBe("all");
    expect(readCaseActionFilter("blocked")).toBe("blocked");
  });
});

describe("sortForCase", () => {
  it("puts late first, then by due date, undated after, finished and taken-out last", () => {
    const sorted = sortForCase(
      [
        action("removed", { removedAt: "2026-12-02T10:00:00.000Z" }),
        action("finished", { status: "done" }),
        action("undated"),
        action("later", { dueDate: "2027-03-01" }),
        action("soon", { dueDate: "2026-12-12" }),
        action("late", { dueDate: "2026-12-01" }),
      ],
      today,
    );
    expect(sorted.map((a) => a.text)).toEqual(["late", "soon", "later", "undated", "finished", "removed"]);
  });
});
