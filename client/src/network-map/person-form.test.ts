import type { MapNode, TeamMember } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { changedDetails, emptyPersonForm, firstFieldWithError, personDetailsFrom, personFormOf, withTeamMember } from "./person-form";

const lucyId = "8d3c3f0e-5b1a-4c8e-9d57-2f0b1f4a0c11";
const ruthId = "1f6b0c1e-7a44-4b1e-8f0e-6c2b5a9d3e22";
const socialCare = { id: "0b7f6a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b", name: "Northbridge Children's Social Care" };
const school = { id: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", name: "Riverside Academy" };
const agencies = [socialCare, school];

const member = (personId: string, name: string, jobTitle: string | null, agency: string | null, phone: string | null): TeamMember => ({
  personId,
  name,
  role: "professional",
  jobTitle,
  agency,
  sharingConsented: true,
  contact: { email: `${name.split(" ")[0]!.toLowerCase()}@roundtable.demo`, phone, workingHours: null },
});
const lucy = member(lucyId, "Lucy Evans", "Social worker", socialCare.name, "01632 960 455");
const ruth = member(ruthId, "Dr Ruth Adeyemi", "Independent CETR chair", null, null);
const team = [lucy, ruth];

const node = (fields: Partial<MapNode>): MapNode => ({ id: "n1", label: "", kind: "person", status: "on-board", x: 0, y: 0, role: null, contact: null, agencyId: null, personId: null, ...fields });

describe("choosing someone on the child's team", () => {
  it("fills in their name, and their agency when it is one of the service's", () => {
    expect(withTeamMember(emptyPersonForm, lucyId, team, agencies)).toEqual({ ...emptyPersonForm, personId: lucyId, label: "Lucy Evans", agencyId: socialCare.id });
  });

  it("leaves an agency chosen by hand when theirs is not one of the service's", () => {
    const typed = { ...emptyPersonForm, label: "Ruth", agencyId: school.id };
    expect(withTeamMember(typed, ruthId, team, agencies)).toEqual({ ...typed, personId: ruthId, label: "Dr Ruth Adeyemi" });
  });

  it("takes away the agency filled in for the member before, when the next one has none of the service's", () => {
    const linkedToLucy = withTeamMember(emptyPersonForm, lucyId, team, agencies);
    expect(withTeamMember(linkedToLucy, ruthId, team, agencies).agencyId).toBe("");
  });

  it("keeps what was shown of them when unlinked: name, job title and contact details, where nothing was written", () => {
    const linked = { ...emptyPersonForm, personId: lucyId, label: "Lucy Evans", agencyId: socialCare.id };
    expect(withTeamMember(linked, "", team, agencies)).toEqual({
      personId: "",
      label: "Lucy Evans",
      role: "Social worker",
      agencyId: socialCare.id,
      contact: "01632 960 455, lucy@roundtable.demo",
    });
    const ownWords = { ...linked, role: "Lead for short breaks", contact: "Via the duty desk" };
    expect(withTeamMember(ownWords, "", team, agencies)).toEqual({ ...ownWords, personId: "" });
  });
});

describe("what the form asks the map to store", () => {
  it("stores a linked person under their name on the team, whatever the name box says, and empty boxes as none", () => {
    const read = personDetailsFrom({ ...emptyPersonForm, personId: lucyId, label: "someone else", role: "  " }, team);
    expect(read).toEqual({ ok: true, details: { label: "Lucy Evans", role: null, contact: null, agencyId: null, personId: lucyId } });
  });

  it("asks for a name when no one on the team is chosen", () => {
    expect(personDetailsFrom({ ...emptyPersonForm, label: "   " }, team)).toEqual({ ok: false, errors: { label: "Enter their name, or the service's" } });
  });

  it("says each problem the map's model has with a field next to that field, in the form's order", () => {
    const read = personDetailsFrom({ ...emptyPersonForm, label: "Ben", role: "r".repeat(201), contact: "c".repeat(501) }, team);
    expect(read).toEqual({ ok: false, errors: { role: "Keep a role to 200 characters", contact: "Keep contact details to 500 characters" } });
    expect(firstFieldWithError(read.ok ? {} : read.errors)).toBe("role");
  });

  it("keeps a link to someone the reader no longer sees on the team, with the name it has", () => {
    const gone = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    const read = personDetailsFrom(personFormOf(node({ label: "Mark Davies", personId: gone })), team);
    expect(read).toEqual({ ok: true, details: { label: "Mark Davies", role: null, contact: null, agencyId: null, personId: gone } });
  });
});

describe("changing a person's details", () => {
  it("opens on what the map has of them, and sends only what changed", () => {
    const before = node({ label: "Lucy Evans", personId: lucyId, agencyId: socialCare.id });
    const values = personFormOf(before);
    expect(values).toEqual({ personId: lucyId, label: "Lucy Evans", role: "", agencyId: socialCare.id, contact: "" });
    const read = personDetailsFrom({ ...values, role: "Lead social worker" }, team);
    expect(read.ok && changedDetails(before, read.details)).toEqual({ role: "Lead social worker" });
    const unchanged = personDetailsFrom(values, team);
    expect(unchanged.ok && changedDetails(before, unchanged.details)).toEqual({});
  });

  it("unlinks with the details that were shown, in one change", () => {
    const before = node({ label: "Lucy Evans", personId: lucyId, agencyId: socialCare.id });
    const read = personDetailsFrom(withTeamMember(personFormOf(before), "", team, agencies), team);
    expect(read.ok && changedDetails(before, read.details)).toEqual({ personId: null, role: "Social worker", contact: "01632 960 455, lucy@roundtable.demo" });
  });
});
