import { describe, expect, it } from "vitest";
import { documentFullNextStep, familyViewsPartNote, youngPersonViewsPartNote } from "./document-words";

describe("what a care plan says about the family's own part, to each reader", () => {
  it("tells only the parent it is theirs to write", () => {
    expect(familyViewsPartNote("parent", "edit")).toBe(" is your family's own part of the plan: write your views there.");
    for (const reader of ["own-keyworker", "other-staff", "professional"] as const) {
      expect(familyViewsPartNote(reader, "edit")).not.toMatch(/your family/);
      expect(familyViewsPartNote(reader, "edit")).toMatch(/written by the family themselves/);
    }
    expect(familyViewsPartNote("young-person", "comment")).toBe(" is where your family write their views. You can comment on it.");
  });
});

describe("what a care plan says about the young person's own part, to each reader", () => {
  it("tells only the young person it is theirs to write, and the parent they may comment", () => {
    expect(youngPersonViewsPartNote("young-person", "edit", "Jamie")).toMatch(/your own part of the plan: write/);
    expect(youngPersonViewsPartNote("parent", "comment", "Jamie")).toBe(" is Jamie's own part of the plan, in Jamie's words. You can comment on it.");
    expect(youngPersonViewsPartNote("professional", "comment", "Jamie")).toBe(" is Jamie's own part of the plan, in Jamie's words. You can comment on it.");
    expect(youngPersonViewsPartNote("own-keyworker", "edit", "Jamie")).toMatch(/only when Jamie asks you to; what you write is shown as yours/);
  });
});

describe("what to do when a document is full, to each reader", () => {
  it("never tells keyworking staff to ask the keyworker", () => {
    expect(documentFullNextStep("own-keyworker")).not.toMatch(/ask/);
    expect(documentFullNextStep("other-staff")).not.toMatch(/ask/);
    expect(documentFullNextStep("parent")).toMatch(/ask your keyworker/);
    expect(documentFullNextStep("young-person")).toMatch(/ask your keyworker/);
    expect(documentFullNextStep("professional")).toMatch(/ask the child's keyworker/);
  });
});
