/**
 * The CETR actions page's figures, read from what the database keeps as actions change (ADR 0034:
 * `cetr_action_figures` and `cetr_action_status_days`, kept by triggers), not counted from the
 * actions on every request: the figures by agency, owner, child and CETR, the page's counts and
 * the open-and-completed chart. The figures' "overdue" and "due soon" are for one day; on a new
 * day (or when a change the triggers do not follow made them stale) they are rebuilt first — by
 * the job below, or by the first reader of the day if the job has not run yet.
 */
import { schema, type Db } from "@roundtable/db";
import {
  dueSoonDays,
  openVsCompletedByWeek,
  todayInEngland,
  type CetrActionGroup,
  type CetrActionsOverview,
  type CetrActionsOverviewQuery,
  type CetrGroup,
  type StatusCountChange,
} from "@roundtable/domain";
import { and, eq, gt, inArray, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
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

/** The children the person sees (visibleCaseList in access/cetr-actions-access.ts). */
interface VisibleCases {
  has(caseId: SQLWrapper): SQL;
}

/**
 * The figures of what the person sees (`seen`, the children as visibleCaseList has them): by agency, owner,
 * child and CETR, unfiltered — the filters' choices — and the counts of what the filters let
 * through. One statement: one pass over the kept figures (one row per CETR report, agency and
 * owner) groups them every way at once, keeps only the most overdue children and CETRs, and names
 * what it kept. (Four queries and four look-ups of names took some 170 ms at bench size on PGlite,
 * which runs them one after another.)
 */
export async function readCetrActionFigures(db: Db, seen: VisibleCases, query: CetrActionsOverviewQuery, groupLimit: number): Promise<Figures> {
  const filtered =
    and(
      query.agencyId ? eq(f.agencyId, query.agencyId) : undefined,
      query.ownerId ? eq(f.ownerId, query.ownerId) : undefined,
      query.caseId ? eq(f.caseId, query.caseId) : undefined,
      query.cetrId ? eq(f.documentId, db.select({ id: schema.cetrs.documentId }).from(schema.cetrs).where(eq(schema.cetrs.id, query.cetrId))) : undefined,
    ) ?? sql`true`;
  const sum = (column: SQLWrapper) => sql<number>`coalesce(sum(${column}), 0)::int`;
  const sumFiltered = (column: SQLWrapper) => sql<number>`coalesce(sum(${column}) filter (where ${filtered}), 0)::int`;
  const grouped = db
    .select({
      set: sql<GroupSet>`case when grouping(${f.agencyId}) = 0 then 'agency' when grouping(${f.ownerId}) = 0 then 'owner' when grouping(${f.caseId}) = 0 then 'child' when grouping(${f.documentId}) = 0 then 'cetr' else 'all' end`.as(
        "set",
      ),
      agencyId: f.agencyId,
      ownerId: f.ownerId,
      caseId: f.caseId,
      documentId: f.documentId,
      total: sum(f.total).as("total"),
      open: sum(f.open).as("open"),
      overdue: sum(f.overdue).as("overdue"),
      dueSoon: sum(f.dueSoon).as("due_soon"),
      filteredTotal: sumFiltered(f.total).as("filtered_total"),
      filteredOpen: sumFiltered(f.open).as("filtered_open"),
      filteredOverdue: sumFiltered(f.overdue).as("filtered_overdue"),
      filteredDueSoon: sumFiltered(f.dueSoon).as("filtered_due_soon"),
      filteredDone: sumFiltered(f.done).as("filtered_done"),
    })
    .from(f)
    .where(seen.has(f.caseId))
    .groupBy(sql`grouping sets ((${f.agencyId}), (${f.ownerId}), (${f.caseId}), (${f.documentId}), ())`)
    .as("grouped");
  // Children and CETRs (many): only the most overdue; and how many children the filters let through.
  const ranked = db
    .select({
      set: grouped.set,
      agencyId: grouped.agencyId,
      ownerId: grouped.ownerId,
      caseId: grouped.caseId,
      documentId: grouped.documentId,
      total: grouped.total,
      open: grouped.open,
      overdue: grouped.overdue,
      dueSoon: grouped.dueSoon,
      filteredOpen: grouped.filteredOpen,
      filteredOverdue: grouped.filteredOverdue,
      filteredDueSoon: grouped.filteredDueSoon,
      filteredDone: grouped.filteredDone,
      rank: sql<number>`row_number() over (partition by ${grouped.set} order by ${grouped.total} > 0 desc, ${grouped.overdue} desc, ${grouped.open} desc)`.as("rank"),
      children: sql<number>`(count(*) filter (where ${grouped.set} = 'child' and ${grouped.filteredTotal} > 0) over ())::int`.as("children"),
    })
    .from(grouped)
    .as("ranked");
  const agency = alias(schema.agencies, "figures_agency");
  const owner = alias(schema.people, "figures_owner");
  const child = alias(schema.cases, "figures_child");
  const cetr = alias(schema.cetrs, "figures_cetr");
  const rows = await db
    .select({
      set: ranked.set,
      agencyId: ranked.agencyId,
      ownerId: ranked.ownerId,
      caseId: ranked.caseId,
      open: ranked.open,
      overdue: ranked.overdue,
      dueSoon: ranked.dueSoon,
      filteredOpen: ranked.filteredOpen,
      filteredOverdue: ranked.filteredOverdue,
      filteredDueSoon: ranked.filteredDueSoon,
      filteredDone: ranked.filteredDone,
      children: ranked.children,
      name: sql<string | null>`coalesce(${agency.name}, ${owner.name}, ${child.name})`,
      cetrId: cetr.id,
      cetrCaseId: cetr.caseId,
      cetrHeldOn: cetr.heldOn,
      cetrStatus: cetr.status,
    })
    .from(ranked)
    .leftJoin(agency, and(eq(ranked.set, "agency"), eq(agency.id, ranked.agencyId)))
    .leftJoin(owner, and(eq(ranked.set, "owner"), eq(owner.id, ranked.ownerId)))
    .leftJoin(cetr, and(eq(ranked.set, "cetr"), eq(cetr.documentId, ranked.documentId)))
    .leftJoin(child, eq(child.id, sql`case ${ranked.set} when 'child' then ${ranked.caseId} when 'cetr' then ${cetr.caseId} end`))
    .where(or(inArray(ranked.set, ["agency", "owner", "all"]), and(lte(ranked.rank, groupLimit), gt(ranked.total, 0))));
  const of = (set: GroupSet) => rows.filter((r) => r.set === set);
  const figures = (r: (typeof rows)[number]) => ({ open: r.open, overdue: r.overdue, dueSoon: r.dueSoon });
  const all = of("all")[0];
  return {
    counts: {
      overdue: all?.filteredOverdue ?? 0,
      dueSoon: all?.filteredDueSoon ?? 0,
      open: all?.filteredOpen ?? 0,
      done: all?.filteredDone ?? 0,
      children: all?.children ?? 0,
    },
    groups: {
      agencies: mostOverdue(of("agency").map((r) => ({ id: r.agencyId, name: r.name ?? "No agency", ...figures(r) })), groupLimit),
      owners: mostOverdue(of("owner").map((r) => ({ id: r.ownerId, name: r.name ?? "No owner", ...figures(r) })), groupLimit),
      children: mostOverdue(of("child").map((r): CetrActionGroup => ({ id: r.caseId, name: r.name ?? "", ...figures(r) })), groupLimit),
      cetrs: mostOverdue(
        of("cetr").flatMap((r): CetrGroup[] =>
          r.cetrId && r.cetrCaseId && r.cetrStatus ? [{ id: r.cetrId, caseId: r.cetrCaseId, name: r.name ?? "", heldOn: r.cetrHeldOn, status: r.cetrStatus, ...figures(r) }] : [],
        ),
        groupLimit,
      ),
    },
  };
}

/** The ways the figures are grouped, in one pass: by agency, owner, child and CETR, and all together. */
type GroupSet = "agency" | "owner" | "child" | "cetr" | "all";

/** Most overdue first, then most open, then by name; no more than the limit. */
export function mostOverdue<G extends CetrActionGroup>(groups: G[], limit: number): G[] {
  return groups.sort((x, y) => y.overdue - x.overdue || y.open - x.open || x.name.localeCompare(y.name, "en-GB")).slice(0, limit);
}

/**
 * Open and completed at the end of each of the given weeks, from the kept day-by-day changes of
 * the children the person sees, narrowed by agency, owner or child. Days before the first week
 * count towards it.
 */
export async function readOpenAndCompletedByWeek(
  db: Db,
  seen: VisibleCases,
  query: Pick<CetrActionsOverviewQuery, "agencyId" | "ownerId" | "caseId">,
  endings: readonly string[],
): Promise<CetrActionsOverview["overTime"]> {
  const from = endings[0]!;
  const day = sql<string>`greatest(${days.day}, ${from}::date)::text`;
  const rows = await db
    .select({ day, open: sql<number>`sum(${days.open})::int`, done: sql<number>`sum(${days.done})::int` })
    .from(days)
    .where(
      and(
        seen.has(days.caseId),
        query.agencyId ? eq(days.agencyId, query.agencyId) : undefined,
        query.ownerId ? eq(days.ownerId, query.ownerId) : undefined,
        query.caseId ? eq(days.caseId, query.caseId) : undefined,
      ),
    )
    .groupBy(sql`1`);
  const changes: StatusCountChange[] = rows.flatMap((r) => [
    { day: r.day, kind: "open" as const, change: r.open },
    { day: r.day, kind: "done" as const, change: r.done },
  ]);
  return openVsCompletedByWeek(changes, endings);
}
