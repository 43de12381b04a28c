import { describe, expect, it } from "vitest";
import { parentKeptOutNote, parentsSharingEffect, parentsSharingForStaff, parentsSharingForYoungPerson } from "./parents-sharing-words";

describe("a young person's decision about their parents, in words", () => {
  it("tells an 18-year-old who has not agreed that their parents cannot see their records, and how to change it", () => {
    const words = parentsSharingForYoungPerson({ age: 18, decides: true, decision: null, decidedAt: null, parentsMayOpen: false });
    expect(words.lines[0]).toBe("Your parents or carers cannot see your plan or your records. You are 18 or over, and you have not said they can.");
    expect(words.lines).toContain("You can change your mind at any time: tell your keyworker.");
  });

  it("tells a 15-year-old their decision is kept and counts from 16", () => {
    const words = parentsSharingForYoungPerson({ age: 15, decides: false, decision: "declined", decidedAt: null, parentsMayOpen: true });
    expect(words.lines.join(" ")).toMatch(/When you are 16, you decide what they see/);
    expect(words.lines.join(" ")).toMatch(/counts from when you are 16/);
  });

  it("tells the keyworker the rule at the child's age and what holds now", () => {
    const words = parentsSharingForStaff({ age: 17, decides: true, decision: "declined", decidedAt: null, parentsMayOpen: false }, "Ellie");
    expect(words.lines).toEqual([
      "Ellie is 17: their parents or carers on the team open Ellie's records unless Ellie says no.",
      "Ellie has said no. Their parents or carers cannot open the records now, and are not told anything about Ellie, including who their keyworker is.",
    ]);
    expect(parentsSharingForStaff({ age: 15, decides: false, decision: "declined", decidedAt: null, parentsMayOpen: true }, "Jamie").lines[0]).toBe(
      "Jamie is 15: until Jamie is 16, their parents or carers on the team open Jamie's records whatever Jamie decides. A decision is kept on record, and counts from 16.",
    );
    expect(parentsSharingEffect({ age: 18, decides: true, decision: null, decidedAt: null, parentsMayOpen: false }, "given", "Kai")).toBe("Kai's parents or carers on the team can open Kai's records.");
    expect(parentsSharingEffect({ age: 15, decides: false, decision: null, decidedAt: null, parentsMayOpen: true }, "declined", "Jamie")).toMatch(/counts from when Jamie is 16/);
  });

  it("says under a parent kept out why they cannot see the records: with its date to staff, in their own terms to the young person, to nobody else", () => {
    const declined = { age: 18, decides: true, decision: "declined" as const, decidedAt: "2026-11-30T10:00:00Z", parentsMayOpen: false };
    expect(parentKeptOutNote(declined, "Kai", false)).toBe("Cannot see Kai's records: Kai has said their records are not shared with their parents or carers (recorded 30 November 2026).");
    expect(parentKeptOutNote({ ...declined, decision: null, decidedAt: null }, "Kai", false)).toBe(
      "Cannot see Kai's records: Kai is 18 and has not agreed to share their records with their parents or carers.",
    );
    expect(parentKeptOutNote(declined, "Kai", true)).toBe("Cannot see your records: you have said they should not.");
    // Not told the decision (sent null), or parents may open: nothing is said.
    expect(parentKeptOutNote(null, "Kai", false)).toBeNull();
    expect(parentKeptOutNote({ ...declined, decision: "given", parentsMayOpen: true }, "Kai", false)).toBeNull();
  });
});
