/**
 * Communication needs (ADR 0023), kept on the person: recorded by the person themselves, or by
 * a child's own keyworker for a family member on that child's team; shown to the person, to the
 * child's keyworker (team page) and to a meeting's chair (attendance), and to nobody else. Every
 * answer comes from the rules (mayRecordCommunicationNeeds, seesCommunicationNeeds).
 */
import { schema, type Db } from "@roundtable/db";
import {
  hasCommunicationNeeds,
  mayRecordCommunicationNeeds,
  noCommunicationNeeds,
  seesCommunicationNeeds,
  type CommunicationNeeds,
  type PersonCommunicationNeeds,
} from "@roundtable/domain";
import { and, eq, inArray } from "drizzle-orm";
import { caseRoleOf, visibleCase } from "../access/access.js";
import { forbiddenRefusal, notFoundRefusal, orRefuse } from "../access/access-answer.js";
import { meetingAccessFor } from "../access/meeting-access.js";
import { membershipCounts } from "../access/team-membership.js";
import type { Person } from "../auth/sessions.js";

export async function needsOf(db: Db, personId: string): Promise<CommunicationNeeds> {
  const [row] = await db.select({ needs: schema.people.communicationNeeds }).from(schema.people).where(eq(schema.people.id, personId)).limit(1);
  return row?.needs ?? noCommunicationNeeds;
}

async function save(db: Db, personId: string, needs: CommunicationNeeds): Promise<CommunicationNeeds> {
  await db
    .update(schema.people)
    .set({ communicationNeeds: hasCommunicationNeeds(needs) ? needs : null, updatedAt: new Date() })
    .where(eq(schema.people.id, personId));
  return needs;
}

export function saveOwnNeeds(db: Db, person: Person, needs: CommunicationNeeds): Promise<CommunicationNeeds> {
  return save(db, person.id, needs);
}

/** A team member's needs, recorded by someone the rules allow: themselves, or the child's keyworker for a family member. */
export async function recordTeamMemberNeeds(db: Db, person: Person, caseId: string, personId: string, needs: CommunicationNeeds): Promise<CommunicationNeeds> {
  const { caseRow } = orRefuse(await visibleCase(db, person, caseId));
  const subjectCaseRole = await caseRoleOf(db, personId, caseId);
  if (subjectCaseRole === null) orRefuse(notFoundRefusal("That person on this child's team"));
  const allowed = mayRecordCommunicationNeeds({ isSelf: person.id === personId, isOwnKeyworker: caseRow.keyworkerId === person.id, subjectCaseRole });
  if (!allowed) orRefuse(forbiddenRefusal("Only the child's keyworker can record a family member's communication needs, and each person can record their own."));
  return save(db, personId, needs);
}

async function recordedNeeds(db: Db, personIds: readonly string[]): Promise<PersonCommunicationNeeds[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ personId: schema.people.id, needs: schema.people.communicationNeeds })
    .from(schema.people)
    .where(inArray(schema.people.id, [...personIds]));
  return rows.flatMap((r) => (r.needs && hasCommunicationNeeds(r.needs) ? [{ personId: r.personId, needs: r.needs }] : []));
}

/** The needs of everyone on a child's team, for the child's keyworker. */
export async function teamNeeds(db: Db, person: Person, caseId: string): Promise<PersonCommunicationNeeds[]> {
  const { caseRow } = orRefuse(await visibleCase(db, person, caseId));
  if (!seesCommunicationNeeds({ isSelf: false, isOwnKeyworker: caseRow.keyworkerId === person.id, isChair: false })) {
    orRefuse(forbiddenRefusal("Only the child's keyworker is shown the team's communication needs."));
  }
  const members = await db.select({ personId: schema.caseMembers.personId }).from(schema.caseMembers).where(and(eq(schema.caseMembers.caseId, caseId), membershipCounts()));
  return recordedNeeds(
    db,
    members.map((m) => m.personId),
  );
}

/** The needs of the people invited to a meeting, for its chair. */
export async function meetingNeeds(db: Db, person: Person, meetingId: string): Promise<PersonCommunicationNeeds[]> {
  const { meeting } = orRefuse(await meetingAccessFor(db, person, meetingId));
  if (!seesCommunicationNeeds({ isSelf: false, isOwnKeyworker: false, isChair: meeting.chairId === person.id })) {
    orRefuse(forbiddenRefusal("Only the chair is shown the communication needs of the people invited."));
  }
  const invitees = await db.select({ personId: schema.meetingInvitees.personId }).from(schema.meetingInvitees).where(eq(schema.meetingInvitees.meetingId, meetingId));
  return recordedNeeds(
    db,
    invitees.map((i) => i.personId),
  );
}
