import { describe, expect, it } from "vitest";
import { actionsToCarry, carriedActionDecisionBodySchema, type CarryCandidate, type CarryTarget } from "./carry-over.js";
import { mayDecideCarriedAction } from "../permissions.js";

const jamie = "11111111-1111-4111-8111-111111111111";
const aisha = "22222222-2222-4222-8222-222222222222";
const target: CarryTarget = { caseId: jamie, meetingId: "m-now", startsAt: new Date("2026-12-08T10:00:00Z"), visibility: "professionals" };

function candidate(over: Partial<CarryCandidate> = {}): CarryCandidate {
  return {
    id: "a-1",
    caseId: jamie,
    status: "open",
    removed: false,
    meetingId: "m-before",
    meetingStartsAt: new Date("2026-11-10T10:00:00Z"),
    visibility: "professionals",
    ...over,
  };
}

describe("which actions a meeting carries for a child", () => {
  it("carries an outstanding action from the child's earlier meeting", () => {
    expect(actionsToCarry(target, [candidate()], new Set())).toEqual(["a-1"]);
  });

  it("carries open, in-progress and blocked actions, never done or cancelled ones", () => {
    const all = (["open", "in-progress", "blocked", "done", "cancelled"] as const).map((status) => candidate({ id: status, status }));
    expect(actionsToCarry(target, all, new Set())).toEqual(["open", "in-progress", "blocked"]);
  });

  it("carries from every earlier meeting, not only the most recent one", () => {
    const older = candidate({ id: "older", meetingId: "m-older", meetingStartsAt: new Date("2026-09-01T10:00:00Z") });
    expect(actionsToCarry(target, [candidate(), older], new Set())).toEqual(["a-1", "older"]);
  });

  it("leaves out another child's actions, care-plan actions, removed ones, and the meeting's own", () => {
    const others = [
      candidate({ id: "aisha", caseId: aisha }),
      candidate({ id: "plan", meetingId: null, meetingStartsAt: null }),
      candidate({ id: "removed", removed: true }),
      candidate({ id: "own", meetingId: "m-now", meetingStartsAt: target.startsAt }),
    ];
    expect(actionsToCarry(target, others, new Set())).toEqual([]);
  });

  it("leaves out actions from a meeting at the same time or later", () => {
    const later = [candidate({ id: "same", meetingStartsAt: target.startsAt }), candidate({ id: "later", meetingStartsAt: new Date("2027-01-05T10:00:00Z") })];
    expect(actionsToCarry(target, later, new Set())).toEqual([]);
  });

  it("never puts a professionals-only action into a meeting the family sees", () => {
    const family: CarryTarget = { ...target, visibility: "family" };
    const actions = [candidate({ id: "pro" }), candidate({ id: "fam", visibility: "family" })];
    expect(actionsToCarry(family, actions, new Set())).toEqual(["fam"]);
    expect(actionsToCarry(target, actions, new Set())).toEqual(["pro", "fam"]);
  });

  it("carries each action once: not again when already carried, nor twice when listed twice", () => {
    expect(actionsToCarry(target, [candidate(), candidate()], new Set())).toEqual(["a-1"]);
    expect(actionsToCarry(target, [candidate()], new Set(["a-1"]))).toEqual([]);
  });
});

describe("deciding about a carried action", () => {
  it("is for whoever may edit the child's part of the meeting", () => {
    expect(mayDecideCarriedAction({ sectionAccess: "edit" })).toBe(true);
    for (const sectionAccess of ["comment", "read", "none"] as const) expect(mayDecideCarriedAction({ sectionAccess })).toBe(false);
  });

  it("takes a decision, and an update carries the same change as the action's own PATCH", () => {
    expect(carriedActionDecisionBodySchema.safeParse({ decision: "confirmed" }).success).toBe(true);
    expect(carriedActionDecisionBodySchema.safeParse({ decision: "updated", change: { dueDate: "2027-01-31" } }).success).toBe(true);
    expect(carriedActionDecisionBodySchema.safeParse({ decision: "updated", change: {} }).success).toBe(false);
    expect(carriedActionDecisionBodySchema.safeParse({ decision: "moved" }).success).toBe(false);
  });
});
