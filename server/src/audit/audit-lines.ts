/**
 * The audit trail read as lines: every event is a line, except that repeated opens of one record
 * by one person on one day (UK time) are one line with a count — a keyworker who opens a plan
 * forty times in a morning is one line, not forty. Filtered and paged in the database, so a
 * long trail is read a page at a time: lines are ordered by their latest event's id, and the
 * next page is the lines whose latest event is older than the last one shown, among the events
 * there were when the first page was read (`asOf`, the first page's first line).
 */
import { schema, type Db } from "@roundtable/db";
import { repeatedAuditActions, type AuditAction, type AuditFilter, type Role } from "@roundtable/domain";
import { and, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";

const e = schema.auditEvents;

/** The day an event happened on, in the UK. */
const ukDay = sql`((${e.at} at time zone 'Europe/London')::date)`;

/** Repeated actions share a line per day; any other event is a line of its own (its id). */
const ownLine = sql`case when ${e.action} in (${sql.join(
  repeatedAuditActions.map((a) => sql`${a}`),
  sql`, `,
)}) then null else ${e.id} end`;

/** A moment as the API writes it (ISO, UTC), whatever the database driver makes of timestamps. */
const iso = (moment: SQL) => sql<string>`to_char((${moment}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The value on the line's latest event. */
const latest = <T>(column: SQLWrapper) => sql<T>`(array_agg(${column} order by ${e.id} desc))[1]`;

/** Midnight at the start of a UK day, as a moment. */
const ukMidnight = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int)::timestamp at time zone 'Europe/London')`;

/** The filter as conditions on audit events (beside whatever else the caller asks). */
export function filterConditions(filter: AuditFilter): SQL | undefined {
  return and(
    filter.personId ? eq(e.personId, filter.personId) : undefined,
    filter.documentId ? eq(e.documentId, filter.documentId) : undefined,
    filter.action ? eq(e.action, filter.action) : undefined,
    // Written against the stored moment, so the index on (case, at) serves a date range.
    filter.from ? sql`${e.at} >= ${ukMidnight(filter.from)}` : undefined,
    filter.to ? sql`${e.at} < ${ukMidnight(filter.to, 1)}` : undefined,
  );
}

export interface AuditLineRow {
  id: number;
  at: string;
  firstAt: string;
  count: number;
  personId: string | null;
  personName: string | null;
  personRole: Role | null;
  action: AuditAction;
  caseId: string | null;
  documentId: string | null;
  documentTitle: string | null;
  agencyName: string | null;
  meetingId: string | null;
  detail: Record<string, unknown> | null;
}

export async function auditLines(
  db: Db,
  where: SQL | undefined,
  page: { before?: number | undefined; asOf?: number | undefined; limit: number },
): Promise<AuditLineRow[]> {
  const rows = await db
    .select({
      id: sql<number>`max(${e.id})`.mapWith(Number),
      at: iso(sql`max(${e.at})`),
      firstAt: iso(sql`min(${e.at})`),
      count: sql<number>`count(*)`.mapWith(Number),
      personId: e.personId,
      personName: latest<string | null>(e.personName),
      personRole: latest<Role | null>(e.personRole),
      action: e.action,
      caseId: e.caseId,
      documentId: e.documentId,
      documentTitle: sql<string | null>`max(${schema.documents.title})`,
      agencyName: sql<string | null>`max(${schema.agencies.name})`,
      meetingId: latest<string | null>(e.meetingId),
      detail: latest<Record<string, unknown> | null>(e.detail),
    })
    .from(e)
    .leftJoin(schema.documents, eq(schema.documents.id, e.documentId))
    .leftJoin(schema.people, eq(schema.people.id, e.personId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.people.agencyId))
    // Later pages are grouped from the events there were when the first was read, so a new
    // event cannot move a line above the cursor (skipping it) or change what a line counts.
    .where(and(where, page.asOf ? sql`${e.id} <= ${page.asOf}` : undefined))
    .groupBy(e.caseId, e.personId, e.action, e.documentId, ukDay, ownLine)
    .having(page.before ? sql`max(${e.id}) < ${page.before}` : undefined)
    .orderBy(sql`max(${e.id}) desc`)
    .limit(page.limit);
  return rows;
}

/** The people on these events, each once, by name: what a "Who" filter offers. */
export async function peopleOnTrail(db: Db, where: SQL): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .select({ id: sql<string>`${e.personId}`, name: latest<string | null>(e.personName) })
    .from(e)
    .where(and(where, sql`${e.personId} is not null`))
    .groupBy(e.personId)
    .limit(500);
  return rows.map((r) => ({ id: r.id, name: r.name ?? "Someone" })).sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/** The records on these events, each once: what a "Record" filter offers (the caller decides which may be named). */
export async function recordsOnTrail(db: Db, where: SQL): Promise<{ id: string; title: string }[]> {
  const rows = await db
    .selectDistinct({ id: sql<string>`${e.documentId}`, title: schema.documents.title })
    .from(e)
    .innerJoin(schema.documents, eq(schema.documents.id, e.documentId))
    .where(where)
    .limit(500);
  return rows.sort((a, b) => a.title.localeCompare(b.title, "en-GB"));
}
