/**
 * Meeting access: looks up the facts the rule in packages/domain needs (chair, invitee, roles on
 * the meeting's cases) for one or many meetings at once.
 */
import { schema, type Db } from "@roundtable/db";
import { meetingAccess, meetingPartsAccess, type AccessLevel } from "@roundtable/domain";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { granted, notFoundRefusal, type AccessAnswer } from "./access-answer.js";
import { membershipCounts } from "./team-membership.js";
import type { Person } from "../auth/sessions.js";
import { casesSharingWith } from "./sharing-consent.js";

export type MeetingRow = typeof schema.meetings.$inferSelect;

/** The children a meeting is about. */
export async function caseIdsOfMeeting(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db.select({ caseId: schema.meetingCases.caseId }).from(schema.meetingCases).where(eq(schema.meetingCases.meetingId, meetingId));
  return rows.map((r) => r.caseId);
}

/** One child's section of a tracker meeting's minutes (ADR 0017), and what this person may do with it. */
export interface MeetingSection {
  caseId: string;
  documentId: string;
  access: AccessLevel;
}

export interface MeetingAccess {
  meeting: MeetingRow;
  /** The meeting: at least one section opens. */
  access: AccessLevel;
  /** The meeting's own minutes (a tracker meeting's general business). */
  general: AccessLevel;
  /**
   * A tracker meeting with a minutes document per child: each child's section, in the meeting's
   * order. Null for a one-child meeting and for a tracker meeting booked before sections were
   * apart, whose one document needs every child (the rule as it was).
   */
  sections: MeetingSection[] | null;
}

export async function meetingAccessMap(db: Db, person: Person, meetingIds: readonly string[]): Promise<Map<string, MeetingAccess>> {
  const result = new Map<string, MeetingAccess>();
  if (meetingIds.length === 0) return result;
  const ids = [...new Set(meetingIds)];
  // Five independent look-ups, asked side by side.
  const [meetings, invited, roles, covered, sectionDocuments] = await Promise.all([
    db.select().from(schema.meetings).where(inArray(schema.meetings.id, ids)),
    db
      .select({ meetingId: schema.meetingInvitees.meetingId })
      .from(schema.meetingInvitees)
      .where(and(inArray(schema.meetingInvitees.meetingId, ids), eq(schema.meetingInvitees.personId, person.id))),
    db
      .select({ meetingId: schema.meetingCases.meetingId, caseId: schema.meetingCases.caseId, role: schema.caseMembers.role })
      .from(schema.meetingCases)
      .innerJoin(schema.caseMembers, and(eq(schema.caseMembers.caseId, schema.meetingCases.caseId), eq(schema.caseMembers.personId, person.id)))
      .where(and(inArray(schema.meetingCases.meetingId, ids), membershipCounts())),
    db
      .select({ meetingId: schema.meetingCases.meetingId, caseId: schema.meetingCases.caseId })
      .from(schema.meetingCases)
      .where(inArray(schema.meetingCases.meetingId, ids))
      .orderBy(asc(schema.meetingCases.position)),
    db
      .select({ meetingId: schema.documents.meetingId, caseId: schema.documents.caseId, id: schema.documents.id })
      .from(schema.documents)
      .innerJoin(schema.meetings, eq(schema.meetings.id, schema.documents.meetingId))
      .where(and(inArray(schema.documents.meetingId, ids), eq(schema.meetings.type, "tracker"), eq(schema.documents.kind, "minutes"), isNotNull(schema.documents.caseId))),
  ]);
  const invitedTo = new Set(invited.map((i) => i.meetingId));
  const sharing = await casesSharingWith(db, person.agencyId, covered.map((c) => c.caseId));
  for (const meeting of meetings) {
    const question = {
      accountRole: person.role,
      visibility: meeting.visibility,
      isChair: meeting.chairId === person.id,
      isInvitee: invitedTo.has(meeting.id),
      sameService: meeting.serviceId === person.serviceId,
      minutesAgreed: meeting.status === "minutes-agreed",
    };
    const myRoles = roles.filter((r) => r.meetingId === meeting.id);
    const caseIds = covered.filter((c) => c.meetingId === meeting.id).map((c) => c.caseId);
    const documentOf = new Map(sectionDocuments.filter((d) => d.meetingId === meeting.id).map((d) => [d.caseId!, d.id]));
    if (documentOf.size === 0) {
      const access = meetingAccess({ ...question, caseRoles: myRoles.map((r) => r.role), sharingConsented: caseIds.every((c) => sharing.has(c)) });
      result.set(meeting.id, { meeting, access, general: access, sections: null });
      continue;
    }
    const parts = meetingPartsAccess(
      question,
      caseIds.map((caseId) => ({ caseRole: myRoles.find((r) => r.caseId === caseId)?.role ?? null, sharingConsented: sharing.has(caseId) })),
    );
    const sections = caseIds.flatMap((caseId, i) => {
      const documentId = documentOf.get(caseId);
      return documentId ? [{ caseId, documentId, access: parts.cases[i]! }] : [];
    });
    result.set(meeting.id, { meeting, access: parts.meeting, general: parts.general, sections });
  }
  return result;
}

/** What this person may do with one of a meeting's minutes documents: its section's answer, or the general business's. */
export function minutesDocumentAccess(found: MeetingAccess, documentId: string): AccessLevel {
  if (!found.sections || documentId === found.meeting.minutesDocumentId) return found.general;
  return found.sections.find((s) => s.documentId === documentId)?.access ?? "none";
}

/** The meeting and what this person may do with it; refused as not found when they may not know it exists. */
export async function meetingAccessFor(db: Db, person: Person, meetingId: string): Promise<AccessAnswer<MeetingAccess>> {
  const found = (await meetingAccessMap(db, person, [meetingId])).get(meetingId);
  if (!found || found.access === "none") return notFoundRefusal("That meeting");
  return granted(found);
}
