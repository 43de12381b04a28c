/**
 * The CETR actions page's figures, read from what the database keeps as actions change (ADR 0034:
 * `cetr_action_figures` and `cetr_action_status_days`, kept by triggers, and their sums per child,
 * per CETR report and per child and day), not counted from the actions on every request: the
 * page's counts and the open-and-completed chart (the filters' choices, with their figures, are
 * in cetr-action-choices.ts). The figures' "overdue" and "due soon" are for one day; on a new
 * day (or when a change the triggers do not follow made them stale) they are rebuilt first — by
 * the job below, or by the first reader of the day if the job has not run yet.
 */
import { schema, type Db, type RunAlone } from "@roundtable/db";
import {
  dueSoonDays,
  openVsCompletedByWeek,
  todayInEngland,
  type CetrActionCounts,
  type CetrActionsOverview,
  type CetrActionsOverviewQuery,
  type StatusCountChange,
} from "@roundtable/domain";
import { and, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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
export function startCetrActionFiguresJob(db: Db, runAlone: RunAlone, log: Logger, everyMs = 10 * 60_000): RepeatingJob {
  // If it fails, the next reader brings them up to date.
  return repeatEvery({ everyMs, runAtStart: true, what: "bringing the CETR action figures up to date", log, once: { name: "cetr action figures", runAlone } }, () => keepCetrActionFiguresCurrent(db, todayInEngland()));
}

/** The children the person sees, as a condition on a case id column (CetrActionsScope.seen in access/cetr-actions-access.ts). */
export type VisibleCases = (caseId: SQLWrapper) => SQL;

/** The children seen, narrowed to the query's agency, owner and child: conditions on a table kept per child (and agency and owner). */
function seenAndNarrowed(seen: VisibleCases, t: { caseId: AnyPgColumn; agencyId: AnyPgColumn; ownerId: AnyPgColumn }, query: Pick<CetrActionsOverviewQuery, "agencyId" | "ownerId" | "caseId">): SQL {
  return and(
    seen(t.caseId),
    query.agencyId ? eq(t.agencyId, query.agencyId) : undefined,
    query.ownerId ? eq(t.ownerId, query.ownerId) : undefined,
    query.caseId ? eq(t.caseId, query.caseId) : undefined,
  )!;
}

type Counted = typeof f | typeof schema.cetrActionChildFigures | typeof schema.cetrActionReportFigures;
const totalsOf = (t: Counted) => ({
  overdue: sql<number>`coalesce(sum(${t.overdue}), 0)::int`,
  dueSoon: sql<number>`coalesce(sum(${t.dueSoon}), 0)::int`,
  open: sql<number>`coalesce(sum(${t.open}), 0)::int`,
  done: sql<number>`coalesce(sum(${t.done}), 0)::int`,
});

/**
 * The page's counts: what the filters let through of the CETR actions of the children the person
 * sees (`seen`), and how many children have any (a child whose actions are all cancelled too).
 * From the figures kept per child, or per CETR report when narrowed to a CETR, or per report,
 * agency and owner when narrowed to an agency or owner: the fewest rows that answer.
 */
export async function readCetrActionCounts(db: Db, seen: VisibleCases, query: CetrActionsOverviewQuery): Promise<CetrActionCounts> {
  const none: CetrActionCounts = { overdue: 0, dueSoon: 0, open: 0, done: 0, children: 0 };
  if (query.agencyId || query.ownerId) {
    const cetrDocument = query.cetrId ? db.select({ id: schema.cetrs.documentId }).from(schema.cetrs).where(eq(schema.cetrs.id, query.cetrId)) : undefined;
    const [row] = await db
      .select({ ...totalsOf(f), children: sql<number>`(count(distinct ${f.caseId}) filter (where ${f.total} > 0))::int` })
      .from(f)
      .where(
        and(seenAndNarrowed(seen, f, query), cetrDocument ? eq(f.documentId, cetrDocument) : undefined),
      );
    return row ?? none;
  }
  if (query.cetrId) {
    const r = schema.cetrActionReportFigures;
    const [row] = await db
      .select({ ...totalsOf(r), children: sql<number>`(count(*) filter (where ${r.total} > 0))::int` })
      .from(r)
      .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, r.documentId))
      .where(and(seen(r.caseId), eq(schema.cetrs.id, query.cetrId), query.caseId ? eq(r.caseId, query.caseId) : undefined));
    return row ?? none;
  }
  const c = schema.cetrActionChildFigures;
  const [row] = await db
    .select({ ...totalsOf(c), children: sql<number>`(count(*) filter (where ${c.total} > 0))::int` })
    .from(c)
    .where(and(seen(c.caseId), query.caseId ? eq(c.caseId, query.caseId) : undefined));
  return row ?? none;
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
    // Narrowed to an agency or owner only when reading the changes kept by agency and owner.
    .where(seenAndNarrowed(seen, { caseId: t.caseId, agencyId: days.agencyId, ownerId: days.ownerId }, query))
    .groupBy(sql`1`);
  const changes: StatusCountChange[] = rows.flatMap((r) => [
    { day: r.day, kind: "open" as const, change: r.open },
    { day: r.day, kind: "done" as const, change: r.done },
  ]);
  return openVsCompletedByWeek(changes, endings);
}
