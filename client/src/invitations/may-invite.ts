/**
 * Whether the signed-in person runs this case and so may invite people onto its team: their
 * role on the team (or service lead across the service) is one of caseManagerRoles. The server
 * decides the same way; this only chooses what to show.
 */
import { effectiveCaseRole, mayManageCase, type Me, type TeamMember } from "@roundtable/domain";

export function mayInvite(me: Pick<Me, "id" | "role">, team: readonly Pick<TeamMember, "personId" | "role">[]): boolean {
  const caseRole = team.find((member) => member.personId === me.id)?.role ?? null;
  const role = effectiveCaseRole(caseRole, me.role);
  return mayManageCase(role);
}
