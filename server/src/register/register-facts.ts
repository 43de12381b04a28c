/**
 * What the register knows about each child, as SQL over the whole service: when their rating
 * last changed, their last CETR held and the next arranged, their next meeting, and when their
 * next CETR is due. Each is a lookup by the child's id on an index (rag_changes_case_idx,
 * cetrs_case_idx, meeting_cases_case_idx), so a page reads a few rows per child and ordering
 * the whole service by one of them reads only that one (the next meeting and the last CETR
 * held are grouped over the service instead: see below).
 */
import { schema, type Db } from "@roundtable/db";
import { compareRagRating, ragRatings, type RegisterSettings, type RegisterSort } from "@roundtable/domain";
import { and, asc, eq, gt, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";

const c = schema.cases;
const rc = schema.ragChanges;
const cetrs = schema.cetrs;

/** When the rating last changed. A child with no history yet (added before it was kept) counts from when their case was made. */
export const lastRatingChangeAt = sql<Date>`coalesce((select max(${rc.at}) from ${rc} where ${rc.caseId} = ${c.id}), ${c.createdAt})`.mapWith(rc.at);

/** The day in England the rating last changed: what the signals count from. */
export const ratedOn = sql<string>`(${lastRatingChangeAt} at time zone 'Europe/London')::date`.mapWith(cetrs.heldOn);

/** A CETR counts as held once it is marked held; its report agreed, it still was. */
const heldStatuses = sql`('held', 'agreed')`;

export const lastCetrHeldOn = sql<string | null>`(select max(${cetrs.heldOn}) from ${cetrs} where ${cetrs.caseId} = ${c.id} and ${cetrs.status} in ${heldStatuses})`.mapWith(
  cetrs.heldOn,
);

export function cetrArrangedOn(today: string): SQL<string | null> {
  return sql<string | null>`(select min(${cetrs.heldOn}) from ${cetrs} where ${cetrs.caseId} = ${c.id} and ${cetrs.status} = 'arranged' and ${cetrs.heldOn} >= ${today}::date)`.mapWith(
    cetrs.heldOn,
  );
}

const m = schema.meetings;
const mc = schema.meetingCases;

/** The soonest booked meeting about the child, by its date only: the register says when, not what. */
export function nextMeetingAt(now: Date): SQL<Date | null> {
  return sql<Date | null>`(select min(${m.startsAt}) from ${mc} join ${m} on ${m.id} = ${mc.meetingId} where ${mc.caseId} = ${c.id} and ${m.status} = 'scheduled' and ${m.startsAt} > ${now.toISOString()}::timestamptz)`.mapWith(
    m.startsAt,
  );
}

/**
 * The same for every child of the service at once, for ordering by it: the service's meetings
 * still to come are few beside its children (meetings_service_idx), so grouping them by child
 * reads less than looking up each child's.
 */
export function nextMeetingsOfService(db: Db, serviceId: string, now: Date) {
  return db
    .select({ caseId: mc.caseId, startsAt: sql<Date>`min(${m.startsAt})`.mapWith(m.startsAt).as("next_starts_at") })
    .from(m)
    .innerJoin(mc, eq(mc.meetingId, m.id))
    .where(and(eq(m.serviceId, serviceId), eq(m.status, "scheduled"), gt(m.startsAt, now)))
    .groupBy(mc.caseId)
    .as("next_meeting");
}

/**
 * The last CETR held for every child of the service at once, for ordering by when the next is
 * due: grouped over the service's held CETRs (cetrs_service_status_idx) rather than looked up
 * child by child, which Postgres prices high enough to compile the query first.
 */
export function lastCetrsHeldOfService(db: Db, serviceId: string) {
  return db
    .select({ caseId: cetrs.caseId, heldOn: sql<string>`max(${cetrs.heldOn})`.mapWith(cetrs.heldOn).as("last_held_on") })
    .from(cetrs)
    .where(and(eq(cetrs.serviceId, serviceId), inArray(cetrs.status, ["held", "agreed"])))
    .groupBy(cetrs.caseId)
    .as("last_held");
}

/**
 * nextCetrDueOn (packages/domain) as SQL, for ordering, given the child's last CETR held: blue,
 * months after it; red, weeks after it; with none held, from the day of the rating. A date plus
 * a month interval is clamped to the month's last day, as plusMonths does. A test holds the two
 * together.
 */
export function nextCetrDueOn(settings: RegisterSettings, held: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(case ${c.ragRating}
    when 'blue' then coalesce((${held} + make_interval(months => ${settings.inpatientCetrEveryMonths}::int))::date, ${ratedOn})
    when 'red' then coalesce(${held} + ${settings.redWithoutCetrWeeks * 7}::int, ${ratedOn})
  end)`.mapWith(cetrs.heldOn);
}

/** compareRagRating as SQL: the four in its order, then any level a service added. */
const ratingRank = sql`(case ${c.ragRating} ${sql.join(
  [...ragRatings].sort(compareRagRating).map((rating, rank) => sql`when ${rating} then ${sql.raw(String(rank))}`),
  sql` `,
)} else ${sql.raw(String(ragRatings.length))} end)`;

/** How the page is ordered for each sort, with the name and id last so every order is total. */
export function registerOrder(
  sort: RegisterSort,
  settings: RegisterSettings,
  joined: { keyworkerName: SQLWrapper; nextMeetingAt: SQLWrapper; lastCetrHeldOn: SQLWrapper },
): SQL[] {
  const byName = [asc(c.name), asc(c.id)];
  switch (sort) {
    case "rating":
      return [ratingRank, ...byName];
    case "keyworker":
      return [sql`${joined.keyworkerName} asc nulls last`, ratingRank, ...byName];
    case "last-change":
      return [asc(lastRatingChangeAt), ratingRank, ...byName];
    case "next-meeting":
      return [sql`${joined.nextMeetingAt} asc nulls last`, ratingRank, ...byName];
    case "next-cetr-due":
      return [sql`${nextCetrDueOn(settings, joined.lastCetrHeldOn)} asc nulls last`, ratingRank, ...byName];
  }
}
