/**
 * Action use-cases: list what a person may see, read an action's history, and change an action
 * from outside the editor — applied to its document as a Yjs transaction, so every open editor
 * shows it and the document and the table never disagree.
 */
import { findElementById } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import {
  actionNodeName,
  isEscalationLevel,
  isOverdue,
  mayChangeAction,
  seesEscalations,
  outstandingStatuses,
  type AccessLevel,
  type Action,
  type ActionEvent,
  type ActionListQuery,
  type UpdateActionBody,
} from "@roundtable/domain";
import { todayInEngland } from "@roundtable/domain";
import { membershipCounts } from "../access/team-membership.js";
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ActionProjector } from "./action-projector.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import { HttpError, notFound, stopIfCancelled } from "../errors.js";
import { documentAccessFor } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import { overdueAccess } from "../access/overdue-access.js";
import { accessToActionDocuments, actionDocumentFacts } from "../access/action-change-access.js";
import type { Person } from "../auth/sessions.js";
import { documentsVisibleTo, wholeDocument, type VisibleDocuments } from "../access/visible-documents.js";

const owner = alias(schema.people, "owner");
const ownerAgency = alias(schema.agencies, "owner_agency");
const lastEscalatedBy = alias(schema.people, "last_escalated_by");

/**
 * An action's latest escalation and how many it has had (the window counts every row of the
 * action before the limit keeps the newest): joined laterally, one index lookup per action
 * (action_escalations_action_idx) inside the same query, not a query per row.
 */
function escalationsOf(db: Db) {
  const e = schema.actionEscalations;
  return db
    .select({ count: sql<number>`count(*) over ()`.mapWith(Number).as("escalation_count"), level: e.level, at: e.at, byId: e.byId })
    .from(e)
    .where(eq(e.actionId, schema.actions.id))
    .orderBy(desc(e.at), desc(e.id))
    .limit(1)
    .as("last_escalation");
}

/** Actions with what lists show of them; `visible` marks the rows a condition lets through (all, unless given). */
function actionQuery(db: Db, visible: SQL = sql`true`) {
  const escalations = escalationsOf(db);
  return db
    .select({
      action: schema.actions,
      visible: sql<boolean>`coalesce(${visible}, false)`,
      caseName: schema.cases.name,
      keyworkerId: schema.cases.keyworkerId,
      youngPersonId: schema.cases.youngPersonId,
      serviceId: schema.cases.serviceId,
      documentTitle: schema.documents.title,
      visibility: schema.documents.visibility,
      documentKind: schema.documents.kind,
      documentMeetingId: schema.documents.meetingId,
      partOf: schema.documents.partOf,
      wholeVisibility: wholeDocument.visibility,
      wholeKind: wholeDocument.kind,
      ownerName: owner.name,
      ownerAgencyName: ownerAgency.name,
      escalationCount: escalations.count,
      lastEscalationLevel: escalations.level,
      lastEscalationAt: escalations.at,
      lastEscalatedBy: lastEscalatedBy.name,
    })
    .from(schema.actions)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.actions.caseId))
    .innerJoin(schema.documents, eq(schema.documents.id, schema.actions.documentId))
    .leftJoin(wholeDocument, eq(wholeDocument.id, schema.documents.partOf))
    .leftJoin(owner, eq(owner.id, schema.actions.ownerId))
    .leftJoin(ownerAgency, eq(ownerAgency.id, schema.actions.ownerAgencyId))
    .leftJoinLateral(escalations, sql`true`)
    .leftJoin(lastEscalatedBy, eq(lastEscalatedBy.id, escalations.byId));
}

type ActionQueryRow = Awaited<ReturnType<ReturnType<typeof actionQuery>["execute"]>>[number];

/** The actions with whether this person may mark each done or move its date (mayChangeAction, as updateAction checks). */
async function toActions(db: Db, person: Person, rows: readonly ActionQueryRow[], today: string): Promise<Action[]> {
  const access = await accessToActionDocuments(db, person, rows.map(actionDocumentFacts));
  return rows.map((r) => actionAsSeenBy(person, r, access.get(r.action.documentId) ?? "none", today));
}

function actionAsSeenBy(person: Person, row: ActionQueryRow, level: AccessLevel, today: string): Action {
  return toAction(row, today, mayChangeAction({ access: level, isOwner: row.action.ownerId === person.id, changesOwner: false }), seesEscalations(person.role));
}

function toAction(row: ActionQueryRow, today: string, mayUpdate: boolean, showEscalations: boolean): Action {
  const a = row.action;
  const lastLevel = row.lastEscalationLevel;
  const lastEscalation =
    showEscalations && lastLevel !== null && isEscalationLevel(lastLevel) && row.lastEscalationAt
      ? { level: lastLevel, at: row.lastEscalationAt.toISOString(), byName: row.lastEscalatedBy }
      : null;
  return {
    id: a.id,
    caseId: a.caseId,
    documentId: a.documentId,
    meetingId: a.meetingId,
    text: a.text,
    ownerId: a.ownerId,
    ownerAgencyId: a.ownerAgencyId,
    dueDate: a.dueDate,
    status: a.status,
    blockedReason: a.blockedReason,
    overdue: isOverdue(a, today),
    updatedAt: a.updatedAt.toISOString(),
    caseName: row.caseName,
    documentTitle: row.documentTitle,
    ownerName: row.ownerName,
    ownerAgencyName: row.ownerAgencyName,
    section: a.section,
    removedAt: a.removedAt?.toISOString() ?? null,
    mayUpdate,
    escalations: showEscalations ? (row.escalationCount ?? 0) : 0,
    lastEscalation,
  };
}

export async function listActions(db: Db, person: Person, query: ActionListQuery, options: { now?: Date; signal?: AbortSignal } = {}): Promise<Action[]> {
  const { now = new Date(), signal } = options;
  const today = todayInEngland(now);
  const where: SQL[] = [isNull(schema.actions.removedAt), eq(schema.cases.serviceId, person.serviceId)];
  if (query.owner) where.push(eq(schema.actions.ownerId, query.owner === "me" ? person.id : query.owner));
  if (query.caseId) where.push(eq(schema.actions.caseId, query.caseId));
  if (query.status) where.push(eq(schema.actions.status, query.status));
  if (query.agencyId) {
    // Owned by the agency, or by someone who works there: two indexed lookups, not a join filter.
    const staff = await db.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.agencyId, query.agencyId));
    const byAgency = eq(schema.actions.ownerAgencyId, query.agencyId);
    where.push(staff.length ? or(byAgency, inArray(schema.actions.ownerId, staff.map((s) => s.id)))! : byAgency);
  }
  if (query.overdue === "true") {
    // Refused before anything is read; a keyworker's list is their own caseload.
    const { scope } = orRefuse(overdueAccess(person));
    if (scope === "own-caseload") where.push(eq(schema.cases.keyworkerId, person.id));
    where.push(lt(schema.actions.dueDate, today), inArray(schema.actions.status, [...outstandingStatuses]));
  }
  if (query.closedWithinDays !== undefined) {
    const closedSince = new Date(now.getTime() - query.closedWithinDays * 86_400_000);
    where.push(or(inArray(schema.actions.status, [...outstandingStatuses]), gte(schema.actions.updatedAt, closedSince))!);
  }
  const limit = query.limit ?? 500;
  // Visibility is a condition in SQL, so the limit counts what the person may see and the
  // database reads only what it returns (ADR 0014).
  const visibleDocuments = await documentsVisibleTo(db, person, signal);
  if (!visibleDocuments) return [];
  // An owner or a case narrows the rows by an index already: test each of those as it is read.
  // Otherwise go through the documents the person may open, when they are few.
  const narrowed = query.owner !== undefined || query.caseId !== undefined;
  const rows = visibleDocuments.acrossService
    ? await listAcrossService(db, and(...where)!, visibleDocuments, limit, signal)
    : await listActionRows(db, and(...where, narrowed ? visibleDocuments.where : inArray(schema.actions.documentId, visibleDocuments.ids))!, limit, signal);
  return toActions(db, person, rows, today);
}

const listOrder = [sql`${schema.actions.dueDate} asc nulls last`, asc(schema.cases.name), asc(schema.actions.position), asc(schema.actions.id)];

function listActionRows(db: Db, where: SQL, limit: number, signal: AbortSignal | undefined): Promise<ActionQueryRow[]> {
  stopIfCancelled(signal);
  return actionQuery(db).where(where).orderBy(...listOrder).limit(limit).execute();
}

/** How many pages of rows, each a little more than asked for, a list across the service reads in order before filtering in one query. */
const pagesInOrder = 3;

/**
 * For someone who may open most of the service's documents (a service lead), most rows pass:
 * reading them in the list's order, each page marked visible or not by the same condition, lets
 * the database stop at the limit — a filter in the query itself leads the planner to sort all
 * it may see first. A few pages at most; past them, one filtered query.
 */
async function listAcrossService(db: Db, where: SQL, visible: VisibleDocuments, limit: number, signal: AbortSignal | undefined): Promise<ActionQueryRow[]> {
  const pageSize = limit + 50;
  const found: ActionQueryRow[] = [];
  for (let page = 0; page < pagesInOrder; page++) {
    stopIfCancelled(signal);
    const rows = await actionQuery(db, visible.where)
      .where(where)
      .orderBy(...listOrder)
      .limit(pageSize)
      .offset(page * pageSize);
    found.push(...rows.filter((r) => r.visible));
    if (found.length >= limit || rows.length < pageSize) return found.slice(0, limit);
  }
  return listActionRows(db, and(where, visible.where)!, limit, signal);
}

/**
 * One action, if the person may open the document it is in (a removed one too: its history
 * stays). The one row is read, then its document asked the single-document rule that lists and
 * opening share (accessToActionDocuments) — not the whole set of documents the person may open.
 */
export async function getAction(db: Db, person: Person, actionId: string, now = new Date()): Promise<Action> {
  const [row] = await actionQuery(db)
    .where(and(eq(schema.actions.id, actionId), eq(schema.cases.serviceId, person.serviceId)))
    .limit(1);
  if (!row) throw notFound("That action");
  const access = await accessToActionDocuments(db, person, [actionDocumentFacts(row)]);
  const level = access.get(row.action.documentId) ?? "none";
  if (level === "none") throw notFound("That action");
  return actionAsSeenBy(person, row, level, todayInEngland(now));
}

export async function listActionEvents(db: Db, person: Person, actionId: string): Promise<ActionEvent[]> {
  await getAction(db, person, actionId);
  // Escalations are between services: a family's history of the action leaves them out.
  const shown = seesEscalations(person.role) ? undefined : ne(schema.actionEvents.field, "escalated");
  const rows = await db
    .select({ field: schema.actionEvents.field, from: schema.actionEvents.fromValue, to: schema.actionEvents.toValue, byId: schema.people.id, byName: schema.people.name, at: schema.actionEvents.at })
    .from(schema.actionEvents)
    .leftJoin(schema.people, eq(schema.people.id, schema.actionEvents.byId))
    .where(and(eq(schema.actionEvents.actionId, actionId), shown))
    .orderBy(asc(schema.actionEvents.at), asc(schema.actionEvents.id));
  return rows.map((r) => ({
    field: r.field,
    from: r.from,
    to: r.to,
    by: r.byId && r.byName ? { id: r.byId, name: r.byName } : null,
    at: r.at.toISOString(),
  }));
}

export interface ActionDeps {
  db: Db;
  registry: RoomRegistry;
  projector: ActionProjector;
}

/**
 * Change an action's status, due date or owner. Anyone who may edit its document can; so can
 * its owner, who may be marking their own action done from My actions.
 */
export async function updateAction(deps: ActionDeps, person: Person, actionId: string, body: UpdateActionBody): Promise<Action> {
  const action = await getAction(deps.db, person, actionId);
  const { access } = orRefuse(await documentAccessFor(deps.db, person, action.documentId));
  await changeAction(deps, person, action, access, body);
  return getAction(deps.db, person, actionId);
}

/** What changeAction needs to know of the action it changes. */
export type ChangedAction = Pick<Action, "id" | "documentId" | "caseId" | "ownerId" | "status" | "removedAt">;

/**
 * The one place an action is changed from outside the editor, given what the person may do with
 * it (their access to its document, or — for an action a meeting carried — to the meeting's part
 * about its child, ADR 0027): checked by mayChangeAction, written into its own document's node as
 * a Yjs transaction, and projected at once so its history credits the person.
 */
export async function changeAction({ db, registry, projector }: ActionDeps, person: Person, action: ChangedAction, access: AccessLevel, body: UpdateActionBody): Promise<void> {
  const actionId = action.id;
  if (action.removedAt) throw new HttpError(409, "This action has been removed from its document, so it cannot be changed.");
  if (!mayChangeAction({ access, isOwner: action.ownerId === person.id, changesOwner: body.ownerId !== undefined })) {
    throw new HttpError(
      403,
      action.ownerId === person.id
        ? "You can change the status and due date of your own action, but only someone who can edit the document can give it to someone else."
        : "Only the action's owner or someone who can edit the document can change it.",
    );
  }
  if (body.status === "blocked" && body.blockedReason === undefined && action.status !== "blocked") {
    throw new HttpError(400, "The request body is not valid.", { blockedReason: "Say what is holding it up" });
  }
  if (body.ownerId) {
    const member = await db
      .select({ id: schema.caseMembers.personId })
      .from(schema.caseMembers)
      // Someone whose place does not count (a parent kept out by the young person's decision,
      // ADR 0026) could not open the action they would be given.
      .where(and(eq(schema.caseMembers.caseId, action.caseId), eq(schema.caseMembers.personId, body.ownerId), membershipCounts()));
    if (member.length === 0) throw new HttpError(400, "The request body is not valid.", { ownerId: "Choose someone on this case's team" });
  }
  await registry.withRoom(action.documentId, async (room) => {
    const element = findElementById(room.doc, actionNodeName, actionId);
    if (!element) throw new HttpError(409, "This action is no longer in its document, so it cannot be changed.");
    room.doc.transact(() => {
      const set = (key: string, value: string | null | undefined) => {
        if (value === undefined) return;
        if (value === null) element.removeAttribute(key);
        else element.setAttribute(key, value);
      };
      set("status", body.status);
      // Only a blocked action has a reason it is held up; any other status clears it.
      if (body.status !== undefined) set("blockedReason", body.status === "blocked" ? body.blockedReason : null);
      set("dueDate", body.dueDate);
      set("ownerId", body.ownerId);
      if (body.ownerId) element.removeAttribute("ownerAgencyId");
    }, { personId: person.id });
    await projector.projectNow(action.documentId, room.doc, person.id);
  });
}

/** Actions by id as lists show them to this person, whatever their access to where each was agreed (a meeting's carried actions, ADR 0027). */
export async function actionsById(db: Db, person: Person, ids: readonly string[], now = new Date(), serviceId = person.serviceId): Promise<Map<string, Action>> {
  if (ids.length === 0) return new Map();
  const rows = await actionQuery(db).where(and(inArray(schema.actions.id, [...ids]), eq(schema.cases.serviceId, serviceId)));
  const actions = await toActions(db, person, rows, todayInEngland(now));
  return new Map(actions.map((a) => [a.id, a]));
}
