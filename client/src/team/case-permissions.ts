/**
 * What the signed-in person may do on a case's records-and-permissions pages, decided from the
 * rules in @roundtable/domain (the same ones the server enforces). The screens use this to offer
 * only the links and buttons that will work; the server still says no to anyone else.
 */
import {
  effectiveCaseRole,
  mayManageCase,
  mayReadAccessReport,
  mayReadAuditTrail,
  teamRolesFor,
  type Me,
  type Role,
  type TeamMember,
} from "@roundtable/domain";

export interface CasePermissions {
  /** Their role for case-level rules: their team role, or service lead across the service. */
  role: Role | null;
  /** Change roles, remove people, record and withdraw consent. */
  manage: boolean;
  readAuditTrail: boolean;
  readAccessReport: boolean;
}

export function casePermissions(team: readonly Pick<TeamMember, "personId" | "role">[], me: Pick<Me, "id" | "role">): CasePermissions {
  const teamRole = team.find((member) => member.personId === me.id)?.role ?? null;
  const role = effectiveCaseRole(teamRole, me.role);
  return {
    role,
    manage: mayManageCase(role),
    readAuditTrail: mayReadAuditTrail(role),
    readAccessReport: mayReadAccessReport(role),
  };
}

/**
 * The roles a member could be given instead. A team member's account role is not sent to the
 * client, but their team role says enough: keyworking staff hold keyworking roles and everyone
 * else holds their account's role, so the choices for their team role are the choices for them.
 */
export function roleChoicesFor(member: Pick<TeamMember, "role">): readonly Role[] {
  const choices = teamRolesFor(member.role);
  return choices.length > 1 ? choices : [];
}
