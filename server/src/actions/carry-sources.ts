/**
 * Where a meeting's carried actions come from (ADR 0027): a tracker or review meeting takes each
 * child's open actions from the minutes of their earlier meetings (actionsToCarry); a CETR
 * follow-up takes the open actions of the CETR it follows up, and no others
 * (cetrFollowUpActionsToCarry). The facts are looked up here; the rules are packages/domain's.
 */
import { schema, type Db } from "@roundtable/db";
import { actionsToCarry, cetrFollowUpActionsToCarry, outstandingStatuses, type AccessLevel } from "@roundtable/domain";
import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MeetingRow } from "../access/meeting-access.js";

/** The most actions one child's part of a meeting takes up: a bound on what one read writes. */
export const maxCarriedActionsPerPart = 200;

/** A part of a meeting actions are carried into: one child's minutes, and what the person may do with them. */
export interface CarryPart {
  caseId: string;
  documentId: string;
  access: AccessLevel;
}

/** Which actions to carry into one part of the meeting, given those already carried into it. */
export type Chooser = (part: CarryPart, alreadyCarried: ReadonlySet<string>) => string[];

/** A tracker or review meeting: each child's outstanding actions agreed in the minutes of their earlier meetings (actionsToCarry). */
export async function fromEarlierMeetings(db: Db, meeting: MeetingRow, parts: readonly CarryPart[]): Promise<Chooser> {
  const sourceMeeting = alias(schema.meetings, "source_meeting");
  const candidates = await db
    .select({
      id: schema.actions.id,
      caseId: schema.actions.caseId,
      status: schema.actions.status,
      meetingId: schema.documents.meetingId,
      meetingStartsAt: sourceMeeting.startsAt,
      visibility: schema.documents.visibility,
    })
    .from(schema.actions)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.actions.documentId))
    .innerJoin(sourceMeeting, eq(sourceMeeting.id, schema.documents.meetingId))
    .where(
      and(
        inArray(schema.actions.caseId, parts.map((p) => p.caseId)),
        isNull(schema.actions.removedAt),
        inArray(schema.actions.status, [...outstandingStatuses]),
        eq(sourceMeeting.serviceId, meeting.serviceId),
        lt(sourceMeeting.startsAt, meeting.startsAt),
      ),
    )
    .orderBy(asc(sourceMeeting.startsAt), asc(schema.actions.position))
    .limit(maxCarriedActionsPerPart * parts.length);
  return (part, already) => {
    const target = { caseId: part.caseId, meetingId: meeting.id, startsAt: meeting.startsAt, visibility: meeting.visibility };
    return actionsToCarry(target, candidates.map((c) => ({ ...c, removed: false })), already);
  };
}

/**
 * A CETR follow-up: the outstanding actions of the CETR it follows up — agreed in its report, or
 * carried into it from an earlier CETR — and no others (cetrFollowUpActionsToCarry).
 */
export async function fromFollowedUpCetr(db: Db, meeting: MeetingRow): Promise<Chooser> {
  const [cetr] = meeting.cetrId ? await db.select().from(schema.cetrs).where(eq(schema.cetrs.id, meeting.cetrId)) : [];
  if (!cetr) return () => [];
  const carriedIntoCetr = new Set(
    (
      await db
        .select({ actionId: schema.carriedActions.actionId })
        .from(schema.carriedActions)
        .where(and(eq(schema.carriedActions.cetrId, cetr.id), eq(schema.carriedActions.documentId, cetr.documentId)))
        .limit(maxCarriedActionsPerPart)
    ).map((c) => c.actionId),
  );
  const agreedIn = alias(schema.cetrs, "agreed_in");
  const candidates = await db
    .select({ id: schema.actions.id, caseId: schema.actions.caseId, status: schema.actions.status, agreedInCetrId: agreedIn.id, agreedInStatus: agreedIn.status })
    .from(schema.actions)
    .leftJoin(agreedIn, eq(agreedIn.documentId, schema.actions.documentId))
    .where(
      and(
        eq(schema.actions.caseId, cetr.caseId),
        isNull(schema.actions.removedAt),
        inArray(schema.actions.status, [...outstandingStatuses]),
        carriedIntoCetr.size > 0 ? or(eq(schema.actions.documentId, cetr.documentId), inArray(schema.actions.id, [...carriedIntoCetr])) : eq(schema.actions.documentId, cetr.documentId),
      ),
    )
    .orderBy(asc(agreedIn.requestedAt), asc(schema.actions.position), asc(schema.actions.id))
    .limit(maxCarriedActionsPerPart * 2);
  const target = { caseId: cetr.caseId, cetrId: cetr.id, cetrAgreed: cetr.status === "agreed", visibility: meeting.visibility };
  const facts = candidates.map((c) => ({
    id: c.id,
    caseId: c.caseId,
    status: c.status,
    removed: false,
    agreedInCetrId: c.agreedInCetrId,
    agreedInCetrAgreed: c.agreedInStatus === "agreed",
    carriedIntoCetrIds: carriedIntoCetr.has(c.id) ? [cetr.id] : [],
  }));
  return (part, already) => (part.caseId === cetr.caseId ? cetrFollowUpActionsToCarry(target, facts, already) : []);
}
