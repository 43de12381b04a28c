import { describe, expect, it } from "vitest";
import { escalatedThisTime, escalationBodySchema, escalationNoteMaxLength, planEscalation, type EscalationFacts } from "./escalation.js";

const tom = { id: "tom", name: "Tom Hughes" };
const angela = { id: "angela", name: "Angela Okafor" };
const ben = { id: "ben", name: "Dr Ben Carter" };
const lucy = { id: "lucy", name: "Lucy Evans" };

const facts = (changes: Partial<EscalationFacts> = {}): EscalationFacts => ({
  action: { status: "open", dueDate: "2026-03-01", removed: false },
  today: "2026-03-10",
  personId: tom.id,
  earlier: [],
  owner: { ...lucy, family: false },
  agency: { name: "Children's Social Care", contact: ben },
  escalatesTo: angela,
  ...changes,
});

describe("escalating an overdue action", () => {
  it("first tells the owner and their agency's escalation contact", () => {
    expect(planEscalation(facts())).toEqual({ ok: true, level: 1, told: [lucy, ben], notes: [] });
  });

  it("still tells the owner when their agency has named nobody, and says so", () => {
    const plan = planEscalation(facts({ agency: { name: "Children's Social Care", contact: null } }));
    expect(plan).toMatchObject({ ok: true, level: 1, told: [lucy] });
    expect(plan.ok && plan.notes).toEqual(["Children's Social Care has no escalation contact named, so only the owner is told. Ask your service lead to name one."]);
  });

  it("tells the owner once when they are their agency's contact", () => {
    expect(planEscalation(facts({ owner: { ...ben, family: false } }))).toMatchObject({ ok: true, told: [ben] });
  });

  it("goes to the escalating person's second level once the first has been made", () => {
    const earlier = [{ level: 1 as const, byId: "priya", on: "2026-03-05" }];
    expect(planEscalation(facts({ earlier }))).toEqual({ ok: true, level: 2, told: [angela], notes: [] });
    expect(planEscalation(facts({ earlier, escalatesTo: null }))).toEqual({ ok: false, reason: "No second level is set up for you: ask your service lead" });
  });

  it("starts again at the first level when the due date has moved on since", () => {
    const earlier = [{ level: 1 as const, byId: tom.id, on: "2026-02-20" }];
    expect(planEscalation(facts({ earlier }))).toMatchObject({ ok: true, level: 1 });
  });

  it("lets someone escalate an action at each level at most once a day", () => {
    const today = [
      { level: 1 as const, byId: tom.id, on: "2026-03-10" },
      { level: 2 as const, byId: tom.id, on: "2026-03-10" },
    ];
    expect(planEscalation(facts({ earlier: today.slice(0, 1) }))).toMatchObject({ ok: true, level: 2 });
    expect(planEscalation(facts({ earlier: today }))).toMatchObject({ ok: false, reason: expect.stringContaining("today already") });
    // Someone else, or the same person tomorrow, may.
    expect(planEscalation(facts({ earlier: today, personId: "priya" }))).toMatchObject({ ok: true, level: 2 });
    expect(planEscalation(facts({ earlier: today, today: "2026-03-11" }))).toMatchObject({ ok: true, level: 2 });
  });

  it("refuses, in plain words, an action that is not overdue", () => {
    const refused = (action: EscalationFacts["action"]) => {
      const plan = planEscalation(facts({ action }));
      return plan.ok ? null : plan.reason;
    };
    expect(refused({ status: "done", dueDate: "2026-03-01", removed: false })).toBe("This action is done, so there is nothing to escalate.");
    expect(refused({ status: "cancelled", dueDate: "2026-03-01", removed: false })).toContain("cancelled");
    expect(refused({ status: "open", dueDate: null, removed: false })).toContain("no due date");
    expect(refused({ status: "open", dueDate: "2026-03-10", removed: false })).toBe(
      "This action is not overdue: it is due on Tue 10 Mar 2026. Only an overdue action can be escalated.",
    );
    expect(refused({ status: "blocked", dueDate: "2026-03-01", removed: true })).toContain("removed");
    expect(refused({ status: "blocked", dueDate: "2026-03-09", removed: false })).toBeNull();
  });

  it("does not escalate a family's own action, nor tell anyone of what they did themselves", () => {
    expect(planEscalation(facts({ owner: { id: "claire", name: "Claire Walker", family: true } }))).toMatchObject({ ok: false });
    expect(planEscalation(facts({ owner: { ...tom, family: false } }))).toMatchObject({ ok: true, told: [ben] });
    expect(planEscalation(facts({ owner: { ...tom, family: false }, agency: { name: "Keyworking", contact: tom } }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("nobody to tell"),
    });
    expect(planEscalation(facts({ owner: null, agency: null }))).toMatchObject({ ok: false });
  });

  it("knows from the last escalation whether the next goes to the second level", () => {
    const dayOf = (iso: string) => iso.slice(0, 10);
    const last = { level: 1 as const, at: "2026-03-05T10:00:00Z", byName: "Tom Hughes" };
    expect(escalatedThisTime({ dueDate: "2026-03-01", lastEscalation: last }, dayOf)).toBe(true);
    expect(escalatedThisTime({ dueDate: "2026-03-06", lastEscalation: last }, dayOf)).toBe(false);
    expect(escalatedThisTime({ dueDate: "2026-03-01", lastEscalation: null }, dayOf)).toBe(false);
  });

  it("asks for a note, and bounds it", () => {
    expect(escalationBodySchema.safeParse({ note: "  " }).success).toBe(false);
    expect(escalationBodySchema.safeParse({ note: "x".repeat(escalationNoteMaxLength + 1) }).success).toBe(false);
    expect(escalationBodySchema.parse({ note: " Please reply by Friday " })).toEqual({ note: "Please reply by Friday" });
  });
});
