import { describe, expect, it } from "vitest";
import type { ConsentRecord } from "./consent.js";
import {
  ageOn,
  invitedRoleCounts,
  latestParentsSharing,
  parentsKeptOutReason,
  parentsMayOpen,
  parentsSharingDecision,
  seesParentsSharing,
  youngPersonDecides,
} from "./parents-sharing.js";

type Decision = Pick<ConsentRecord, "kind" | "agency" | "recordedAt" | "decision" | "withdrawn">;
const record = (decision: "given" | "declined", recordedAt: string, withdrawn = false): Decision => ({
  kind: "share-with-parents",
  agency: null,
  decision,
  recordedAt,
  withdrawn: withdrawn ? { by: null, at: recordedAt } : null,
});

describe("a young person's own say in what their parents see", () => {
  it("counts whole years, the birthday itself included", () => {
    expect(ageOn("2008-11-21", "2026-12-06")).toBe(18);
    expect(ageOn("2008-11-21", "2026-11-20")).toBe(17);
    expect(ageOn("2008-11-21", "2026-11-21")).toBe(18);
    expect(ageOn("2011-03-14", "2026-12-06")).toBe(15);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });

  it("reads the latest decision; a withdrawn one is a no", () => {
    expect(parentsSharingDecision([])).toBeNull();
    expect(parentsSharingDecision([record("given", "2026-01-01T10:00:00Z")])).toBe("given");
    expect(parentsSharingDecision([record("given", "2026-01-01T10:00:00Z", true)])).toBe("declined");
    expect(parentsSharingDecision([record("declined", "2026-01-01T10:00:00Z"), record("given", "2026-02-01T10:00:00Z")])).toBe("given");
    expect(parentsSharingDecision([record("given", "2026-02-01T10:00:00Z"), record("declined", "2026-03-01T10:00:00Z")])).toBe("declined");
  });

  it("under 16: parents open the records whatever is recorded", () => {
    for (const decision of ["given", "declined", null] as const) expect(parentsMayOpen({ age: 15, decision })).toBe(true);
    expect(parentsMayOpen({ age: null, decision: "declined" })).toBe(true);
    expect(youngPersonDecides(15)).toBe(false);
  });

  it("16 and 17: parents open them unless the young person has declined", () => {
    for (const age of [16, 17]) {
      expect(parentsMayOpen({ age, decision: null })).toBe(true);
      expect(parentsMayOpen({ age, decision: "given" })).toBe(true);
      expect(parentsMayOpen({ age, decision: "declined" })).toBe(false);
    }
  });

  it("18 and over: parents open them only when the young person has agreed", () => {
    for (const age of [18, 25]) {
      expect(parentsMayOpen({ age, decision: null })).toBe(false);
      expect(parentsMayOpen({ age, decision: "declined" })).toBe(false);
      expect(parentsMayOpen({ age, decision: "given" })).toBe(true);
    }
  });

  it("dates the decision by when it was recorded, or withdrawn", () => {
    expect(latestParentsSharing([])).toEqual({ decision: null, decidedAt: null });
    expect(latestParentsSharing([record("declined", "2026-01-01T10:00:00Z")])).toEqual({ decision: "declined", decidedAt: "2026-01-01T10:00:00Z" });
    const withdrawn = { ...record("given", "2026-01-01T10:00:00Z"), withdrawn: { by: null, at: "2026-02-01T10:00:00Z" } };
    expect(latestParentsSharing([withdrawn])).toEqual({ decision: "declined", decidedAt: "2026-02-01T10:00:00Z" });
  });

  it("tells the decision to those who run the case and the young person only, and invites no parent it keeps out", () => {
    expect((["keyworker", "senior-keyworker", "service-lead", "young-person"] as const).map(seesParentsSharing)).toEqual([true, true, true, true]);
    expect((["parent", "professional", "icb-lead", "admin", null] as const).map(seesParentsSharing)).toEqual([false, false, false, false, false]);
    expect(invitedRoleCounts("parent", { parentsMayOpen: false })).toBe(false);
    expect(invitedRoleCounts("parent", { parentsMayOpen: true })).toBe(true);
    for (const role of ["young-person", "professional", "icb-lead"] as const) expect(invitedRoleCounts(role, { parentsMayOpen: false })).toBe(true);
    expect(parentsKeptOutReason("Kai", { age: 18, decision: "declined" })).toBe("Kai has said their records are not shared with their parents or carers");
    expect(parentsKeptOutReason("Kai", { age: 19, decision: null })).toBe("Kai is 19 and has not agreed to share their records with their parents or carers");
  });
});
