/**
 * The service lead's report (`GET /api/reports/service`): ratings over the last twelve months
 * for the service and child by child, caseloads against the service's limit, the actions agreed
 * with each agency, and the CETRs held each quarter with their actions. Six set-based queries
 * whatever the number of children, each counting in the database and reading only the person's
 * own service (by `cases.service_id` or `cetrs.service_id`); what is left to do in TypeScript is
 * pure (packages/domain/src/register/service-report.ts).
 */
import { schema, type Db } from "@roundtable/db";
import {
  cetrQuarters,
  childRatingYear,
  childrenInReportOrder,
  comparedCounts,
  daysFrom,
  heldCetrStatuses,
  mayReadServiceReport,
  ragLevelsOf,
  ratingPathLimit,
  ratingsAtMonthEnds,
  reportLevels,
  reportMonths,
  reportQuarters,
  serviceReportChildLimit,
  serviceReportRowLimit,
  todayInEngland,
  type AgencyActions,
  type CetrQuarterCount,
  type ChildRatingFacts,
  type KeyworkerCaseload,
  type RatingChangeCount,
  type RecordedRagRating,
  type ServiceReport,
} from "@roundtable/domain";
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";
import { actionOwner, isStillToDo, namedAgency, overdueOn, ownersAgency } from "../cetr-actions/cetr-action-terms.js";
import { forbidden, HttpError, stopIfCancelled } from "../errors.js";

interface Options {
  now?: Date;
  signal?: AbortSignal;
}

const a = schema.actions;
const c = schema.cases;
const r = schema.ragChanges;

/** The day in England a rating was given on: the report counts in days, as the dates people see do. */
const ratedOn = sql<string>`(${r.at} at time zone 'Europe/London')::date`;
/** The first instant of a day in England. */
const startOfDay = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/London')`;
/** Given on or before today in England: before the first instant of tomorrow (a plain comparison, not a conversion of every row). */
const givenByToday = (today: string) => lt(r.at, startOfDay(daysFrom(today, 1)));
/** A change of one of the service's children's ratings (the changes alone are sorted, not joined rows). */
const inServiceCases = (db: Db, inService: SQL) => inArray(r.caseId, db.select({ id: c.id }).from(c).where(inService));
const counted = (condition?: SQL) => (condition ? sql<number>`(count(${a.id}) filter (where ${condition}))::int` : sql<number>`count(${a.id})::int`);

/** How the counted actions stand today: done, still to do (overdue included), overdue, closed without being done. */
const standing = (today: string) => ({
  done: counted(eq(a.status, "done")),
  stillToDo: counted(isStillToDo),
  overdue: counted(overdueOn(today)),
  closed: counted(eq(a.status, "cancelled")),
});

/** A column of counts added up. */
const total = (column: SQL.Aliased<number>) => sql<number>`sum(${column})::int`;

export async function serviceReport(db: Db, person: Person, options: Options = {}): Promise<ServiceReport> {
  if (!mayReadServiceReport(person.role)) {
    throw forbidden("The service report is for the service lead, who reports to the board. Ask the service lead for the figures you need.");
  }
  const today = todayInEngland(options.now);
  const months = reportMonths(today);
  const quarters = reportQuarters(today);
  const yearStartsOn = months[0]!.first;
  const [service] = await db
    .select({ name: schema.services.name, ragLevels: schema.services.ragLevels, caseloadLimit: schema.services.caseloadLimit })
    .from(schema.services)
    .where(eq(schema.services.id, person.serviceId));
  if (!service) throw new HttpError(404, "Your keyworking service was not found.");
  stopIfCancelled(options.signal);
  const levels = ragLevelsOf(service.ragLevels);
  const inService = eq(c.serviceId, person.serviceId);
  const [changes, children, caseloads, agencies, cetrCounts] = await Promise.all([
    ratingChanges(db, inService, yearStartsOn, today),
    childRatings(db, inService, yearStartsOn, today),
    keyworkerCaseloads(db, person.serviceId),
    actionsByAgency(db, inService, yearStartsOn, today),
    cetrsByQuarter(db, person.serviceId, quarters[0]!.first, today),
  ]);
  const ratingsByMonth = ratingsAtMonthEnds(changes, months);
  const years = childrenInReportOrder(
    levels,
    children.map((child) => childRatingYear(levels, child)),
  );
  return {
    today,
    serviceName: service.name,
    levels: reportLevels(levels, ratingsByMonth.flatMap((m) => Object.keys(m.ratings))),
    months: ratingsByMonth,
    children: { yearStartsOn, total: years.length, compared: comparedCounts(years), listed: years.slice(0, serviceReportChildLimit) },
    caseloads: {
      limit: service.caseloadLimit,
      keyworkers: caseloads
        .sort((x, y) => y.children - x.children || x.name.localeCompare(y.name, "en-GB"))
        .slice(0, serviceReportRowLimit),
    },
    actionsByAgency: {
      since: yearStartsOn,
      agencies: agencies.sort((x, y) => y.overdue - x.overdue || y.agreed - x.agreed || x.name.localeCompare(y.name, "en-GB")).slice(0, serviceReportRowLimit),
    },
    cetrQuarters: cetrQuarters(cetrCounts, quarters),
  };
}

/**
 * Every change of rating of the service's children up to today, each with the rating it changed
 * from — the `to` of the child's previous change, by time and then the order written (not the
 * `from` column, so the figures follow the definition whatever was recorded there) — counted by
 * day. Changes before the year are counted on its first day: only what they add up to matters.
 */
async function ratingChanges(db: Db, inService: SQL, yearStartsOn: string, today: string): Promise<RatingChangeCount[]> {
  const dated = db
    .select({
      // Only a change within the year needs its own day; those before it all count on its first.
      day: sql<string>`case when ${r.at} < ${startOfDay(yearStartsOn)} then ${yearStartsOn}::date else ${ratedOn} end`.as("day"),
      before: sql<RecordedRagRating | null>`lag(${r.toRating}) over (partition by ${r.caseId} order by ${r.at}, ${r.seq})`.as("before"),
      after: sql<RecordedRagRating>`${r.toRating}`.as("after"),
    })
    .from(r)
    .where(and(inServiceCases(db, inService), givenByToday(today)))
    .as("dated");
  return db
    .select({
      day: sql<string>`${dated.day}::text`,
      before: dated.before,
      after: dated.after,
      count: sql<number>`count(*)::int`,
    })
    .from(dated)
    .groupBy(sql`1`, sql`2`, sql`3`);
}

/**
 * Each child's rating the day before the year began, the ratings given since (newest first,
 * bounded), and now: from one list of each child's ratings, newest first (one sort, not three).
 */
async function childRatings(db: Db, inService: SQL, yearStartsOn: string, today: string): Promise<ChildRatingFacts[]> {
  const inYear = gte(r.at, startOfDay(yearStartsOn));
  // Each child's ratings, grouped by the change's own case id (a narrow sort); the names are joined after.
  const years = db
    .select({
      caseId: r.caseId,
      ratings: sql<RecordedRagRating[]>`array_agg(${r.toRating} order by ${r.at} desc, ${r.seq} desc)`.as("ratings"),
      givenInYear: sql<number>`(count(*) filter (where ${inYear}))::int`.as("given_in_year"),
      firstRatedOn: sql<string>`((min(${r.at}) at time zone 'Europe/London')::date)::text`.as("first_rated_on"),
    })
    .from(r)
    .where(and(inServiceCases(db, inService), givenByToday(today)))
    .groupBy(r.caseId)
    .as("years");
  const rows = await db
    .select({
      caseId: years.caseId,
      name: c.name,
      now: sql<RecordedRagRating>`${years.ratings}[1]`,
      // The ratings given in the year come first; the one after them is the one held before it began.
      atStart: sql<RecordedRagRating | null>`${years.ratings}[${years.givenInYear} + 1]`,
      recent: sql<RecordedRagRating[] | null>`${years.ratings}[1:least(${years.givenInYear}, ${sql.raw(String(ratingPathLimit))})]`,
      givenInYear: years.givenInYear,
      firstRatedOn: years.firstRatedOn,
    })
    .from(years)
    .innerJoin(c, eq(c.id, years.caseId));
  return rows.map((row) => ({ ...row, recent: row.recent ?? [] }));
}

/**
 * The service's keyworkers and senior keyworkers, and anyone else of the service who is keyworker
 * or second keyworker for a child, with how many children they are each for: two counts of the
 * service's cases (by keyworker, by second keyworker), joined to the people.
 */
async function keyworkerCaseloads(db: Db, serviceId: string): Promise<KeyworkerCaseload[]> {
  const held = (column: typeof c.keyworkerId | typeof c.secondKeyworkerId, name: string) =>
    db
      .select({ personId: sql<string>`${column}`.as(`${name}_person`), children: sql<number>`count(*)::int`.as(`${name}_children`) })
      .from(c)
      .where(and(eq(c.serviceId, serviceId), isNotNull(column)))
      .groupBy(column)
      .as(name);
  // Their columns' names say which they are: drizzle names a subquery's own columns unqualified.
  const main = held(c.keyworkerId, "keyworker_for");
  const second = held(c.secondKeyworkerId, "second_keyworker_for");
  const p = schema.people;
  const rows = await db
    .select({ id: p.id, name: p.name, keyworkerFor: sql<number>`coalesce(${main.children}, 0)`, secondKeyworkerFor: sql<number>`coalesce(${second.children}, 0)` })
    .from(p)
    .leftJoin(main, eq(main.personId, p.id))
    .leftJoin(second, eq(second.personId, p.id))
    .where(and(eq(p.serviceId, serviceId), or(inArray(p.role, ["keyworker", "senior-keyworker"]), isNotNull(main.personId), isNotNull(second.personId))));
  return rows.map((row) => ({ ...row, children: row.keyworkerFor + row.secondKeyworkerFor }));
}

/**
 * The actions agreed (written) since the year began with the service's children, by the agency
 * each is with (as written on it, else its owner's), as they stand today: counted by owner and
 * agency as written first, so the people and agencies are joined to a few rows, not to every
 * action. Taken out of their document: not counted.
 */
async function actionsByAgency(db: Db, inService: SQL, yearStartsOn: string, today: string): Promise<AgencyActions[]> {
  const figures = standing(today);
  const written = db
    .select({
      ownerId: a.ownerId,
      ownerAgencyId: a.ownerAgencyId,
      agreed: counted().as("agreed"),
      done: figures.done.as("done"),
      stillToDo: figures.stillToDo.as("still_to_do"),
      overdue: figures.overdue.as("overdue"),
      closed: figures.closed.as("closed"),
    })
    .from(a)
    .innerJoin(c, eq(c.id, a.caseId))
    .where(and(inService, isNull(a.removedAt), gte(a.createdAt, startOfDay(yearStartsOn))))
    .groupBy(a.ownerId, a.ownerAgencyId)
    .as("written");
  const agencyId = sql<string | null>`coalesce(${written.ownerAgencyId}, ${actionOwner.agencyId})`;
  const agencyName = sql<string | null>`coalesce(${namedAgency.name}, ${ownersAgency.name})`;
  const rows = await db
    .select({
      id: agencyId,
      name: agencyName,
      agreed: total(written.agreed),
      done: total(written.done),
      stillToDo: total(written.stillToDo),
      overdue: total(written.overdue),
      closed: total(written.closed),
    })
    .from(written)
    .leftJoin(actionOwner, eq(actionOwner.id, written.ownerId))
    .leftJoin(namedAgency, eq(namedAgency.id, written.ownerAgencyId))
    .leftJoin(ownersAgency, eq(ownersAgency.id, actionOwner.agencyId))
    .groupBy(agencyId, agencyName);
  return rows.map((row) => ({ ...row, name: row.name ?? "No agency named" }));
}

/**
 * The CETRs of the service held from `from` to today, by calendar quarter, with the actions in
 * their documents as they stand today: counted CETR by CETR, then added up by quarter (no
 * sorting of every action to count the CETRs once each).
 */
async function cetrsByQuarter(db: Db, serviceId: string, from: string, today: string): Promise<CetrQuarterCount[]> {
  const ct = schema.cetrs;
  const figures = standing(today);
  const each = db
    .select({
      quarter: sql<string>`date_trunc('quarter', ${ct.heldOn}::timestamp)::date::text`.as("quarter"),
      actions: counted().as("actions"),
      done: figures.done.as("done"),
      stillToDo: figures.stillToDo.as("still_to_do"),
      overdue: figures.overdue.as("overdue"),
      closed: figures.closed.as("closed"),
    })
    .from(ct)
    .leftJoin(a, and(eq(a.documentId, ct.documentId), isNull(a.removedAt)))
    .where(and(eq(ct.serviceId, serviceId), inArray(ct.status, [...heldCetrStatuses]), gte(ct.heldOn, from), lte(ct.heldOn, today)))
    .groupBy(ct.id)
    .as("each_cetr");
  return db
    .select({
      first: each.quarter,
      held: sql<number>`count(*)::int`,
      actions: total(each.actions),
      done: total(each.done),
      stillToDo: total(each.stillToDo),
      overdue: total(each.overdue),
      closed: total(each.closed),
    })
    .from(each)
    .groupBy(each.quarter);
}
