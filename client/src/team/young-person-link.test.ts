import type { TeamMember } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { youngPersonLinkChoices, youngPersonNote } from "./young-person-link";

const member = (personId: string, role: TeamMember["role"]): TeamMember => ({ personId, name: personId, role, jobTitle: null, agency: null, sharingConsented: true, contact: null });
const team = [member("priya", "keyworker"), member("jamie", "young-person"), member("angela", "service-lead")];
const linked = { personId: "jamie", name: "Jamie", agreement: "Said yes", linkedBy: null, linkedAt: "2026-12-01T10:00:00Z" };

describe("the child's own account on the team page", () => {
  it("offers linking only to the child's own keyworker, and only while none is linked", () => {
    const details = { keyworker: { id: "priya", name: "Priya" }, youngPerson: null };
    expect(youngPersonLinkChoices(details, team, { id: "priya", role: "keyworker" })).toMatchObject({ mayLink: true, mayUnlink: false, candidates: [team[1]] });
    expect(youngPersonLinkChoices(details, team, { id: "tom", role: "senior-keyworker" }).mayLink).toBe(false);
    expect(youngPersonLinkChoices({ ...details, youngPerson: linked }, team, { id: "priya", role: "keyworker" }).mayLink).toBe(false);
  });

  it("offers unlinking to the child's own keyworker and the service lead", () => {
    const details = { keyworker: { id: "priya", name: "Priya" }, youngPerson: linked };
    expect(youngPersonLinkChoices(details, team, { id: "priya", role: "keyworker" }).mayUnlink).toBe(true);
    expect(youngPersonLinkChoices(details, team, { id: "angela", role: "service-lead" }).mayUnlink).toBe(true);
    expect(youngPersonLinkChoices(details, team, { id: "tom", role: "senior-keyworker" }).mayUnlink).toBe(false);
  });

  it("says under each young person whether they are the child's own account", () => {
    expect(youngPersonNote(team[1]!, "jamie", "Jamie")).toBe("Jamie's own account");
    expect(youngPersonNote(team[1]!, null, "Jamie")).toBe("Not linked as Jamie's own account, so sees nothing of Jamie's");
    expect(youngPersonNote(team[0]!, "jamie", "Jamie")).toBeNull();
  });
});
