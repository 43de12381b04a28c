import type { MapNode, TeamMember } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { mapLinksOf, memberChoiceLabel, noMapLinks, personShown, sameShown, spokenPerson } from "./map-links";

const lucyId = "8d3c3f0e-5b1a-4c8e-9d57-2f0b1f4a0c11";
const socialCare = { id: "0b7f6a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b", name: "Northbridge Children's Social Care" };

const lucy: TeamMember = {
  personId: lucyId,
  name: "Lucy Evans",
  role: "professional",
  jobTitle: "Social worker",
  agency: socialCare.name,
  sharingConsented: true,
  contact: { email: "lucy.evans@roundtable.demo", phone: "01632 960 455", workingHours: null },
};
const jamie: TeamMember = { personId: "5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c", name: "Jamie Walker", role: "young-person", jobTitle: "Young person", agency: null, sharingConsented: true, contact: null };

const node = (fields: Partial<MapNode>): MapNode => ({ id: "n1", label: "L. Evans", kind: "person", status: "on-board", x: 0, y: 0, role: null, contact: "old number", agencyId: null, personId: lucyId, ...fields });

describe("a map's links to the child's team", () => {
  const links = mapLinksOf({ name: "Jamie Walker", team: [lucy, jamie] }, [socialCare]);

  it("offers the team but the young person, who is the centre, and names it by the child's first name", () => {
    expect(links.team).toEqual([lucy]);
    expect(links.teamName).toBe("Jamie's team");
    expect(memberChoiceLabel(lucy)).toBe("Lucy Evans — Social worker, Northbridge Children's Social Care");
    expect(memberChoiceLabel({ ...lucy, jobTitle: null, agency: null })).toBe("Lucy Evans");
  });

  it("shows a linked person's details as the team has them now, and says they are on it", () => {
    const shown = personShown(node({}), links);
    expect(shown).toEqual({ name: "Lucy Evans", role: "Social worker", agency: socialCare.name, contact: "01632 960 455, lucy.evans@roundtable.demo", onTeam: "On Jamie's team" });
    expect(spokenPerson(shown, "On board")).toBe(
      "Lucy Evans, Social worker, Northbridge Children's Social Care: On board. On Jamie's team. Contact: 01632 960 455, lucy.evans@roundtable.demo",
    );
  });

  it("shows what the node says until the team is read, or when the reader does not see them on it", () => {
    const shown = personShown(node({}), noMapLinks);
    expect(shown).toEqual({ name: "L. Evans", role: null, agency: null, contact: "old number", onTeam: null });
    expect(spokenPerson(shown, null)).toBe("L. Evans: Contact: old number");
    expect(personShown(node({}), mapLinksOf({ name: "Jamie Walker", team: [] }, [])).onTeam).toBeNull();
  });

  it("tells a node shown differently once the team arrives or their number changes, and not otherwise", () => {
    const now = personShown(node({}), links);
    expect(sameShown(now, personShown(node({}), links))).toBe(true);
    expect(sameShown(personShown(node({}), noMapLinks), now)).toBe(false);
    const newNumber = mapLinksOf({ name: "Jamie Walker", team: [{ ...lucy, contact: { ...lucy.contact!, phone: "01632 960 999" } }] }, [socialCare]);
    expect(sameShown(now, personShown(node({}), newNumber))).toBe(false);
  });
});
