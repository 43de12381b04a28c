/**
 * The register view: one page of the service's children on the Dynamic Support Register, in the
 * order asked for, with each child's signals (registerSignals in packages/domain). For senior
 * keyworkers and the service lead (registerAccess), across the whole service.
 *
 * A constant number of queries, whatever the size of the service: the service's settings; the
 * page's children in order with what the register shows of them (and how many match); every
 * keyworker's caseload; and, for a senior keyworker, which of the page's cases they may open.
 * Nothing is read per row.
 */
import { schema, type Db } from "@roundtable/db";
import {
  nextCetrDueOn,
  ragRatingLabels,
  ragRatings,
  registerSignals,
  seesWholeService,
  todayInEngland,
  type RecordedRagRating,
  type RegisterKeyworker,
  type RegisterPage,
  type RegisterQuery,
  type RegisterRow,
  type RegisterSettings,
} from "@roundtable/domain";
import { and, count, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import { orRefuse } from "../access/access-answer.js";
import { registerAccess } from "../access/register-access.js";
import { membershipCounts } from "../access/team-membership.js";
import type { Person } from "../auth/sessions.js";
import { HttpError, stopIfCancelled } from "../errors.js";
import {
  cetrArrangedOn,
  lastCetrHeldOn,
  lastCetrsHeldOfService,
  lastRatingChangeAt,
  nextMeetingAt,
  nextMeetingsOfService,
  ratedOn,
  registerOrder,
} from "./register-facts.js";

const c = schema.cases;
const keyworker = alias(schema.people, "keyworker");
const secondKeyworker = alias(schema.people, "second_keyworker");

export interface RegisterOptions {
  /** Children a page holds (already bounded by the route). */
  pageSize: number;
  now?: Date;
  signal?: AbortSignal;
}

interface ServiceRegister {
  settings: RegisterSettings;
  ratings: { rating: RecordedRagRating; label: string }[];
}

async function serviceRegister(db: Db, serviceId: string): Promise<ServiceRegister> {
  const s = schema.services;
  const [row] = await db
    .select({
      ragLevels: s.ragLevels,
      redWithoutCetrWeeks: s.redWithoutCetrWeeks,
      inpatientCetrEveryMonths: s.inpatientCetrEveryMonths,
      ratingUnchangedWeeks: s.ratingUnchangedWeeks,
      caseloadLimit: s.caseloadLimit,
    })
    .from(s)
    .where(eq(s.id, serviceId));
  if (!row) throw new HttpError(404, "Your keyworking service was not found.");
  const { ragLevels, ...settings } = row;
  // The levels the service set for itself, or the four every service has.
  const ratings = ragLevels?.length ? ragLevels.map((l) => ({ rating: l.rating, label: l.label })) : ragRatings.map((r) => ({ rating: r, label: ragRatingLabels[r] }));
  return { settings, ratings };
}

function filterConditions(person: Person, query: RegisterQuery, ratings: ServiceRegister["ratings"]): SQL[] {
  const where: SQL[] = [eq(c.serviceId, person.serviceId)];
  if (query.rating !== undefined) {
    if (!ratings.some((r) => r.rating === query.rating)) {
      throw new HttpError(400, "The query is not valid. Check the details and try again.", { rating: `This service's register has no rating called "${query.rating}".` });
    }
    where.push(eq(c.ragRating, query.rating));
  }
  if (query.keyworker === "none") where.push(isNull(c.keyworkerId), isNull(c.secondKeyworkerId));
  else if (query.keyworker !== undefined) where.push(or(eq(c.keyworkerId, query.keyworker), eq(c.secondKeyworkerId, query.keyworker))!);
  return where;
}

/** Every keyworker of the service's children, by name, with how many children each is (first) keyworker for. */
async function serviceKeyworkers(db: Db, serviceId: string): Promise<RegisterKeyworker[]> {
  const p = schema.people;
  const allocated = (column: typeof c.keyworkerId | typeof c.secondKeyworkerId, first: 0 | 1) =>
    db
      .select({ personId: sql<string>`${column}`.as("person_id"), first: sql<number>`${sql.raw(String(first))}`.as("first") })
      .from(c)
      .where(and(eq(c.serviceId, serviceId), isNotNull(column)));
  // A second keyworker is a choice for the filter, with no children counted to their caseload.
  const held = unionAll(allocated(c.keyworkerId, 1), allocated(c.secondKeyworkerId, 0)).as("held");
  const rows = await db
    .select({ id: p.id, name: p.name, caseload: sql<number>`sum(${held.first})`.mapWith(Number) })
    .from(held)
    .innerJoin(p, eq(p.id, held.personId))
    .groupBy(p.id, p.name);
  return rows.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** Of these cases, the ones a senior keyworker may open: those whose team they are on. */
async function casesOpenTo(db: Db, person: Person, caseIds: readonly string[]): Promise<(caseId: string) => boolean> {
  if (seesWholeService(person.role)) return () => true;
  if (caseIds.length === 0) return () => false;
  const m = schema.caseMembers;
  const rows = await db
    .select({ caseId: m.caseId })
    .from(m)
    .where(and(eq(m.personId, person.id), inArray(m.caseId, [...caseIds]), membershipCounts()));
  const open = new Set(rows.map((r) => r.caseId));
  return (caseId) => open.has(caseId);
}

export async function listRegister(db: Db, person: Person, query: RegisterQuery, options: RegisterOptions): Promise<RegisterPage> {
  orRefuse(registerAccess(person));
  const { pageSize, now = new Date(), signal } = options;
  const today = todayInEngland(now);
  const sort = query.sort ?? "rating";
  const page = query.page ?? 1;
  const { settings, ratings } = await serviceRegister(db, person.serviceId);
  const where = and(...filterConditions(person, query, ratings))!;

  // The page's children in order, with what the register shows of them and how many match
  // across all pages, in one query: Postgres works out what is shown (each a lookup by the
  // child's id) after sorting and cutting to the page, so only what the order needs is read for
  // every child.
  stopIfCancelled(signal);
  const nextMeeting = nextMeetingsOfService(db, person.serviceId, now);
  const lastHeld = lastCetrsHeldOfService(db, person.serviceId);
  const inOrder = db
    .select({
      id: c.id,
      name: c.name,
      rating: c.ragRating,
      keyworkerId: keyworker.id,
      keyworkerName: keyworker.name,
      secondKeyworkerId: secondKeyworker.id,
      secondKeyworkerName: secondKeyworker.name,
      lastRatingChangeAt,
      ratedOn,
      lastCetrHeldOn,
      cetrArrangedOn: cetrArrangedOn(today),
      nextMeetingAt: nextMeetingAt(now),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(c)
    .leftJoin(keyworker, eq(keyworker.id, c.keyworkerId))
    .leftJoin(secondKeyworker, eq(secondKeyworker.id, c.secondKeyworkerId))
    .$dynamic();
  // Grouped over the service's meetings to come, or its CETRs held: joined only when ordering by them.
  let ordered = inOrder;
  if (sort === "next-meeting") ordered = ordered.leftJoin(nextMeeting, eq(nextMeeting.caseId, c.id));
  if (sort === "next-cetr-due") ordered = ordered.leftJoin(lastHeld, eq(lastHeld.caseId, c.id));
  const facts = await ordered
    .where(where)
    .orderBy(...registerOrder(sort, settings, { keyworkerName: keyworker.name, nextMeetingAt: nextMeeting.startsAt, lastCetrHeldOn: lastHeld.heldOn }))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ids = facts.map((f) => f.id);
  const total = facts[0]?.total ?? (page > 1 ? ((await db.select({ n: count() }).from(c).where(where))[0]?.n ?? 0) : 0);

  stopIfCancelled(signal);
  const keyworkers = await serviceKeyworkers(db, person.serviceId);
  const mayOpen = await casesOpenTo(db, person, ids);

  const caseloads = new Map(keyworkers.map((k) => [k.id, k.caseload]));
  const rows = facts.map((f): RegisterRow => {
    const kw = f.keyworkerId && f.keyworkerName ? { id: f.keyworkerId, name: f.keyworkerName } : null;
    const second = f.secondKeyworkerId && f.secondKeyworkerName ? { id: f.secondKeyworkerId, name: f.secondKeyworkerName } : null;
    const child = {
      rating: f.rating,
      ratedOn: f.ratedOn,
      lastCetrHeldOn: f.lastCetrHeldOn,
      cetrArrangedOn: f.cetrArrangedOn,
      keyworker: kw,
      secondKeyworker: second,
      keyworkerCaseload: kw ? (caseloads.get(kw.id) ?? 0) : 0,
    };
    return {
      child: { id: f.id, name: f.name },
      rating: f.rating,
      keyworker: kw,
      secondKeyworker: second,
      lastRatingChangeAt: f.lastRatingChangeAt.toISOString(),
      nextMeetingAt: f.nextMeetingAt?.toISOString() ?? null,
      lastCetrHeldOn: f.lastCetrHeldOn,
      nextCetrDueOn: nextCetrDueOn(child, settings),
      cetrArrangedOn: f.cetrArrangedOn,
      signals: registerSignals(child, settings, today),
      mayOpen: mayOpen(f.id),
    };
  });
  return { rows, total, page, pageSize, sort, today, ratings, keyworkers, settings };
}

