import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionStatuses, isOutstanding } from "../actions/action-status.js";
import { cetrActionsToCarry, cetrCarriedDecisionBodySchema, type CetrCarryCandidate, type CetrCarryTarget } from "./cetr-carry-over.js";
import { cetrDocumentAccess, mayDecideCetrCarriedAction } from "./cetr-access.js";

const jamie = "jamie";
const target: CetrCarryTarget = { cetrId: "cetr-now", caseId: jamie, requestedAt: new Date("2027-04-01T10:00:00Z") };

function candidate(over: Partial<CetrCarryCandidate> = {}): CetrCarryCandidate {
  return { id: "a-1", caseId: jamie, status: "open", removed: false, cetrId: "cetr-before", cetrRequestedAt: new Date("2027-01-02T10:00:00Z"), cetrWithdrawn: false, ...over };
}

describe("which actions a new CETR carries over", () => {
  it("carries the outstanding actions of the child's earlier CETRs: open, in progress and blocked, never done or cancelled", () => {
    const all = (["open", "in-progress", "blocked", "done", "cancelled"] as const).map((status) => candidate({ id: status, status }));
    expect(cetrActionsToCarry(target, all, new Set())).toEqual(["open", "in-progress", "blocked"]);
  });

  it("carries from every earlier CETR, not only the last", () => {
    const older = candidate({ id: "older", cetrId: "cetr-1", cetrRequestedAt: new Date("2026-06-01T10:00:00Z") });
    const last = candidate({ id: "last", cetrId: "cetr-2" });
    expect(cetrActionsToCarry(target, [older, last], new Set())).toEqual(["older", "last"]);
  });

  it("never carries its own actions, a later CETR's, another child's, a removed one or a withdrawn CETR's", () => {
    const own = candidate({ id: "own", cetrId: target.cetrId });
    const later = candidate({ id: "later", cetrRequestedAt: new Date("2027-05-01T10:00:00Z") });
    const sameInstant = candidate({ id: "same-instant", cetrRequestedAt: target.requestedAt });
    const other = candidate({ id: "aisha", caseId: "aisha" });
    const removed = candidate({ id: "removed", removed: true });
    const withdrawn = candidate({ id: "withdrawn", cetrWithdrawn: true });
    expect(cetrActionsToCarry(target, [own, later, sameInstant, other, removed, withdrawn], new Set())).toEqual([]);
  });

  it("never carries an action twice into the same CETR", () => {
    expect(cetrActionsToCarry(target, [candidate(), candidate()], new Set())).toEqual(["a-1"]);
    expect(cetrActionsToCarry(target, [candidate()], new Set(["a-1"]))).toEqual([]);
  });

  it("carries exactly the open actions of earlier CETRs, each once, whatever the mix (property)", () => {
    const arbCandidate = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      caseId: fc.constantFrom(jamie, "aisha"),
      status: fc.constantFrom(...actionStatuses),
      removed: fc.boolean(),
      cetrId: fc.constantFrom("cetr-1", "cetr-2", target.cetrId),
      cetrRequestedAt: fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }),
      cetrWithdrawn: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbCandidate, { maxLength: 30 }), fc.subarray(["a", "b", "c", "d", "e", "f"]), (candidates, already) => {
        const carried = cetrActionsToCarry(target, candidates, new Set(already));
        // Never duplicated.
        expect(new Set(carried).size).toBe(carried.length);
        // Never one already carried, and each one carried is an open action of an earlier CETR for this child.
        const qualifies = (c: CetrCarryCandidate) =>
          c.caseId === jamie && !c.removed && isOutstanding(c.status) && !c.cetrWithdrawn && c.cetrId !== target.cetrId && c.cetrRequestedAt < target.requestedAt;
        for (const id of carried) {
          expect(already).not.toContain(id);
          expect(candidates.some((c) => c.id === id && qualifies(c))).toBe(true);
        }
        // None dropped: every qualifying candidate not already carried is carried.
        for (const c of candidates) if (qualifies(c) && !already.includes(c.id)) expect(carried).toContain(c.id);
      }),
    );
  });
});

describe("who may write a CETR and decide what it carried", () => {
  it("the panel, the ICB lead and the keyworkers write it until it is agreed; then everyone reads", () => {
    for (const standing of ["panel", "icb-lead", "keyworking"] as const) {
      expect(cetrDocumentAccess(standing, "arranged")).toBe("edit");
      expect(cetrDocumentAccess(standing, "agreed")).toBe("read");
      expect(mayDecideCetrCarriedAction(standing, "held")).toBe(true);
      expect(mayDecideCetrCarriedAction(standing, "agreed")).toBe(false);
    }
    expect(cetrDocumentAccess("team-professional", "arranged")).toBe("read");
    expect(cetrDocumentAccess("service-lead", "held")).toBe("read");
  });

  it("the family reads the report only once it is agreed", () => {
    for (const status of ["requested", "arranged", "held", "withdrawn"] as const) expect(cetrDocumentAccess("family", status)).toBe("none");
    expect(cetrDocumentAccess("family", "agreed")).toBe("read");
    expect(cetrDocumentAccess("none", "agreed")).toBe("none");
  });

  it("closes a carried action as no longer needed only with a reason", () => {
    expect(cetrCarriedDecisionBodySchema.safeParse({ decision: "cancelled" }).success).toBe(false);
    expect(cetrCarriedDecisionBodySchema.safeParse({ decision: "cancelled", reason: "  " }).success).toBe(false);
    expect(cetrCarriedDecisionBodySchema.safeParse({ decision: "cancelled", reason: "The family moved to another area" }).success).toBe(true);
  });
});
