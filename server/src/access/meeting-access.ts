/**
 * Meeting access: looks up the facts the rule in packages/domain needs (chair, invitee, roles on
 * the meeting's cases) for one or many meetings at once.
 */
import { schema, type Db } from "@roundtable/db";
import { meetingAccess, type AccessLevel } from "@roundtable/domain";
import { and, eq, inArray } from "drizzle-orm";
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

export async function meetingAccessMap(db: Db, person: Person, meetingIds: readonly string[]): Promise<Map<string, { meeting: MeetingRow; access: AccessLevel }>> {
  const result = new Map<string, { meeting: MeetingRow; access: AccessLevel }>();
  if (meetingIds.length === 0) return result;
  const ids = [...new Set(meetingIds)];
  // Four independent look-ups, asked side by side.
  const [meetings, invited, roles, covered] = await Promise.all([
    db.select().from(schema.meetings).where(inArray(schema.meetings.id, ids)),
    db
      .select({ meetingId: schema.meetingInvitees.meetingId })
      .from(schema.meetingInvitees)
      .where(and(inArray(schema.meetingInvitees.meetingId, ids), eq(schema.meetingInvitees.personId, person.id))),
    db
      .select({ meetingId: schema.meetingCases.meetingId, role: schema.caseMembers.role })
      .from(schema.meetingCases)
      .innerJoin(schema.caseMembers, and(eq(schema.caseMembers.caseId, schema.meetingCases.caseId), eq(schema.caseMembers.personId, person.id)))
      .where(and(inArray(schema.meetingCases.meetingId, ids), membershipCounts())),
    db
      .select({ meetingId: schema.meetingCases.meetingId, caseId: schema.meetingCases.caseId })
      .from(schema.meetingCases)
      .where(inArray(schema.meetingCases.meetingId, ids)),
  ]);
  const invitedTo = new Set(invited.map((i) => i.meetingId));
  const sharing = await casesSharingWith(db, person.agencyId, covered.map((c) => c.caseId));
  for (const meeting of meetings) {
    const access = meetingAccess({
      accountRole: person.role,
      visibility: meeting.visibility,
      isChair: meeting.chairId === person.id,
      isInvitee: invitedTo.has(meeting.id),
      caseRoles: roles.filter((r) => r.meetingId === meeting.id).map((r) => r.role),
      sameService: meeting.serviceId === person.serviceId,
      sharingConsented: covered.filter((c) => c.meetingId === meeting.id).every((c) => sharing.has(c.caseId)),
      minutesAgreed: meeting.status === "minutes-agreed",
    });
    result.set(meeting.id, { meeting, access });
  }
  return result;
}

/** The meeting and what this person may do with it; refused as not found when they may not know it exists. */
export async function meetingAccessFor(db: Db, person: Person, meetingId: string): Promise<AccessAnswer<{ meeting: MeetingRow; access: AccessLevel }>> {
  const found = (await meetingAccessMap(db, person, [meetingId])).get(meetingId);
  if (!found || found.access === "none") return notFoundRefusal("That meeting");
  return granted(found);
}
