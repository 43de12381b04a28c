/**
 * Actions carried into a later meeting (ADR 0027): each child's part of a tracker or review
 * meeting starts with the actions still open from that child's earlier meetings; a CETR follow-up
 * meeting starts with the open actions of the CETR it follows up. The action never moves — it stays in the minutes it was agreed in, with its id and history — and a row in
 * `carried_actions` says this meeting takes it up and what it decided. Changes go through
 * changeAction, so they reach the action's own document as My actions' do.
 */
import { schema, type Db } from "@roundtable/db";
import {
  cetrByDate,
  mayDecideCarriedAction,
  meetingTypesCarryingActions,
  type AccessLevel,
  type AgreedAt,
  type CarriedAction,
  type CarriedActionDecisionBody,
  type CarriedActionRecord,
  type CarriedActionsSection,
  type CetrCarriedDecisionBody,
  type UpdateActionBody,
} from "@roundtable/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { orRefuse } from "../access/access-answer.js";
import { meetingAccessFor, type MeetingAccess } from "../access/meeting-access.js";
import { membershipCounts } from "../access/team-membership.js";
import type { Person } from "../auth/sessions.js";
import { forbidden, HttpError, notFound } from "../errors.js";
import { actionsById, changeAction, type ActionDeps } from "./actions.js";
import { fromEarlierMeetings, fromFollowedUpCetr, maxCarriedActionsPerPart, type CarryPart } from "./carry-sources.js";



/** Each child's section of a tracker meeting, or a one-child review or CETR follow-up meeting's minutes. */
function carryParts(found: MeetingAccess): CarryPart[] {
  const { meeting } = found;
  if (!meetingTypesCarryingActions.includes(meeting.type)) return [];
  if (found.sections) return found.sections;
  if (meeting.caseId && meeting.minutesDocumentId) return [{ caseId: meeting.caseId, documentId: meeting.minutesDocumentId, access: found.general }];
  // A tracker meeting booked before sections were apart has no child's part to carry into.
  return [];
}

/**
 * Carry the open actions into each part of this meeting: a child's from their earlier meetings,
 * or a follow-up's from its CETR. Only until the meeting ends, so the list it discussed is the
 * list it keeps; the unique index makes a second opening (or two at once) add nothing.
 */
async function carryInto(db: Db, person: Person, found: MeetingAccess, parts: readonly CarryPart[]): Promise<void> {
  const { meeting } = found;
  if (parts.length === 0 || (meeting.status !== "scheduled" && meeting.status !== "in-progress")) return;
  const choose = meeting.type === "cetr-follow-up" ? await fromFollowedUpCetr(db, meeting) : await fromEarlierMeetings(db, meeting, parts);
  const carried = await db
    .select({ actionId: schema.carriedActions.actionId, documentId: schema.carriedActions.documentId })
    .from(schema.carriedActions)
    .where(inArray(schema.carriedActions.documentId, parts.map((p) => p.documentId)));
  const rows = parts.flatMap((part) => {
    const already = new Set(carried.filter((c) => c.documentId === part.documentId).map((c) => c.actionId));
    const room = maxCarriedActionsPerPart - already.size;
    const ids = choose(part, already).slice(0, Math.max(0, room));
    return ids.map((actionId) => ({ actionId, documentId: part.documentId, meetingId: meeting.id, caseId: part.caseId, carriedBy: person.id }));
  });
  if (rows.length) await db.insert(schema.carriedActions).values(rows).onConflictDoNothing();
}

/** Where a carried action was agreed: the meeting whose minutes hold it, or the CETR whose report does. */
const sourceMeeting = alias(schema.meetings, "source_meeting");
const sourceCetr = alias(schema.cetrs, "source_cetr");
const agreedAtColumns = {
  meetingId: sourceMeeting.id,
  meetingTitle: sourceMeeting.title,
  meetingStartsAt: sourceMeeting.startsAt,
  cetrId: sourceCetr.id,
  cetrHeldOn: sourceCetr.heldOn,
  cetrRequestedAt: sourceCetr.requestedAt,
};
/** Oldest first, whichever kind. */
const agreedAtOrder = sql`coalesce(${sourceMeeting.startsAt}, ${sourceCetr.requestedAt})`;

type AgreedAtRow = { [K in keyof typeof agreedAtColumns]: (typeof agreedAtColumns)[K]["_"]["data"] | null };

function agreedAtOf(r: AgreedAtRow): AgreedAt | null {
  if (r.meetingId && r.meetingTitle && r.meetingStartsAt) return { kind: "meeting", meetingId: r.meetingId, title: r.meetingTitle, startsAt: r.meetingStartsAt.toISOString() };
  if (r.cetrId && r.cetrRequestedAt) return { kind: "cetr", cetrId: r.cetrId, heldOn: r.cetrHeldOn, requestedAt: r.cetrRequestedAt.toISOString() };
  return null;
}

/** Where it was agreed, in the record's words: the meeting's title, or "the CETR on …". */
function agreedAtWords(at: AgreedAt): string {
  return at.kind === "meeting" ? at.title : cetrByDate(at);
}

/** The carried actions of each child's part this person may open (a withheld child's are never read). */
async function describeCarried(db: Db, person: Person, parts: readonly CarryPart[]): Promise<CarriedActionsSection[]> {
  const open = parts.filter((p) => p.access !== "none");
  if (open.length === 0) return [];
  const decider = alias(schema.people, "decider");
  const decidedOwner = alias(schema.people, "decided_owner");
  const rows = await db
    .select({
      carried: schema.carriedActions,
      ownerId: schema.actions.ownerId,
      ...agreedAtColumns,
      deciderName: decider.name,
      decidedOwnerName: decidedOwner.name,
    })
    .from(schema.carriedActions)
    .innerJoin(schema.actions, eq(schema.actions.id, schema.carriedActions.actionId))
    .innerJoin(schema.documents, eq(schema.documents.id, schema.actions.documentId))
    .leftJoin(sourceMeeting, eq(sourceMeeting.id, schema.documents.meetingId))
    .leftJoin(sourceCetr, eq(sourceCetr.documentId, schema.actions.documentId))
    .leftJoin(decider, eq(decider.id, schema.carriedActions.decidedBy))
    .leftJoin(decidedOwner, eq(decidedOwner.id, schema.carriedActions.decidedOwnerId))
    .where(inArray(schema.carriedActions.documentId, open.map((p) => p.documentId)))
    .orderBy(asc(agreedAtOrder), asc(schema.actions.position), asc(schema.actions.id));
  const actions = await actionsById(db, person, rows.map((r) => r.carried.actionId));
  const owners = rows.flatMap((r) => (r.ownerId ? [r.ownerId] : []));
  const onTeam = owners.length
    ? await db
        .select({ caseId: schema.caseMembers.caseId, personId: schema.caseMembers.personId })
        .from(schema.caseMembers)
        .where(and(inArray(schema.caseMembers.caseId, open.map((p) => p.caseId)), inArray(schema.caseMembers.personId, owners), membershipCounts()))
    : [];
  return open.map((part) => ({
    caseId: part.caseId,
    documentId: part.documentId,
    actions: rows.flatMap((r): CarriedAction[] => {
      const c = r.carried;
      const agreedAt = agreedAtOf(r);
      if (c.documentId !== part.documentId || !actions.has(c.actionId) || !agreedAt) return [];
      return [
        {
          action: actions.get(c.actionId)!,
          agreedAt,
          ownerOnTeam: r.ownerId === null || onTeam.some((m) => m.caseId === part.caseId && m.personId === r.ownerId),
          decision: c.decision,
          decidedBy: c.decidedBy && r.deciderName ? { id: c.decidedBy, name: r.deciderName } : null,
          decidedAt: c.decidedAt?.toISOString() ?? null,
          decided: c.decision && c.decidedStatus ? { status: c.decidedStatus, dueDate: c.decidedDueDate, ownerName: r.decidedOwnerName, blockedReason: c.decidedBlockedReason } : null,
          mayDecide: mayDecideCarriedAction({ sectionAccess: part.access }),
        },
      ];
    }),
  }));
}

/** "Actions from the last meeting" for each child's part of the meeting this person may open, carrying any newly open ones first. */
export async function listCarriedActions(db: Db, person: Person, meetingId: string): Promise<CarriedActionsSection[]> {
  const found = orRefuse(await meetingAccessFor(db, person, meetingId));
  const parts = carryParts(found);
  await carryInto(db, person, found, parts);
  return describeCarried(db, person, parts);
}

/** The change a decision makes to the action itself; none when the meeting confirms it is on track. */
function changeFor(body: CarriedActionDecisionBody | CetrCarriedDecisionBody): UpdateActionBody | null {
  switch (body.decision) {
    case "confirmed":
      return null;
    case "done":
    case "cancelled":
      return { status: body.decision };
    case "updated":
      return body.change;
  }
}

/**
 * Confirm, update or close an action this meeting carried. Only an action carried into a part of
 * *this* meeting that the person may edit: any other id — someone else's action, another child's,
 * one never carried — is not found, so the mechanism, not a route, bounds what can be changed.
 */
export async function decideCarriedAction(deps: ActionDeps, person: Person, meetingId: string, actionId: string, body: CarriedActionDecisionBody): Promise<CarriedActionsSection[]> {
  const { db } = deps;
  const found = orRefuse(await meetingAccessFor(db, person, meetingId));
  const parts = carryParts(found);
  const [carried] = await db
    .select({ id: schema.carriedActions.id, documentId: schema.carriedActions.documentId })
    .from(schema.carriedActions)
    .where(and(eq(schema.carriedActions.meetingId, meetingId), eq(schema.carriedActions.actionId, actionId)));
  const part = carried && parts.find((p) => p.documentId === carried.documentId && p.access !== "none");
  if (!carried || !part) throw notFound("That action");
  if (!mayDecideCarriedAction({ sectionAccess: part.access })) throw forbidden("Only someone writing this child's part of the minutes can confirm, update or close the actions carried into it.");
  await decideCarried(deps, person, { carriedId: carried.id, actionId, access: part.access, reviewedAt: found.meeting.title }, body);
  return describeCarried(db, person, [part]);
}

/**
 * Apply what a meeting or CETR decided about an action it carried (its carry-over row found and
 * the decider's right checked by the caller): the change goes through changeAction into the
 * action's own document; the action's history says where it was reviewed; the row keeps the
 * decision and where the action stood then, and why it was closed when a CETR closed it.
 */
export async function decideCarried(
  deps: ActionDeps,
  person: Person,
  where: { carriedId: string; actionId: string; access: AccessLevel; reviewedAt: string },
  body: CarriedActionDecisionBody | CetrCarriedDecisionBody,
): Promise<void> {
  const { db } = deps;
  const [action] = await db.select().from(schema.actions).where(eq(schema.actions.id, where.actionId));
  if (!action) throw notFound("That action");
  if (action.removedAt) throw new HttpError(409, "This action has been removed from where it was agreed, so it cannot be changed.");
  const change = changeFor(body);
  if (change) await changeAction(deps, person, { id: action.id, documentId: action.documentId, caseId: action.caseId, ownerId: action.ownerId, status: action.status, removedAt: null }, where.access, change);
  const [after] = await db.select().from(schema.actions).where(eq(schema.actions.id, where.actionId));
  await db.transaction(async (tx) => {
    await tx.insert(schema.actionEvents).values({ actionId: where.actionId, field: "reviewed", fromValue: null, toValue: where.reviewedAt, byId: person.id });
    await tx
      .update(schema.carriedActions)
      .set({
        decision: body.decision,
        decidedBy: person.id,
        decidedAt: new Date(),
        decidedStatus: after!.status,
        decidedDueDate: after!.dueDate,
        decidedOwnerId: after!.ownerId,
        decidedBlockedReason: after!.blockedReason,
        closedReason: body.decision === "cancelled" && "reason" in body ? body.reason : null,
      })
      .where(eq(schema.carriedActions.id, where.carriedId));
  });
}

/**
 * The carried actions of one child's part as the minutes' record shows them (carriedActionBlocks
 * words them): each where it stood when this meeting decided, or stands now if it was not
 * reviewed. Read only: the caller has checked the reader may open that part.
 */
export async function carriedActionRecords(db: Db, documentId: string): Promise<CarriedActionRecord[]> {
  const rows = await db
    .select({ carried: schema.carriedActions, action: schema.actions, ...agreedAtColumns })
    .from(schema.carriedActions)
    .innerJoin(schema.actions, eq(schema.actions.id, schema.carriedActions.actionId))
    .innerJoin(schema.documents, eq(schema.documents.id, schema.actions.documentId))
    .leftJoin(sourceMeeting, eq(sourceMeeting.id, schema.documents.meetingId))
    .leftJoin(sourceCetr, eq(sourceCetr.documentId, schema.actions.documentId))
    .where(eq(schema.carriedActions.documentId, documentId))
    .orderBy(asc(agreedAtOrder), asc(schema.actions.position), asc(schema.actions.id));
  return rows.flatMap(({ carried: c, action, ...source }) => {
    const agreedAt = agreedAtOf(source);
    if (!agreedAt) return [];
    const stood = c.decision
      ? { status: c.decidedStatus ?? action.status, dueDate: c.decidedDueDate, ownerId: c.decidedOwnerId, blockedReason: c.decidedBlockedReason }
      : { status: action.status, dueDate: action.dueDate, ownerId: action.ownerId, blockedReason: action.blockedReason };
    return [{ actionId: action.id, text: action.text, ...stood, ownerAgencyId: action.ownerAgencyId, agreedAt: agreedAtWords(agreedAt), decision: c.decision }];
  });
}
