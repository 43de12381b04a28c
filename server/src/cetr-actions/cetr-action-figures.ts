/**
 * The CETR actions page's figures, read from what the database keeps as actions change (ADR 0034:
 * `cetr_action_figures` and `cetr_action_status_days`, kept by triggers), not counted from the
 * actions on every request: the figures by agency, owner, child and CETR, the page's counts and
 * the open-and-completed chart. The figures' "overdue" and "due soon" are for one day; on a new
 * day (or when a change the triggers do not follow made them stale) they are rebuilt first — by
 * the job below, or by the first reader of the day if the job has not run yet.
 */
import { jsonArrayOf, parseJsonArray, schema, type Db } from "@roundtable/db";
import {
  dueSoonDays,
  openVsCompletedByWeek,
  todayInEngland,
  type CetrActionGroup,
  type CetrActionsOverview,
  type CetrActionsOverviewQuery,
  type CetrGroup,
  type CetrStatus,
  type StatusCountChange,
} from "@roundtable/domain";
import { and, desc, eq, gt, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Logger } from "pino";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

const f = schema.cetrActionFigures;
const days = schema.cetrActionStatusDays;

/** Rebuilds the figures for `today` unless they are already for it (the database function checks again under a lock). */
export async function keepCetrActionFiguresCurrent(db: Db, today: string): Promise<void> {
  const [state] = await db.select({ asOf: schema.cetrActionFiguresState.asOf, dueSoonDays: schema.cetrActionFiguresState.dueSoonDays }).from(schema.cetrActionFiguresState);
  if (state?.asOf === today && state.dueSoonDays === dueSoonDays) return;
  if (state && state.dueSoonDays !== dueSoonDays) await db.update(schema.cetrActionFiguresState).set({ asOf: null });
  await db.execute(sql`select cetr_action_figures_rebuild(${today}::date, ${dueSoonDays}::int)`);
}

/** Moves the figures on to each new day soon after midnight, so no one waits for the rebuild. */
export function startCetrActionFiguresJob(db: Db, log: Logger, everyMs = 10 * 60_000): RepeatingJob {
  // If it fails, the next reader brings them up to date.
  return repeatEvery({ everyMs, runAtStart: true, what: "bringing the CETR action figures up to date", log }, () => keepCetrActionFiguresCurrent(db, todayInEngland()));
}

type Figures = Pick<CetrActionsOverview, "counts" | "groups">;

/** The children the person sees, as a condition on a case id column (CetrActionsScope.seen in access/cetr-actions-access.ts). */
type VisibleCases = (caseId: SQLWrapper) => SQL;

/**
 * The figures of what the person sees (`seen`): by agency, owner, child and CETR, unfiltered —
 * the filters' choices — and the counts of what the filters let through. One query over the kept
 * figures (one row per CETR report, agency and owner) for the agencies, owners and counts; the
 * children and CETRs from the figures kept per child and per report, with their names.
 */
export async function readCetrActionFigures(db: Db, seen: VisibleCases, query: CetrActionsOverviewQuery, groupLimit: number): Promise<Figures> {
  const filtered = and(
    query.agencyId ? eq(f.agencyId, query.agencyId) : undefined,
    query.ownerId ? eq(f.ownerId, query.ownerId) : undefined,
    query.caseId ? eq(f.caseId, query.caseId) : undefined,
    query.cetrId ? eq(f.documentId, db.select({ id: schema.cetrs.documentId }).from(schema.cetrs).where(eq(schema.cetrs.id, query.cetrId))) : undefined,
  );
  const inFilter = (column: typeof f.open | typeof f.overdue | typeof f.dueSoon | typeof f.done) => (filtered ? sql<number>`(sum(${column}) filter (where ${filtered}))::int` : sql<number>`sum(${column})::int`);
  const sums = {
    open: sql<number>`sum(${f.open})::int`,
    overdue: sql<number>`sum(${f.overdue})::int`,
    dueSoon: sql<number>`sum(${f.dueSoon})::int`,
  };
  // By agency and by owner (few), and the totals the filters let through: one grouping query.
  const rowsQuery = db
    .select({
      set: sql<"agency" | "owner" | "all">`case when grouping(${f.agencyId}) = 0 then 'agency' when grouping(${f.ownerId}) = 0 then 'owner' else 'all' end`,
      agencyId: f.agencyId,
      ownerId: f.ownerId,
      ...sums,
      filteredOpen: inFilter(f.open),
      filteredOverdue: inFilter(f.overdue),
      filteredDueSoon: inFilter(f.dueSoon),
      filteredDone: inFilter(f.done),
    })
    .from(f)
    .where(seen(f.caseId))
    .groupBy(sql`grouping sets ((${f.agencyId}), (${f.ownerId}), ())`);
  // By child and by CETR (many): only the most overdue, as many as the page lists, from the
  // figures kept per child and per CETR report, walked in their most-overdue order; with the
  // number of children with any CETR action while nothing narrows the page.
  const byChild = schema.cetrActionChildFigures;
  const byReport = schema.cetrActionReportFigures;
  const mostOverdueFirst = (t: typeof byChild | typeof byReport) => [desc(t.overdue), desc(t.open)];
  // The most overdue first, then their names and CETRs (a join with all of them would name every
  // child and CETR before keeping the first few hundred), each list read as one JSON array.
  const topChildren = db
    .select({ caseId: byChild.caseId, open: byChild.open, overdue: byChild.overdue, dueSoon: byChild.dueSoon, children: sql<number>`(count(*) over ())::int`.as("children") })
    .from(byChild)
    .where(and(seen(byChild.caseId), gt(byChild.total, 0)))
    .orderBy(...mostOverdueFirst(byChild))
    .limit(groupLimit)
    .as("top_children");
  const childrenJson = jsonArrayOf<{ caseId: string; name: string; open: number; overdue: number; dueSoon: number; children: number }>({
    caseId: topChildren.caseId,
    name: schema.cases.name,
    open: topChildren.open,
    overdue: topChildren.overdue,
    dueSoon: topChildren.dueSoon,
    children: topChildren.children,
  });
  const childrenQuery = db
    .select({ rows: childrenJson })
    .from(topChildren)
    .innerJoin(schema.cases, eq(schema.cases.id, topChildren.caseId))
    .then(([r]) => parseJsonArray(childrenJson, r?.rows));
  const topReports = db
    .select({ documentId: byReport.documentId, open: byReport.open, overdue: byReport.overdue, dueSoon: byReport.dueSoon })
    .from(byReport)
    .where(and(seen(byReport.caseId), gt(byReport.total, 0)))
    .orderBy(...mostOverdueFirst(byReport))
    .limit(groupLimit)
    .as("top_reports");
  const cetrsJson = jsonArrayOf<{ id: string; caseId: string; name: string; heldOn: string | null; status: CetrStatus; open: number; overdue: number; dueSoon: number }>({
    id: schema.cetrs.id,
    caseId: schema.cetrs.caseId,
    name: schema.cases.name,
    heldOn: schema.cetrs.heldOn,
    status: schema.cetrs.status,
    open: topReports.open,
    overdue: topReports.overdue,
    dueSoon: topReports.dueSoon,
  });
  const cetrsQuery = db
    .select({ rows: cetrsJson })
    .from(topReports)
    .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, topReports.documentId))
    .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
    .then(([r]) => parseJsonArray(cetrsJson, r?.rows));
  // Children with any CETR action the filters let through (a child whose actions are all cancelled too).
  const childCount = filtered
    ? db
        .select({ n: sql<number>`count(distinct ${f.caseId})::int` })
        .from(f)
        .where(and(seen(f.caseId), filtered, sql`${f.total} > 0`))
        .then(([r]) => r?.n ?? 0)
    : null;
  const [rows, childRows, cetrRows, filteredChildren] = await Promise.all([rowsQuery, childrenQuery, cetrsQuery, childCount]);
  const of = (set: (typeof rows)[number]["set"]) => rows.filter((r) => r.set === set);
  const figures = (r: { open: number | null; overdue: number | null; dueSoon: number | null }) => ({ open: r.open ?? 0, overdue: r.overdue ?? 0, dueSoon: r.dueSoon ?? 0 });
  const all = of("all")[0];
  const [agencyNames, ownerNames] = await Promise.all([
    namesOf(db, schema.agencies, of("agency").flatMap((r) => (r.agencyId ? [r.agencyId] : []))),
    namesOf(db, schema.people, of("owner").flatMap((r) => (r.ownerId ? [r.ownerId] : []))),
  ]);
  const children = filteredChildren ?? childRows[0]?.children ?? 0;
  return {
    counts: { overdue: all?.filteredOverdue ?? 0, dueSoon: all?.filteredDueSoon ?? 0, open: all?.filteredOpen ?? 0, done: all?.filteredDone ?? 0, children },
    groups: {
      agencies: mostOverdue(of("agency").map((r) => ({ id: r.agencyId, name: (r.agencyId && agencyNames.get(r.agencyId)) || "No agency", ...figures(r) })), groupLimit),
      owners: mostOverdue(of("owner").map((r) => ({ id: r.ownerId, name: (r.ownerId && ownerNames.get(r.ownerId)) || "No owner", ...figures(r) })), groupLimit),
      children: mostOverdue(
        childRows.map((r): CetrActionGroup => ({ id: r.caseId, name: r.name, ...figures(r) })),
        groupLimit,
      ),
      cetrs: mostOverdue(
        cetrRows.map((r): CetrGroup => ({ id: r.id, caseId: r.caseId, name: r.name, heldOn: r.heldOn, status: r.status, ...figures(r) })),
        groupLimit,
      ),
    },
  };
}

async function namesOf(db: Db, table: typeof schema.agencies | typeof schema.people | typeof schema.cases, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Most overdue first, then most open, then by name; no more than the limit. */
export function mostOverdue<G extends CetrActionGroup>(groups: G[], limit: number): G[] {
  return groups.sort((x, y) => y.overdue - x.overdue || y.open - x.open || x.name.localeCompare(y.name, "en-GB")).slice(0, limit);
}

/**
 * Open and completed at the end of each of the given weeks, from the kept day-by-day changes of
 * the children the person sees (per child and day, or per child, agency, owner and day when
 * narrowed to an agency or owner), narrowed by agency, owner or child. Days before the first week
 * count towards it.
 */
export async function readOpenAndCompletedByWeek(
  db: Db,
  seen: VisibleCases,
  query: Pick<CetrActionsOverviewQuery, "agencyId" | "ownerId" | "caseId">,
  endings: readonly string[],
): Promise<CetrActionsOverview["overTime"]> {
  const from = endings[0]!;
  // Narrowed to an agency or owner, the changes kept per child, agency, owner and day; otherwise
  // their sums per child and day (a quarter as many rows at bench size).
  const byAgencyOrOwner = Boolean(query.agencyId || query.ownerId);
  const t = byAgencyOrOwner ? days : schema.cetrActionChildDays;
  const day = sql<string>`greatest(${t.day}, ${from}::date)::text`;
  const rows = await db
    .select({ day, open: sql<number>`sum(${t.open})::int`, done: sql<number>`sum(${t.done})::int` })
    .from(t)
    .where(
      and(
        seen(t.caseId),
        query.agencyId ? eq(days.agencyId, query.agencyId) : undefined,
        query.ownerId ? eq(days.ownerId, query.ownerId) : undefined,
        query.caseId ? eq(t.caseId, query.caseId) : undefined,
      ),
    )
    .groupBy(sql`1`);
  const changes: StatusCountChange[] = rows.flatMap((r) => [
    { day: r.day, kind: "open" as const, change: r.open },
    { day: r.day, kind: "done" as const, change: r.done },
  ]);
  return openVsCompletedByWeek(changes, endings);
}
