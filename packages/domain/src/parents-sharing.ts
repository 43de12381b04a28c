/**
 * A young person's own say in what their parents see (ADR 0026). From 16 what is shared with
 * their parents or carers follows the young person's decision, recorded as consent of kind
 * `share-with-parents`, given by the young person and withdrawable like any other:
 *
 * - under 16: the decision is kept on record, and parents open the child's records as before;
 * - 16 and 17: parents open them unless the young person has declined or withdrawn it;
 * - 18 and over: parents open them only while the young person has given it.
 *
 * When parents may not open, their place on the team does not count (`teamRoleThatCounts`), so
 * every list and every check treats them as not on the team. The server's SQL
 * (server/src/access/team-membership.ts) says the same, and a test holds them together.
 */
import { currentConsents, isConsentInForce, type ConsentRecord } from "./consent.js";
import { caseManagerRoles, teamRoleThatCounts } from "./permissions.js";
import type { Role } from "./roles.js";

/** The young person's decision that holds now: given (and in force), declined (or withdrawn), or none recorded. */
export type ParentsSharingDecision = "given" | "declined" | null;

/** The age at which a young person's own decision decides, and the age from which it must be given. */
export const decidesFromAge = 16;
export const adultFromAge = 18;

/** Whole years between a date of birth and today, both ISO dates ("2008-11-21"). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

type SharingRecord = Pick<ConsentRecord, "kind" | "agency" | "recordedAt" | "decision" | "withdrawn">;

/** The latest `share-with-parents` record, read as a decision. */
export function parentsSharingDecision(records: readonly SharingRecord[]): ParentsSharingDecision {
  return latestParentsSharing(records).decision;
}

/**
 * The decision that holds now and when it was made: the day it was recorded, or for consent
 * withdrawn (a decline), the day it was withdrawn. Both null when none is recorded.
 */
export function latestParentsSharing(records: readonly SharingRecord[]): { decision: ParentsSharingDecision; decidedAt: string | null } {
  const latest = currentConsents(records).find((r) => r.kind === "share-with-parents");
  if (!latest) return { decision: null, decidedAt: null };
  return { decision: isConsentInForce(latest) ? "given" : "declined", decidedAt: latest.withdrawn?.at ?? latest.recordedAt };
}

/** Whether the young person's own decision decides at this age (no date of birth: not known to, so no). */
export function youngPersonDecides(age: number | null): boolean {
  return age !== null && age >= decidesFromAge;
}

/** Whether the child's parents or carers on the team may open the child's records. */
export function parentsMayOpen(q: { age: number | null; decision: ParentsSharingDecision }): boolean {
  if (!youngPersonDecides(q.age)) return true;
  if (q.age! < adultFromAge) return q.decision !== "declined";
  return q.decision === "given";
}

/**
 * Who is told the young person's decision: the people who run the case and the young person
 * themselves, never the parents and nobody else (the consent page and the team page alike).
 */
export function seesParentsSharing(caseRole: Role | null): boolean {
  return caseRole !== null && (caseManagerRoles.includes(caseRole) || caseRole === "young-person");
}

/**
 * Whether someone invited onto the team in this role would count on it (`teamRoleThatCounts`):
 * inviting the young person links their own account, so only a parent can fail, while the young
 * person's decision keeps parents out.
 */
export function invitedRoleCounts(role: Role, facts: { parentsMayOpen: boolean }): boolean {
  return teamRoleThatCounts(role, { isTheLinkedYoungPerson: role === "young-person", parentsMayOpen: facts.parentsMayOpen }) !== null;
}

/**
 * Why the child's parents or carers cannot open their records, in words for the people told the
 * decision ("Kai has said their records are not shared with their parents or carers"). Only
 * asked when `parentsMayOpen` says no.
 */
export function parentsKeptOutReason(child: string, p: { age: number | null; decision: ParentsSharingDecision }): string {
  return p.decision === "declined"
    ? `${child} has said their records are not shared with their parents or carers`
    : `${child} is ${p.age ?? adultFromAge} and has not agreed to share their records with their parents or carers`;
}
