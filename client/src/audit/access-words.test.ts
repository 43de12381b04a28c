import { describe, expect, it } from "vitest";
import { accessVerb, whoTheyAre } from "./access-words";

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
