/**
 * One list of people and agencies from several case teams (a tracker meeting reviews several
 * cases): everyone once, in the order their cases come, then each agency once.
 */
import type { Agency, CaseDetail, TeamMember } from "@roundtable/domain";

export function mergeTeams(cases: readonly Pick<CaseDetail, "team" | "agencies">[]): {
  team: TeamMember[];
  agencies: Agency[];
} {
  const team = new Map<string, TeamMember>();
  const agencies = new Map<string, Agency>();
  for (const c of cases) {
    for (const member of c.team) if (!team.has(member.personId)) team.set(member.personId, member);
    for (const agency of c.agencies) if (!agencies.has(agency.id)) agencies.set(agency.id, agency);
  }
  return { team: [...team.values()], agencies: [...agencies.values()] };
}
