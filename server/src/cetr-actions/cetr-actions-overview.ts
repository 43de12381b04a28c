/**
 * What the "CETR actions" page reads (`GET /api/cetr-actions/overview`): the open CETR actions a
 * person may see (cetrActionsAccess), overdue first, with their child, CETR, owner and agency in
 * words; counts; and how many were open and completed at the end of each of the last weeks (the
 * filters' choices are read apart: cetr-action-choices.ts). The list is bounded; the
 * figures and the chart are read from what the database keeps as actions change
 * (cetr-action-figures.ts, ADR 0034), not counted from the actions on each request.
 */
import { schema, type Db } from "@roundtable/db";
import {
  dueSoonDays,
  isEscalationLevel,
  isOverdue,
  mayChangeAction,
  openVsCompletedByWeek,
  outstandingStatuses,
  overTimeWeeks,
  todayInEngland,
  weekEndings,
  type CetrActionsOverview,
  type CetrActionsOverviewQuery,
  type CetrActionView,
  type LastEscalation,
  type StatusCountChange,
} from "@roundtable/domain";
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { accessToActionDocuments, actionDocumentFacts } from "../access/action-change-access.js";
import { cetrActionsAccess } from "../access/cetr-actions-access.js";
import { orRefuse } from "../access/access-answer.js";
import { wholeDocument } from "../access/visible-documents.js";
import type { Person } from "../auth/sessions.js";
import { stopIfCancelled } from "../errors.js";
import { keepCetrActionFiguresCurrent, readCetrActionCounts, readOpenAndCompletedByWeek } from "./cetr-action-figures.js";
import { actionOwner, dueKey, fromAliased, withAgency, escalationCount, isStillToDo, lookedUp, lookedUpAgencyName } from "./cetr-action-terms.js";

const a = schema.actions;
const wholeOf = (column: "visibility" | "kind") => sql`(select ${wholeDocument[column]} from ${fromAliased(schema.documents, "whole")} where ${wholeDocument.id} = ${schema.documents.partOf})`;

interface Options {
  now?: Date;
  signal?: AbortSignal;
}

export async function cetrActionsOverview(db: Db, person: Person, query: CetrActionsOverviewQuery & { limit: number }, options: Options = {}): Promise<CetrActionsOverview> {
  const { cases, seen: visible } = orRefuse(cetrActionsAccess(db, person));
  const today = todayInEngland(options.now);
  stopIfCancelled(options.signal);
  await keepCetrActionFiguresCurrent(db, today);
  // The list walks the actions in due order and stops at the limit: each row is tested as it is
  // read (a join with every visible child's actions would sort them all first).
  const seen = and(isNull(a.removedAt), cases)!;
  const filtered = and(
    seen,
    query.agencyId ? withAgency(db, query.agencyId) : undefined,
    query.ownerId ? eq(a.ownerId, query.ownerId) : undefined,
    query.caseId ? eq(a.caseId, query.caseId) : undefined,
    query.cetrId ? eq(schema.cetrs.id, query.cetrId) : undefined,
  )!;
  stopIfCancelled(options.signal);
  const endings = weekEndings(today, overTimeWeeks);
  const [open, counts, overTime] = await Promise.all([
    openActions(db, person, filtered, query.limit, today),
    readCetrActionCounts(db, visible, query),
    // One CETR's few actions are counted from their history; anything wider from the kept days.
    query.cetrId ? openAndCompletedByWeek(db, filtered, endings) : readOpenAndCompletedByWeek(db, visible, query, endings),
  ]);
  return { today, dueSoonDays, counts, actions: open.actions, more: open.more, overTime };
}

/** The open actions, most overdue first, then by due date (none last); one more than the limit says whether there are more. */
async function openActions(db: Db, person: Person, where: SQL, limit: number, today: string): Promise<{ actions: CetrActionView[]; more: boolean }> {
  const found = await db
    .select({
      action: a,
      caseName: schema.cases.name,
      keyworkerId: schema.cases.keyworkerId,
      documentTitle: schema.documents.title,
      visibility: schema.documents.visibility,
      documentKind: schema.documents.kind,
      documentMeetingId: schema.documents.meetingId,
      wholeVisibility: wholeOf("visibility").mapWith(schema.documents.visibility),
      wholeKind: wholeOf("kind").mapWith(schema.documents.kind),
      ownerName: lookedUp.ownerName,
      ownerAgencyName: lookedUp.namedAgencyName,
      agencyId: lookedUp.agencyId,
      agencyName: lookedUpAgencyName,
      cetrId: schema.cetrs.id,
      cetrHeldOn: schema.cetrs.heldOn,
      cetrStatus: schema.cetrs.status,
      escalations: escalationCount,
    })
    .from(a)
    .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, a.documentId))
    .innerJoin(schema.cases, eq(schema.cases.id, a.caseId))
    .innerJoin(schema.documents, eq(schema.documents.id, a.documentId))
    .where(and(where, isStillToDo))
    // Read in the order of the list's index (actions_due_key_idx), stopping at the limit; then
    // the same day's actions by child and by their place in the report.
    .orderBy(asc(dueKey), asc(a.id))
    .limit(limit + 1);
  const rows = found
    .slice(0, limit)
    .sort(
      (x, y) =>
        (x.action.dueDate ?? "9999").localeCompare(y.action.dueDate ?? "9999") ||
        x.caseName.localeCompare(y.caseName, "en-GB") ||
        x.action.position - y.action.position ||
        x.action.id.localeCompare(y.action.id),
    );
  // Whether each may be marked done or moved from here, by the same rules as the change itself.
  const access = await accessToActionDocuments(db, person, rows.map(actionDocumentFacts));
  const latest = await lastEscalations(db, rows.map((r) => r.action.id));
  const actions = rows.map(({ action, ...r }): CetrActionView => ({
    id: action.id,
    caseId: action.caseId,
    documentId: action.documentId,
    meetingId: action.meetingId,
    text: action.text,
    ownerId: action.ownerId,
    ownerAgencyId: action.ownerAgencyId,
    dueDate: action.dueDate,
    status: action.status,
    blockedReason: action.blockedReason,
    overdue: isOverdue(action, today),
    updatedAt: action.updatedAt.toISOString(),
    caseName: r.caseName,
    documentTitle: r.documentTitle,
    ownerName: r.ownerName,
    ownerAgencyName: r.ownerAgencyName,
    section: action.section,
    removedAt: null,
    mayUpdate: mayChangeAction({ access: access.get(action.documentId) ?? "none", isOwner: action.ownerId === person.id, changesOwner: false }),
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    cetrId: r.cetrId,
    cetrHeldOn: r.cetrHeldOn,
    cetrStatus: r.cetrStatus,
    escalations: r.escalations,
    lastEscalation: latest.get(action.id) ?? null,
  }));
  return { actions, more: found.length > limit };
}

/** Each action's latest escalation (for "Escalated on … by …" and the next level's button), in one query. */
async function lastEscalations(db: Db, actionIds: readonly string[]): Promise<Map<string, LastEscalation>> {
  if (actionIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([schema.actionEscalations.actionId], {
      actionId: schema.actionEscalations.actionId,
      level: schema.actionEscalations.level,
      at: schema.actionEscalations.at,
      byName: schema.people.name,
    })
    .from(schema.actionEscalations)
    .leftJoin(schema.people, eq(schema.people.id, schema.actionEscalations.byId))
    .where(inArray(schema.actionEscalations.actionId, [...actionIds]))
    .orderBy(schema.actionEscalations.actionId, desc(schema.actionEscalations.at));
  return new Map(rows.flatMap((r) => (isEscalationLevel(r.level) ? [[r.actionId, { level: r.level, at: r.at.toISOString(), byName: r.byName }] as const] : [])));
}

/**
 * Open and completed at the end of each of the last weeks, from each action's creation (with
 * the status it was created with) and each change of its status since (action_events), counted
 * by day by the database. Days before the first week count towards it.
 */
async function openAndCompletedByWeek(db: Db, where: SQL, endings: readonly string[]): Promise<CetrActionsOverview["overTime"]> {
  const from = endings[0]!;
  const e = schema.actionEvents;
  const dayOf = (at: SQL | typeof a.createdAt) => sql<string>`greatest((${at} at time zone 'Europe/London')::date, ${from}::date)::text`;
  // Each action's first change of status says what it was created as: one pass over the status
  // changes, joined, not a look-up per action (200,000 of them in pnpm bench:register).
  const firstChange = db
    .selectDistinctOn([e.actionId], { actionId: sql<string>`${e.actionId}`.as("first_action_id"), fromValue: sql<string | null>`${e.fromValue}`.as("first_from") })
    .from(e)
    .where(eq(e.field, "status"))
    .orderBy(e.actionId, e.at, e.id)
    .as("first_change");
  const firstStatus = sql<string>`coalesce(${firstChange.fromValue}, ${a.status})`;
  const [created, changed] = await Promise.all([
    db
      .select({ day: dayOf(a.createdAt), status: firstStatus, count: sql<number>`count(*)::int` })
      .from(a)
      .leftJoin(firstChange, eq(firstChange.actionId, a.id))
      .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, a.documentId))
      .innerJoin(schema.cases, eq(schema.cases.id, a.caseId))
      .leftJoin(actionOwner, eq(actionOwner.id, a.ownerId))
      .where(where)
      .groupBy(sql`1`, sql`2`),
    db
      .select({ day: dayOf(sql`${e.at}`), from: e.fromValue, to: e.toValue, count: sql<number>`count(*)::int` })
      .from(e)
      .innerJoin(a, eq(a.id, e.actionId))
      .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, a.documentId))
      .innerJoin(schema.cases, eq(schema.cases.id, a.caseId))
      .leftJoin(actionOwner, eq(actionOwner.id, a.ownerId))
      .where(and(where, eq(e.field, "status")))
      .groupBy(sql`1`, sql`2`, sql`3`),
  ]);
  const kindOf = (status: string | null): StatusCountChange["kind"] | null =>
    status === "done" ? "done" : (outstandingStatuses as readonly (string | null)[]).includes(status) ? "open" : null;
  const changes: StatusCountChange[] = [];
  const add = (day: string, status: string | null, change: number) => {
    const kind = kindOf(status);
    if (kind) changes.push({ day, kind, change });
  };
  for (const r of created) add(r.day, r.status, r.count);
  for (const r of changed) {
    add(r.day, r.from, -r.count);
    add(r.day, r.to, r.count);
  }
  return openVsCompletedByWeek(changes, endings);
}
