/**
 * Referrals to the Dynamic Support Register: making one, and the lists of them. A professional
 * refers a child; someone in the keyworking service may record a family's own referral. The
 * triage queue is for senior keyworkers and the service lead (their service's referrals);
 * everyone else sees only the referrals they made, with the outcome.
 */
import { schema, type Db } from "@roundtable/db";
import {
  dateOfBirthProblem,
  isFamilyRole,
  mayRefer,
  mayTriage,
  ragLevelsOf,
  referralSourcesFor,
  todayInEngland,
  type RagLevel,
  type Referral,
  type ReferralFields,
  type ReferralListQuery,
  type ReferralStatus,
} from "@roundtable/domain";
import { and, asc, count, desc, eq, gt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { forbidden, HttpError } from "../errors.js";
import type { Person } from "../auth/sessions.js";

export interface ReferralDeps {
  db: Db;
  /** Referrals one person may have waiting that they made in the last day (REFERRALS_WAITING_PER_DAY). */
  waitingPerDay: number;
  /** The most referrals one list holds (LIST_MAX_PAGE_SIZE). */
  maxRows: number;
}

const referrer = alias(schema.people, "referrer");
const referrerAgency = alias(schema.agencies, "referrer_agency");
const decider = alias(schema.people, "decider");

/** Said to family accounts and administrators, who neither refer nor triage. */
export const notForReferrers = "Referrals to the register are made by professionals and the keyworking service. Talk to your keyworker or a professional you know about a referral.";

function referralQuery(db: Db) {
  return db
    .select({
      referral: schema.referrals,
      referrerName: referrer.name,
      referrerAgency: referrerAgency.name,
      deciderName: decider.name,
    })
    .from(schema.referrals)
    .leftJoin(referrer, eq(referrer.id, schema.referrals.referredBy))
    .leftJoin(referrerAgency, eq(referrerAgency.id, referrer.agencyId))
    .leftJoin(decider, eq(decider.id, schema.referrals.decidedBy));
}

type ReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>["execute"]>>[number];

function toReferral({ referral: r, referrerName, referrerAgency: agency, deciderName }: ReferralRow): Referral {
  return {
    id: r.id,
    childName: r.childName,
    dateOfBirth: r.dateOfBirth,
    source: r.source,
    referredBy: r.referredBy && referrerName ? { id: r.referredBy, name: referrerName, agency } : null,
    whyNow: r.whyNow,
    risk: r.risk,
    registerConsent: r.registerConsent,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decided: r.decidedAt ? { by: r.decidedBy && deciderName ? { id: r.decidedBy, name: deciderName } : null, at: r.decidedAt.toISOString() } : null,
    declineReason: r.declineReason,
    caseId: r.caseId,
  };
}

/** One referral as its list shows it. */
export async function referralById(db: Db, id: string): Promise<Referral | null> {
  const [row] = await referralQuery(db).where(eq(schema.referrals.id, id));
  return row ? toReferral(row) : null;
}

/**
 * Make a referral. Bounded per person: at most `waitingPerDay` made in the last day still
 * waiting, counted with the person's row locked so two sent at once cannot both pass.
 */
export async function makeReferral(deps: ReferralDeps, person: Person, body: ReferralFields): Promise<Referral> {
  if (!mayRefer(person.role)) throw forbidden(notForReferrers);
  if (!referralSourcesFor(person.role).includes(body.source)) {
    throw new HttpError(400, "The request body is not valid. Check the details and try again.", {
      source: "Only the keyworking service records a family's own referral. Make it as your own referral",
    });
  }
  const dobProblem = dateOfBirthProblem(body.dateOfBirth, todayInEngland());
  if (dobProblem) throw new HttpError(400, "The request body is not valid. Check the details and try again.", { dateOfBirth: dobProblem });
  const id = await deps.db.transaction(async (tx) => {
    await tx.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.id, person.id)).for("update");
    const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const [{ waiting } = { waiting: 0 }] = await tx
      .select({ waiting: count() })
      .from(schema.referrals)
      .where(and(eq(schema.referrals.referredBy, person.id), eq(schema.referrals.status, "waiting"), gt(schema.referrals.createdAt, since)));
    if (waiting >= deps.waitingPerDay) {
      throw new HttpError(
        429,
        `You have made ${deps.waitingPerDay} referrals in the last day that are still waiting to be looked at, which is as many as Roundtable takes. Ask the keyworking service to look at those first, then try again tomorrow.`,
        undefined,
        { "Retry-After": String(60 * 60) },
      );
    }
    const [row] = await tx
      .insert(schema.referrals)
      .values({
        serviceId: person.serviceId,
        childName: body.childName,
        dateOfBirth: body.dateOfBirth ?? null,
        source: body.source,
        referredBy: person.id,
        whyNow: body.whyNow,
        risk: body.risk,
        registerConsent: body.registerConsent,
      })
      .returning({ id: schema.referrals.id });
    return row!.id;
  });
  return (await referralById(deps.db, id))!;
}

/**
 * The referrals this person may see: for those who triage, the service's (or with `mine`, their
 * own); for everyone else who may refer, only their own. Waiting ones oldest first (the queue's
 * order), decided ones most recently decided first.
 */
export async function listReferrals(deps: ReferralDeps, person: Person, query: ReferralListQuery): Promise<Referral[]> {
  if (isFamilyRole(person.role) || !(mayRefer(person.role) || mayTriage(person.role))) throw forbidden(notForReferrers);
  const onlyOwn = !mayTriage(person.role) || query.mine === "true";
  const conditions: SQL[] = [eq(schema.referrals.serviceId, person.serviceId)];
  if (onlyOwn) conditions.push(eq(schema.referrals.referredBy, person.id));
  if (query.status) conditions.push(eq(schema.referrals.status, query.status));
  const order = orderFor(query.status);
  const rows = await referralQuery(deps.db)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(deps.maxRows);
  return rows.map(toReferral);
}

function orderFor(status: ReferralStatus | undefined) {
  if (status === "waiting") return [asc(schema.referrals.createdAt), asc(schema.referrals.id)];
  return [desc(schema.referrals.decidedAt), desc(schema.referrals.createdAt), desc(schema.referrals.id)];
}

/** The service's RAG levels with their criteria, for a triager choosing a child's first rating. */
export async function triageRagLevels(db: Db, person: Person): Promise<RagLevel[]> {
  if (!mayTriage(person.role)) throw forbidden("Only senior keyworkers and the service lead decide whether a child is accepted onto the register.");
  const [service] = await db.select({ ragLevels: schema.services.ragLevels }).from(schema.services).where(eq(schema.services.id, person.serviceId));
  return ragLevelsOf(service?.ragLevels);
}
