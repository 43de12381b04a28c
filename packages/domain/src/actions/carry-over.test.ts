import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actionsToCarry,
  carriedActionDecisionBodySchema,
  cetrFollowUpActionsToCarry,
  type CarryCandidate,
  type CarryTarget,
  type CetrFollowUpCandidate,
  type CetrFollowUpTarget,
} from "./carry-over.js";
import { actionStatuses } from "./action-status.js";
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

describe("which actions a CETR follow-up meeting carries", () => {
  const followUp: CetrFollowUpTarget = { caseId: jamie, cetrId: "cetr-2", cetrAgreed: true, visibility: "professionals" };
  const cetrAction = (over: Partial<CetrFollowUpCandidate> = {}): CetrFollowUpCandidate => ({
    id: "a-1",
    caseId: jamie,
    status: "open",
    removed: false,
    agreedInCetrId: "cetr-2",
    agreedInCetrAgreed: true,
    carriedIntoCetrIds: [],
    ...over,
  });

  it("carries the CETR's outstanding actions: agreed in its report, or carried into it from an earlier CETR", () => {
    const actions = [cetrAction(), cetrAction({ id: "earlier", agreedInCetrId: "cetr-1", carriedIntoCetrIds: ["cetr-2"] }), cetrAction({ id: "blocked", status: "blocked" })];
    expect(cetrFollowUpActionsToCarry(followUp, actions, new Set())).toEqual(["a-1", "earlier", "blocked"]);
  });

  it("leaves out finished and removed actions, other CETRs' actions, the child's meetings' actions and another child's", () => {
    const others = [
      cetrAction({ id: "done", status: "done" }),
      cetrAction({ id: "cancelled", status: "cancelled" }),
      cetrAction({ id: "removed", removed: true }),
      cetrAction({ id: "other-cetr", agreedInCetrId: "cetr-1" }),
      cetrAction({ id: "carried-elsewhere", agreedInCetrId: "cetr-1", carriedIntoCetrIds: ["cetr-3"] }),
      cetrAction({ id: "minutes", agreedInCetrId: null }),
      cetrAction({ id: "aisha", caseId: aisha }),
    ];
    expect(cetrFollowUpActionsToCarry(followUp, others, new Set())).toEqual([]);
  });

  it("gives a meeting the family sees only actions of reports the family may read", () => {
    const family: CetrFollowUpTarget = { ...followUp, visibility: "family" };
    const fromUnagreed = cetrAction({ id: "from-unagreed", agreedInCetrId: "cetr-1", agreedInCetrAgreed: false, carriedIntoCetrIds: ["cetr-2"] });
    expect(cetrFollowUpActionsToCarry(family, [cetrAction(), fromUnagreed], new Set())).toEqual(["a-1"]);
    expect(cetrFollowUpActionsToCarry({ ...family, cetrAgreed: false }, [cetrAction({ agreedInCetrAgreed: false })], new Set())).toEqual([]);
    expect(cetrFollowUpActionsToCarry({ ...followUp, cetrAgreed: false }, [cetrAction({ agreedInCetrAgreed: false }), fromUnagreed], new Set())).toEqual(["a-1", "from-unagreed"]);
  });

  it("never duplicates an action nor carries one twice, and drops none that belong", () => {
    const candidateArb = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e"),
      caseId: fc.constantFrom(jamie, aisha),
      status: fc.constantFrom(...actionStatuses),
      removed: fc.boolean(),
      agreedInCetrId: fc.constantFrom("cetr-1", "cetr-2", null),
      agreedInCetrAgreed: fc.boolean(),
      carriedIntoCetrIds: fc.subarray(["cetr-2", "cetr-3"]),
    });
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 12 }), fc.subarray(["a", "b", "c", "d", "e"]), fc.constantFrom("family" as const, "professionals" as const), (candidates, already, visibility) => {
        const target = { ...followUp, visibility };
        const carried = cetrFollowUpActionsToCarry(target, candidates, new Set(already));
        expect(new Set(carried).size).toBe(carried.length);
        for (const id of carried) expect(already).not.toContain(id);
        const belongs = (c: CetrFollowUpCandidate) =>
          c.caseId === jamie &&
          !c.removed &&
          ["open", "in-progress", "blocked"].includes(c.status) &&
          (c.agreedInCetrId === "cetr-2" || c.carriedIntoCetrIds.includes("cetr-2")) &&
          (visibility === "professionals" || c.agreedInCetrAgreed);
        const expected = [...new Set(candidates.filter((c) => belongs(c) && !already.includes(c.id)).map((c) => c.id))];
        expect(carried).toEqual(expected);
      }),
    );
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
