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
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";
import { actionOwner, agencyOfAction, isStillToDo, namedAgency, overdueOn, ownersAgency } from "../cetr-actions/cetr-action-terms.js";
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
const counted = (condition?: SQL) => (condition ? sql<number>`(count(${a.id}) filter (where ${condition}))::int` : sql<number>`count(${a.id})::int`);

/** How the counted actions stand today: done, still to do (overdue included), overdue, closed without being done. */
const standing = (today: string) => ({
  done: counted(eq(a.status, "done")),
  stillToDo: counted(isStillToDo),
  overdue: counted(overdueOn(today)),
  closed: counted(eq(a.status, "cancelled")),
});

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
      day: ratedOn.as("day"),
      before: sql<RecordedRagRating | null>`lag(${r.toRating}) over (partition by ${r.caseId} order by ${r.at}, ${r.seq})`.as("before"),
      after: sql<RecordedRagRating>`${r.toRating}`.as("after"),
    })
    .from(r)
    .innerJoin(c, eq(c.id, r.caseId))
    .where(and(inService, lte(ratedOn, today)))
    .as("dated");
  return db
    .select({
      day: sql<string>`greatest(${dated.day}, ${yearStartsOn}::date)::text`,
      before: dated.before,
      after: dated.after,
      count: sql<number>`count(*)::int`,
    })
    .from(dated)
    .groupBy(sql`1`, sql`2`, sql`3`);
}

/** Each child's rating the day before the year began, the ratings given since (newest first, bounded), and now. */
async function childRatings(db: Db, inService: SQL, yearStartsOn: string, today: string): Promise<ChildRatingFacts[]> {
  const newestFirst = sql`order by ${r.at} desc, ${r.seq} desc`;
  const inYear = sql`${ratedOn} >= ${yearStartsOn}::date`;
  const rows = await db
    .select({
      caseId: c.id,
      name: c.name,
      now: sql<RecordedRagRating>`(array_agg(${r.toRating} ${newestFirst}))[1]`,
      atStart: sql<RecordedRagRating | null>`(array_agg(${r.toRating} ${newestFirst}) filter (where not ${inYear}))[1]`,
      firstRatedOn: sql<string>`min(${ratedOn})::text`,
      recent: sql<RecordedRagRating[] | null>`(array_agg(${r.toRating} ${newestFirst}) filter (where ${inYear}))[1:${sql.raw(String(ratingPathLimit))}]`,
      givenInYear: sql<number>`(count(*) filter (where ${inYear}))::int`,
    })
    .from(c)
    .innerJoin(r, eq(r.caseId, c.id))
    .where(and(inService, lte(ratedOn, today)))
    .groupBy(c.id, c.name);
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
 * each is with (as written on it, else its owner's), as they stand today. Taken out of their
 * document: not counted.
 */
async function actionsByAgency(db: Db, inService: SQL, yearStartsOn: string, today: string): Promise<AgencyActions[]> {
  const agencyName = sql<string | null>`coalesce(${namedAgency.name}, ${ownersAgency.name})`;
  const rows = await db
    .select({
      id: agencyOfAction,
      name: agencyName,
      agreed: counted(),
      ...standing(today),
    })
    .from(a)
    .innerJoin(c, eq(c.id, a.caseId))
    .leftJoin(actionOwner, eq(actionOwner.id, a.ownerId))
    .leftJoin(namedAgency, eq(namedAgency.id, a.ownerAgencyId))
    .leftJoin(ownersAgency, eq(ownersAgency.id, actionOwner.agencyId))
    .where(and(inService, isNull(a.removedAt), gte(a.createdAt, startOfDay(yearStartsOn))))
    .groupBy(agencyOfAction, agencyName);
  return rows.map((row) => ({ ...row, name: row.name ?? "No agency named" }));
}

/** The CETRs of the service held from `from` to today, by calendar quarter, with the actions in their documents as they stand today. */
async function cetrsByQuarter(db: Db, serviceId: string, from: string, today: string): Promise<CetrQuarterCount[]> {
  const ct = schema.cetrs;
  return db
    .select({
      first: sql<string>`date_trunc('quarter', ${ct.heldOn}::timestamp)::date::text`,
      held: sql<number>`count(distinct ${ct.id})::int`,
      actions: counted(),
      ...standing(today),
    })
    .from(ct)
    .leftJoin(a, and(eq(a.documentId, ct.documentId), isNull(a.removedAt)))
    .where(and(eq(ct.serviceId, serviceId), inArray(ct.status, [...heldCetrStatuses]), gte(ct.heldOn, from), lte(ct.heldOn, today)))
    .groupBy(sql`1`);
}
