import { describe, expect, it } from "vitest";
import { describeOwner, ownerChoice, ownerFromChoice, ownerName } from "./action-owner";

const team = [{ personId: "p1", name: "Mark Davies", role: "professional" as const, jobTitle: "SENCO", agency: "Riverside Academy", sharingConsented: true, contact: null }];
const agencies = [{ id: "a1", name: "Riverside Academy" }];

describe("owner choice", () => {
  it("round-trips a person and an agency through the select's value", () => {
    expect(ownerFromChoice(ownerChoice({ ownerId: "p1", ownerAgencyId: null }))).toEqual({ ownerId: "p1", ownerAgencyId: null });
    expect(ownerFromChoice(ownerChoice({ ownerId: null, ownerAgencyId: "a1" }))).toEqual({ ownerId: null, ownerAgencyId: "a1" });
    expect(ownerFromChoice("")).toEqual({ ownerId: null, ownerAgencyId: null });
  });
});

describe("describeOwner", () => {
  it("names the person with what they do", () => {
    expect(describeOwner({ ownerId: "p1", ownerAgencyId: null }, team, agencies)).toBe("Mark Davies (SENCO)");
  });

  it("says when an agency has it but no one is named", () => {
    expect(describeOwner({ ownerId: null, ownerAgencyId: "a1" }, team, agencies)).toBe("Riverside Academy (no one named yet)");
  });

  it("says when no one has it yet", () => {
    expect(describeOwner({ ownerId: null, ownerAgencyId: null }, team, agencies)).toBe("No one yet");
  });
});

describe("ownerName", () => {
  it("prefers the person, then the agency", () => {
    expect(ownerName({ ownerName: "Mark Davies", ownerAgencyName: "Riverside Academy" })).toBe("Mark Davies");
    expect(ownerName({ ownerName: null, ownerAgencyName: "Riverside Academy" })).toBe("Riverside Academy (no one named yet)");
    expect(ownerName({ ownerName: null, ownerAgencyName: null })).toBe("No one yet");
  });
});
