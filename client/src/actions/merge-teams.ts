/**
 * One list of people and agencies from several case teams (a tracker meeting reviews several
 * cases): everyone once, in the order their cases come, then each agency once.
 */
import { teamRoleThatCounts, type Agency, type CaseDetail, type TeamMember } from "@roundtable/domain";

/**
 * The people on a case's team whose place counts (teamRoleThatCounts): not a parent kept out by
 * the young person's own decision (ADR 0026), who could open nothing they were given. The case
 * tells that decision only to those who run it; anyone else is not sent such a parent at all.
 */
export function teamThatCounts(c: {
  team: readonly TeamMember[];
  youngPerson: { personId: string } | null;
  parentsSharing: { parentsMayOpen: boolean } | null;
}): TeamMember[] {
  const parentsMayOpen = c.parentsSharing?.parentsMayOpen ?? true;
  return c.team.filter(
    (member) => teamRoleThatCounts(member.role, { isTheLinkedYoungPerson: c.youngPerson?.personId === member.personId, parentsMayOpen }) !== null,
  );
}

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
