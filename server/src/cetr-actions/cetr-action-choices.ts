/**
 * The CETR actions page's filter choices (`GET /api/cetr-actions/choices`): every agency, owner,
 * child and CETR among the CETR actions a person may see (cetrActionsAccess), unfiltered, each
 * with how many of its actions are open, overdue and due soon, the most overdue first and no
 * more than the page lists. Read from what the database keeps as actions change (ADR 0034), apart
 * from the overview, so narrowing the page, showing more or a change elsewhere does not read a
 * thousand choices again with the lists.
 */
import { jsonArrayOf, parseJsonArray, schema, type Db } from "@roundtable/db";
import { cetrActionGroupLimit, todayInEngland, type CetrActionChoices, type CetrActionGroup, type CetrGroup } from "@roundtable/domain";
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { orRefuse } from "../access/access-answer.js";
import { cetrActionsAccess } from "../access/cetr-actions-access.js";
import type { Person } from "../auth/sessions.js";
import { keepCetrActionFiguresCurrent, type VisibleCases } from "./cetr-action-figures.js";

const f = schema.cetrActionFigures;

export async function cetrActionChoices(db: Db, person: Person, options: { now?: Date } = {}): Promise<CetrActionChoices> {
  const { seen } = orRefuse(cetrActionsAccess(db, person));
  await keepCetrActionFiguresCurrent(db, todayInEngland(options.now));
  return readCetrActionChoices(db, seen, cetrActionGroupLimit);
}

/**
 * One query over the kept figures (a row per CETR report, agency and owner) for the agencies and
 * owners; the children and CETRs from the figures kept per child and per report, walked in their
 * most-overdue order and named only once the first few hundred are kept, each list read as one
 * JSON array.
 */
export async function readCetrActionChoices(db: Db, seen: VisibleCases, groupLimit: number): Promise<CetrActionChoices> {
  const sums = { open: sql<number>`sum(${f.open})::int`, overdue: sql<number>`sum(${f.overdue})::int`, dueSoon: sql<number>`sum(${f.dueSoon})::int` };
  const agenciesAndOwners = db
    .select({ byAgency: sql<boolean>`grouping(${f.agencyId}) = 0`, agencyId: f.agencyId, ownerId: f.ownerId, ...sums })
    .from(f)
    .where(seen(f.caseId))
    .groupBy(sql`grouping sets ((${f.agencyId}), (${f.ownerId}))`);

  // The most overdue, walked in that order, named only once kept.
  const mostOverdueOf = (
    t: typeof schema.cetrActionChildFigures | typeof schema.cetrActionReportFigures,
    id: typeof schema.cetrActionChildFigures.caseId | typeof schema.cetrActionReportFigures.documentId,
    name: string,
  ) =>
    db
      .select({ id, open: t.open, overdue: t.overdue, dueSoon: t.dueSoon })
      .from(t)
      .where(and(seen(t.caseId), gt(t.total, 0)))
      .orderBy(desc(t.overdue), desc(t.open))
      .limit(groupLimit)
      .as(name);
  const topChildren = mostOverdueOf(schema.cetrActionChildFigures, schema.cetrActionChildFigures.caseId, "top_children");
  const childrenJson = jsonArrayOf<CetrActionGroup>({
    id: topChildren.id,
    name: schema.cases.name,
    open: topChildren.open,
    overdue: topChildren.overdue,
    dueSoon: topChildren.dueSoon,
  });
  const children = db
    .select({ rows: childrenJson })
    .from(topChildren)
    .innerJoin(schema.cases, eq(schema.cases.id, topChildren.id))
    .then(([r]) => parseJsonArray(childrenJson, r?.rows));

  const topReports = mostOverdueOf(schema.cetrActionReportFigures, schema.cetrActionReportFigures.documentId, "top_reports");
  const cetrsJson = jsonArrayOf<CetrGroup>({
    id: schema.cetrs.id,
    caseId: schema.cetrs.caseId,
    name: schema.cases.name,
    heldOn: schema.cetrs.heldOn,
    status: schema.cetrs.status,
    open: topReports.open,
    overdue: topReports.overdue,
    dueSoon: topReports.dueSoon,
  });
  const cetrs = db
    .select({ rows: cetrsJson })
    .from(topReports)
    .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, topReports.id))
    .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
    .then(([r]) => parseJsonArray(cetrsJson, r?.rows));

  const [groups, childGroups, cetrGroups] = await Promise.all([agenciesAndOwners, children, cetrs]);
  const agencyRows = groups.filter((r) => r.byAgency);
  const ownerRows = groups.filter((r) => !r.byAgency);
  const [agencyNames, ownerNames] = await Promise.all([
    namesOf(db, schema.agencies, agencyRows.flatMap((r) => (r.agencyId ? [r.agencyId] : []))),
    namesOf(db, schema.people, ownerRows.flatMap((r) => (r.ownerId ? [r.ownerId] : []))),
  ]);
  const figures = (r: { open: number | null; overdue: number | null; dueSoon: number | null }) => ({ open: r.open ?? 0, overdue: r.overdue ?? 0, dueSoon: r.dueSoon ?? 0 });
  return {
    agencies: mostOverdue(agencyRows.map((r) => ({ id: r.agencyId, name: (r.agencyId && agencyNames.get(r.agencyId)) || "No agency", ...figures(r) })), groupLimit),
    owners: mostOverdue(ownerRows.map((r) => ({ id: r.ownerId, name: (r.ownerId && ownerNames.get(r.ownerId)) || "No owner", ...figures(r) })), groupLimit),
    children: mostOverdue(childGroups, groupLimit),
    cetrs: mostOverdue(cetrGroups, groupLimit),
  };
}

async function namesOf(db: Db, table: typeof schema.agencies | typeof schema.people, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Most overdue first, then most open, then by name; no more than the limit. */
function mostOverdue<G extends CetrActionGroup>(groups: G[], limit: number): G[] {
  return groups.sort((x, y) => y.overdue - x.overdue || y.open - x.open || x.name.localeCompare(y.name, "en-GB")).slice(0, limit);
}
