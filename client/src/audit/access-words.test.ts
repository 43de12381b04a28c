import { describe, expect, it } from "vitest";
import { accessVerb, howOften, whoTheyAre } from "./access-words";

describe("the access report in everyday words", () => {
  it("says what someone did to a record", () => {
    expect(accessVerb("opened")).toBe("opened");
    expect(accessVerb("edited")).toBe("made changes to");
    expect(accessVerb("exported")).toBe("downloaded");
    expect(accessVerb("printed")).toBe("printed");
  });

  it("says who someone is by their role and agency", () => {
    expect(whoTheyAre({ name: "Dr Ben Carter", role: "professional", agency: "Northbridge CAMHS" })).toBe("Professional, Northbridge CAMHS");
    expect(whoTheyAre({ name: "Claire Walker", role: "parent", agency: null })).toBe("Parent or carer");
    expect(whoTheyAre({ name: "Someone", role: null, agency: null })).toBe("");
  });
});

describe("howOften", () => {
  const clock = (at: string) => at.slice(11, 16);
  it("says nothing for once, and how many times and since when for several", () => {
    expect(howOften({ count: 1, firstAt: "2026-12-02T09:00:00Z" }, clock)).toBe("");
    expect(howOften({ count: 3, firstAt: "2026-12-02T09:00:00Z" }, clock)).toBe(" 3 times, first at 09:00");
  });
});
