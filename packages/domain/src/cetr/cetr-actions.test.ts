import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roles } from "../roles.js";
import {
  cetrActionsOverviewQuerySchema,
  cetrActionsQuerySchema,
  cetrActionsScope,
  mayUseCetrActions,
  openVsCompletedByWeek,
  weekEndings,
  type StatusCountChange,
} from "./cetr-actions.js";

describe("who may list CETR actions", () => {
  it("gives the ICB lead the children they oversee and keyworking staff their own span", () => {
    expect(cetrActionsScope("icb-lead")).toBe("overseen");
    expect(cetrActionsScope("keyworker")).toBe("own-caseload");
    expect(cetrActionsScope("senior-keyworker")).toBe("own-cases");
    expect(cetrActionsScope("service-lead")).toBe("service");
  });

  it("refuses families, professionals and the administrator", () => {
    for (const role of ["parent", "young-person", "professional", "admin"] as const) expect(mayUseCetrActions(role)).toBe(false);
    expect(roles.filter(mayUseCetrActions)).toEqual(["keyworker", "senior-keyworker", "service-lead", "icb-lead"]);
  });
});

describe("the query", () => {
  const read = (query: Record<string, string>) => {
    const parsed = cetrActionsQuerySchema.safeParse(query);
    return parsed.success ? parsed.data : parsed.error.issues.map((i) => i.message);
  };

  it("reads each filter", () => {
    const id = "5f0c8a4e-6b1d-4c1a-9a4e-2d8f1b7c3e90";
    expect(read({ overdue: "true", agencyId: id, ownerId: id, caseId: id, dueWithinDays: "14", limit: "50", after: id })).toEqual({
      overdue: "true",
      agencyId: id,
      ownerId: id,
      caseId: id,
      dueWithinDays: 14,
      limit: 50,
      after: id,
    });
  });

  it("takes a parameter with no value as not given, as the contract's template writes them", () => {
    expect(read({ overdue: "false", agencyId: "", ownerId: "", caseId: "", dueWithinDays: "" })).toEqual({ overdue: "false" });
  });

  it("refuses what it cannot read, in words", () => {
    expect(read({ overdue: "yes" })).toEqual(["overdue must be true or false"]);
    expect(read({ dueWithinDays: "soon" })).toEqual(["dueWithinDays must be a number of days"]);
    expect(read({ dueWithinDays: "-1" })).toEqual(["dueWithinDays must be 0 or more"]);
    expect(read({ agencyId: "riverside" })).toEqual(["agencyId must be an agency id"]);
    expect(read({ limit: "5000" })).toEqual(["limit can be at most 1000"]);
    expect(read({ overdu: "true" })).toEqual(["Unknown parameter: overdu"]);
    expect(cetrActionsOverviewQuerySchema.safeParse({ cetrId: "x" }).success).toBe(false);
  });
});

describe("open and completed over time", () => {
  it("ends each week on the day, the last one today", () => {
    expect(weekEndings("2026-03-04", 3)).toEqual(["2026-02-18", "2026-02-25", "2026-03-04"]);
  });

  it("adds up the changes to the end of each week, counting earlier ones towards the first", () => {
    const changes: StatusCountChange[] = [
      { day: "2026-01-01", kind: "open", change: 2 },
      { day: "2026-02-20", kind: "open", change: -1 },
      { day: "2026-02-20", kind: "done", change: 1 },
      { day: "2026-03-04", kind: "open", change: 1 },
    ];
    expect(openVsCompletedByWeek(changes, weekEndings("2026-03-04", 3))).toEqual([
      { weekEnding: "2026-02-18", open: 2, completed: 0 },
      { weekEnding: "2026-02-25", open: 1, completed: 1 },
      { weekEnding: "2026-03-04", open: 2, completed: 1 },
    ]);
  });

  it("ends on the totals of every change, whatever their order", () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const change = fc.record({ day, kind: fc.constantFrom("open" as const, "done" as const), change: fc.integer({ min: -3, max: 3 }) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const points = openVsCompletedByWeek(changes, weekEndings("2026-05-01", 6));
        const total = (kind: "open" | "done") => changes.filter((c) => c.kind === kind).reduce((sum, c) => sum + c.change, 0);
        expect(points.at(-1)).toEqual({ weekEnding: "2026-05-01", open: total("open"), completed: total("done") });
        expect(points.map((p) => p.weekEnding)).toEqual([...points.map((p) => p.weekEnding)].sort());
      }),
    );
  });
});
