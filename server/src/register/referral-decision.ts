/**
 * Triage: a senior keyworker or the service lead accepts a referral onto the register or not.
 * Accepting makes the child's case in one transaction — the first RAG rating (the start of its
 * history), the register consent the referral recorded, the team (the keyworker if one was
 * chosen, the referring professional, and the senior keyworker who accepted, who holds the case
 * until someone else does) — and links the referral to it. Declining keeps the reason, which the
 * referrer reads in the app; email says only that the referral was looked at.
 */
import { schema, type Db } from "@roundtable/db";
import {
  acceptedRatingReason,
  allocatedTeamRole,
  isFamilyRole,
  mayTriage,
  needsSharingConsent,
  ragLevelOf,
  ragLevelsOf,
  teamRolesFor,
  ukDayOf,
  type Referral,
  type ReferralDecision,
  type Role,
} from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import type { Logger } from "pino";
import { recordAudit } from "../audit/audit-log.js";
import { forbidden, HttpError, notFound } from "../errors.js";
import type { Notifier } from "../notifications/notifier.js";
import type { Person } from "../auth/sessions.js";
import { recordFirstRating } from "./first-rating.js";
import { keyworkingStaffIn } from "./allocation.js";
import { referralById } from "./referrals.js";

/** The client's "My referrals" page, where the referrer reads the outcome. */
const myReferralsLink = "/referrals/mine";

export interface ReferralDecisionDeps {
  db: Db;
  notifier: Notifier;
  log: Logger;
}

const invalid = (details: Record<string, string>) => new HttpError(400, "The request body is not valid. Check the details and try again.", details);

type ReferralRow = typeof schema.referrals.$inferSelect;

/** The referral, if this person may decide on it: a family account is told it is not there; anyone else who does not triage, that they may not. */
async function referralToDecide(db: Db, person: Person, referralId: string): Promise<ReferralRow> {
  if (isFamilyRole(person.role)) throw notFound("That referral");
  const [referral] = await db.select().from(schema.referrals).where(eq(schema.referrals.id, referralId));
  if (!referral || referral.serviceId !== person.serviceId) throw notFound("That referral");
  if (!mayTriage(person.role)) throw forbidden("Only senior keyworkers and the service lead decide whether a child is accepted onto the register.");
  return referral;
}

/** Said when the referral was decided already (by someone else a moment ago, or in another tab). */
function alreadyDecided(row: ReferralRow, deciderName: string | null): HttpError {
  const by = deciderName ? ` by ${deciderName}` : "";
  const when = row.decidedAt ? ` on ${ukDayOf(row.decidedAt)}` : "";
  const what = row.status === "accepted" ? "accepted onto the register" : "looked at and not accepted";
  return new HttpError(409, `This referral was already ${what}${by}${when}. Reload the page to see it.`);
}

export async function decideReferral(deps: ReferralDecisionDeps, person: Person, referralId: string, decision: ReferralDecision): Promise<Referral> {
  const { db } = deps;
  const referral = await referralToDecide(db, person, referralId);
  const accepted = decision.accept ? await acceptance(db, referral, decision.accept) : null;
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(schema.referrals).where(eq(schema.referrals.id, referralId)).for("update");
    if (!locked) throw notFound("That referral");
    if (locked.status !== "waiting") {
      const [decider] = locked.decidedBy ? await tx.select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, locked.decidedBy)) : [];
      throw alreadyDecided(locked, decider?.name ?? null);
    }
    const decidedAt = new Date();
    if (accepted) {
      const caseId = await makeCase(tx, person, locked, accepted, decidedAt);
      await tx.update(schema.referrals).set({ status: "accepted", decidedBy: person.id, decidedAt, caseId }).where(eq(schema.referrals.id, referralId));
    } else {
      const reason = decision.decline!.reason;
      await tx.update(schema.referrals).set({ status: "declined", decidedBy: person.id, decidedAt, declineReason: reason }).where(eq(schema.referrals.id, referralId));
      await recordAudit(tx, { actor: person, role: person.role, action: "referral-declined", detail: { referralId } });
    }
  });
  const decided = (await referralById(db, referralId))!;
  await tellReferrer(deps, person, decided).catch((err: unknown) => deps.log.error({ err, referralId }, "could not tell the referrer of a decision"));
  return decided;
}

interface Acceptance {
  rating: string;
  reason: string;
  keyworker: { id: string; name: string; role: Role } | null;
  referrer: { id: string; role: Role } | null;
}

/** What accepting needs, checked before the transaction: one of the service's levels, a keyworker from the keyworking service. */
async function acceptance(db: Db, referral: ReferralRow, accept: NonNullable<ReferralDecision["accept"]>): Promise<Acceptance> {
  const [service] = await db.select({ ragLevels: schema.services.ragLevels }).from(schema.services).where(eq(schema.services.id, referral.serviceId));
  const levels = ragLevelsOf(service?.ragLevels);
  const level = ragLevelOf(levels, accept.rating);
  const problems: Record<string, string> = {};
  if (!level) {
    const names = levels.map((l) => l.label.toLowerCase());
    problems["accept.rating"] = `Choose one of the service's levels: ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  }
  let keyworker: Acceptance["keyworker"] = null;
  if (accept.keyworkerId) {
    keyworker = (await keyworkingStaffIn(db, referral.serviceId, [accept.keyworkerId])).get(accept.keyworkerId) ?? null;
    if (!keyworker) problems["accept.keyworkerId"] = "Choose someone in the keyworking service";
  }
  if (Object.keys(problems).length > 0) throw invalid(problems);
  let referrer: Acceptance["referrer"] = null;
  if (referral.referredBy) {
    const [row] = await db.select({ id: schema.people.id, role: schema.people.role }).from(schema.people).where(eq(schema.people.id, referral.referredBy));
    referrer = row ?? null;
  }
  return { rating: level!.rating, reason: acceptedRatingReason(accept.reason), keyworker, referrer };
}

/** The child's case, with its first rating, register consent and team; the referral's audit event on the new case's trail. */
async function makeCase(tx: Db, person: Person, referral: ReferralRow, accepted: Acceptance, at: Date): Promise<string> {
  const [row] = await tx
    .insert(schema.cases)
    .values({
      serviceId: referral.serviceId,
      name: referral.childName,
      dateOfBirth: referral.dateOfBirth,
      ragRating: accepted.rating,
      keyworkerId: accepted.keyworker?.id ?? null,
    })
    .returning({ id: schema.cases.id });
  const caseId = row!.id;
  await recordFirstRating(tx, { caseId, rating: accepted.rating, reason: accepted.reason, byId: person.id, at });
  if (referral.registerConsent !== "not-asked") {
    await tx.insert(schema.consents).values({
      caseId,
      kind: "register",
      decision: referral.registerConsent === "given" ? "given" : "declined",
      givenBy: referral.source === "self" ? "The family, on their own referral" : "The family, as the referrer recorded it",
      note: `From the referral of ${ukDayOf(referral.createdAt)}.`,
      recordedBy: referral.referredBy ?? person.id,
      recordedAt: at,
    });
  }
  const team = new Map<string, Role>();
  if (accepted.keyworker) team.set(accepted.keyworker.id, allocatedTeamRole(accepted.keyworker.role));
  // The senior keyworker who accepted holds the case until it is allocated (the service lead sees the whole service anyway).
  if (person.role === "senior-keyworker" && !team.has(person.id)) team.set(person.id, "senior-keyworker");
  // A referring professional (or ICB lead) joins in their own role; keyworking staff join only when allocated.
  const referrer = accepted.referrer;
  if (referrer && needsSharingConsent(referrer.role) && !team.has(referrer.id)) team.set(referrer.id, teamRolesFor(referrer.role)[0]!);
  if (team.size > 0) await tx.insert(schema.caseMembers).values([...team].map(([personId, role]) => ({ caseId, personId, role })));
  await recordAudit(tx, {
    actor: person,
    role: person.role,
    action: "referral-accepted",
    caseId,
    detail: { referralId: referral.id, rating: accepted.rating, keyworkerId: accepted.keyworker?.id ?? null, keyworker: accepted.keyworker?.name ?? null },
  });
  return caseId;
}

/**
 * The referrer is told in the app what was decided (and why not, when not); by email only that
 * their referral was looked at (the notifier's wording names no child). Someone who decides on
 * their own referral is not told what they just did.
 */
async function tellReferrer({ db, notifier }: ReferralDecisionDeps, person: Person, referral: Referral): Promise<void> {
  const referrerId = referral.referredBy?.id;
  if (!referrerId || referrerId === person.id) return;
  const [stillHere] = await db.select({ id: schema.people.id }).from(schema.people).where(and(eq(schema.people.id, referrerId), eq(schema.people.serviceId, person.serviceId)));
  if (!stillHere) return;
  const body =
    referral.status === "accepted"
      ? `${referral.childName} was accepted onto the register.`
      : `${referral.childName} was not accepted onto the register. The reason: ${referral.declineReason ?? "none was given"}`;
  await notifier.notify([referrerId], { kind: "referral-decided", title: "Your referral has been looked at", body, link: myReferralsLink });
}
