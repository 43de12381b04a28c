import type { Role } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { casePermissions, roleChoicesFor } from "./case-permissions";

const team = [
  { personId: "priya", role: "keyworker" as Role },
  { personId: "tom", role: "senior-keyworker" as Role },
  { personId: "ben", role: "professional" as Role },
  { personId: "claire", role: "parent" as Role },
];

describe("what someone may do on a case's records and permissions", () => {
  it("lets the child's keyworker run the team and consent, but not read the audit trail", () => {
    expect(casePermissions(team, { id: "priya", role: "keyworker" })).toEqual({
      role: "keyworker",
      manage: true,
      readAuditTrail: false,
      readAccessReport: false,
    });
  });

  it("lets a senior keyworker on the team read the audit trail", () => {
    expect(casePermissions(team, { id: "tom", role: "senior-keyworker" })).toMatchObject({ manage: true, readAuditTrail: true });
  });

  it("goes by the role on this case, not the account", () => {
    // A senior keyworker who is only the keyworker on this case does not read its audit trail.
    const asKeyworker = [{ personId: "tom", role: "keyworker" as Role }];
    expect(casePermissions(asKeyworker, { id: "tom", role: "senior-keyworker" })).toMatchObject({ manage: true, readAuditTrail: false });
  });

  it("gives a service lead who is not on the team the service lead's rights", () => {
    expect(casePermissions(team, { id: "angela", role: "service-lead" })).toMatchObject({ role: "service-lead", manage: true, readAuditTrail: true });
  });

  it("gives the child's parent the access report and nothing to manage", () => {
    expect(casePermissions(team, { id: "claire", role: "parent" })).toEqual({
      role: "parent",
      manage: false,
      readAuditTrail: false,
      readAccessReport: true,
    });
  });

  it("gives a professional from another agency none of these", () => {
    expect(casePermissions(team, { id: "ben", role: "professional" })).toMatchObject({ manage: false, readAuditTrail: false, readAccessReport: false });
  });

  it("gives someone who is not on the team nothing", () => {
    expect(casePermissions(team, { id: "stranger", role: "keyworker" })).toMatchObject({ role: null, manage: false });
  });
});

describe("the roles a team member could be given", () => {
  it("offers keyworking staff every keyworking role", () => {
    expect(roleChoicesFor({ role: "keyworker" })).toEqual(["keyworker", "senior-keyworker", "service-lead"]);
  });

  it("offers nothing to change for people who can only hold one role", () => {
    expect(roleChoicesFor({ role: "professional" })).toEqual([]);
    expect(roleChoicesFor({ role: "parent" })).toEqual([]);
  });
});
