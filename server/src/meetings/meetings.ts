/**
 * Meeting use-cases: book a meeting (with its minutes document), describe it, list a case's
 * meetings, move it through its lifecycle (freezing the minutes as named versions), record
 * attendance and the current agenda item, and collect written contributions beforehand.
 */
import { newMinutesState } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import {
  applyMeetingCommand,
  atLeast,
  mayBookMeetings,
  inviteeRefusal,
  meetingTypeLabels,
  meetingVisibilityFor,
  type Attendance,
  type CreateMeetingBody,
  type Meeting,
  type MeetingCommand,
  type MeetingContribution,
  type MeetingVisibility,
} from "@roundtable/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { RoomRegistry } from "../collab/room-registry.js";
import type { AccessAnnouncer } from "../access/access-announcer.js";
import { orRefuse } from "../access/access-answer.js";
import type { Notifier } from "../notifications/notifier.js";
import { forbidden, HttpError } from "../errors.js";
import { defaultAgenda } from "./default-agenda.js";
import { visibleCase, type CaseRow } from "../access/access.js";
import { caseIdsOfMeeting, meetingAccessFor, meetingAccessMap, type MeetingRow } from "../access/meeting-access.js";
import { personById, type Person } from "../auth/sessions.js";
import { membershipCounts } from "../access/team-membership.js";

export async function createMeeting(db: Db, person: Person, body: CreateMeetingBody): Promise<Meeting> {
  if (!mayBookMeetings(person.role)) throw forbidden("Only keyworkers, senior keyworkers, service leads and ICB leads can book meetings.");
  const caseIds = body.type === "tracker" ? [...new Set(body.caseIds ?? [])] : [body.caseId!];
  const cases: CaseRow[] = [];
  for (const caseId of caseIds) cases.push(orRefuse(await visibleCase(db, person, caseId)).caseRow);
  const visibility = meetingVisibilityFor(body.type, body.visibility);
  await checkInvitees(db, person, caseIds, visibility, body.inviteeIds);
  const title = body.title || (body.type === "tracker" ? `${meetingTypeLabels.tracker}` : `${meetingTypeLabels[body.type]}: ${cases[0]!.name}`);
  const meetingId = await db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(schema.meetings)
      .values({
        serviceId: person.serviceId,
        type: body.type,
        title,
        startsAt: new Date(body.startsAt),
        location: body.location ?? null,
        onlineLink: body.onlineLink ?? null,
        visibility,
        chairId: person.id,
        caseId: body.type === "tracker" ? null : caseIds[0]!,
      })
      .returning({ id: schema.meetings.id });
    const id = meeting!.id;
    await tx.insert(schema.meetingCases).values(caseIds.map((caseId, position) => ({ meetingId: id, caseId, position })));
    const inviteeIds = [...new Set(body.inviteeIds)].filter((i) => i !== person.id);
    if (inviteeIds.length) await tx.insert(schema.meetingInvitees).values(inviteeIds.map((personId) => ({ meetingId: id, personId })));
    const [minutes] = await tx
      .insert(schema.documents)
      .values({
        caseId: body.type === "tracker" ? null : caseIds[0]!,
        meetingId: id,
        kind: "minutes",
        title: `Minutes: ${title}`,
        visibility: visibility === "professionals" ? "professionals" : "family",
        snapshot: newMinutesState({
          agenda: defaultAgenda(body.type, cases.map((c) => c.name)),
          cases: body.type === "tracker" ? cases.map((c) => ({ id: c.id, name: c.name })) : undefined,
        }),
        createdBy: person.id,
      })
      .returning({ id: schema.documents.id });
    await tx.update(schema.meetings).set({ minutesDocumentId: minutes!.id }).where(eq(schema.meetings.id, id));
    return id;
  });
  return getMeeting(db, person, meetingId);
}

/** Everyone invited must be someone the rules let in (`inviteeRefusal`); the first refusal is the answer. */
async function checkInvitees(db: Db, person: Person, caseIds: readonly string[], visibility: MeetingVisibility, inviteeIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(inviteeIds)].filter((id) => id !== person.id);
  if (wanted.length === 0) return;
  const people = await db
    .select({ id: schema.people.id, serviceId: schema.people.serviceId, role: schema.people.role })
    .from(schema.people)
    .where(inArray(schema.people.id, wanted));
  if (people.length !== wanted.length || people.some((p) => p.serviceId !== person.serviceId)) {
    throw new HttpError(400, "The request body is not valid.", { inviteeIds: "Invite people from this service only" });
  }
  const members = await db
    .select({ personId: schema.caseMembers.personId })
    .from(schema.caseMembers)
    .where(and(inArray(schema.caseMembers.caseId, [...caseIds]), inArray(schema.caseMembers.personId, wanted), membershipCounts()));
  const onCoveredTeam = new Set(members.map((m) => m.personId));
  for (const p of people) {
    const refusal = inviteeRefusal({ visibility, accountRole: p.role, onCoveredTeam: onCoveredTeam.has(p.id) });
    if (refusal) throw new HttpError(400, "The request body is not valid.", { inviteeIds: refusal });
  }
}

async function describe(db: Db, meeting: MeetingRow): Promise<Meeting> {
  const [chair] = await db.select({ id: schema.people.id, name: schema.people.name }).from(schema.people).where(eq(schema.people.id, meeting.chairId));
  const cases = await db
    .select({ id: schema.cases.id, name: schema.cases.name, ragRating: schema.cases.ragRating })
    .from(schema.meetingCases)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.meetingCases.caseId))
    .where(eq(schema.meetingCases.meetingId, meeting.id))
    .orderBy(asc(schema.meetingCases.position));
  const invitees = await db
    .select({ personId: schema.people.id, name: schema.people.name, role: schema.people.role, agency: schema.agencies.name, attendance: schema.meetingInvitees.attendance })
    .from(schema.meetingInvitees)
    .innerJoin(schema.people, eq(schema.people.id, schema.meetingInvitees.personId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.people.agencyId))
    .where(eq(schema.meetingInvitees.meetingId, meeting.id))
    .orderBy(asc(schema.people.name));
  return {
    id: meeting.id,
    type: meeting.type,
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    location: meeting.location,
    onlineLink: meeting.onlineLink,
    status: meeting.status,
    visibility: meeting.visibility,
    chair: chair!,
    caseId: meeting.caseId,
    cases,
    invitees,
    minutesDocumentId: meeting.minutesDocumentId!,
    currentAgendaItem: meeting.currentAgendaItem,
  };
}

export async function getMeeting(db: Db, person: Person, meetingId: string): Promise<Meeting> {
  const { meeting } = orRefuse(await meetingAccessFor(db, person, meetingId));
  return describe(db, meeting);
}

/** A case's meetings the person may see, soonest first (tracker meetings that review it included). */
export async function listCaseMeetings(db: Db, person: Person, caseId: string): Promise<Meeting[]> {
  orRefuse(await visibleCase(db, person, caseId));
  const rows = await db
    .select({ id: schema.meetingCases.meetingId })
    .from(schema.meetingCases)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.meetingCases.meetingId))
    .where(eq(schema.meetingCases.caseId, caseId))
    .orderBy(desc(schema.meetings.startsAt));
  const access = await meetingAccessMap(db, person, rows.map((r) => r.id));
  const visible = [...access.values()].filter((a) => a.access !== "none").map((a) => a.meeting);
  visible.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return Promise.all(visible.map((m) => describe(db, m)));
}

export interface MeetingDeps {
  db: Db;
  registry: RoomRegistry;
  notifier: Notifier;
  access: AccessAnnouncer;
}

async function requireChairOrEditor(db: Db, person: Person, meetingId: string): Promise<MeetingRow> {
  const { meeting, access } = orRefuse(await meetingAccessFor(db, person, meetingId));
  if (meeting.chairId !== person.id && !atLeast(access, "edit")) throw forbidden("Only the chair or someone writing the minutes can do that.");
  return meeting;
}

/** The minutes as they stand, read without keeping them in memory (see RoomRegistry.readState). */
export async function minutesState({ registry }: MeetingDeps, documentId: string): Promise<Uint8Array> {
  return registry.readState(documentId);
}

export async function commandMeeting(deps: MeetingDeps, person: Person, meetingId: string, command: MeetingCommand): Promise<Meeting> {
  const { db } = deps;
  const meeting = await requireChairOrEditor(db, person, meetingId);
  if (command !== "start" && meeting.chairId !== person.id) throw forbidden("Only the chair can end the meeting or agree the minutes.");
  const next = applyMeetingCommand(meeting.status, command);
  if (!next.ok) throw new HttpError(409, next.reason);
  // Read the minutes before the transaction: reading them may need the database (and, on
  // embedded PGlite, a query outside an open transaction waits for it to finish).
  const freeze = command === "end" || command === "agree-minutes" ? await minutesState(deps, meeting.minutesDocumentId!) : null;
  await db.transaction(async (tx) => {
    await tx.update(schema.meetings).set({ status: next.status, updatedAt: new Date() }).where(eq(schema.meetings.id, meetingId));
    if (freeze) {
      const name = command === "end" ? "Minutes as the meeting ended" : "Agreed minutes";
      await tx.insert(schema.documentVersions).values({ documentId: meeting.minutesDocumentId!, name, state: freeze, createdBy: person.id });
    }
  });
  const described = await getMeeting(db, person, meetingId);
  if (command === "agree-minutes") {
    // Agreed minutes are the record: open editors reconnect and find them read-only.
    deps.access.editingEnded(meeting.minutesDocumentId!, "The minutes have been agreed and can no longer be changed");
    await circulateMinutes(deps, described);
  }
  return described;
}

/**
 * Agreed minutes go to the chair and everyone invited who may read them now — the same rule as
 * opening the meeting, so family accounts are never told of a professionals meeting and nobody
 * whose agency the family has not agreed to share with is told either. An in-app notification,
 * and an email in general words with a link when email is configured (docs/adr/0005).
 */
async function circulateMinutes({ db, notifier }: MeetingDeps, meeting: Meeting): Promise<void> {
  const recipients: string[] = [];
  for (const personId of new Set([meeting.chair.id, ...meeting.invitees.map((i) => i.personId)])) {
    const person = await personById(db, personId);
    if (!person) continue;
    if ((await meetingAccessFor(db, person, meeting.id)).ok) recipients.push(personId);
  }
  const when = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(new Date(meeting.startsAt));
  await notifier.notify(recipients, {
    kind: "minutes-agreed",
    title: `Minutes agreed: ${meeting.title}`,
    body: `The minutes of "${meeting.title}" on ${when} are agreed. You can read and print them in Roundtable.`,
    link: `/meetings/${meeting.id}`,
  });
}

export async function setAttendance(db: Db, person: Person, meetingId: string, personId: string, attendance: Attendance): Promise<Meeting> {
  const { meeting, access } = orRefuse(await meetingAccessFor(db, person, meetingId));
  // People record their own apologies; the chair records everyone's.
  if (personId !== person.id && meeting.chairId !== person.id) throw forbidden("Only the chair can record someone else's attendance.");
  if (personId === person.id && access === "none") throw forbidden();
  const updated = await db
    .update(schema.meetingInvitees)
    .set({ attendance, updatedAt: new Date() })
    .where(and(eq(schema.meetingInvitees.meetingId, meetingId), eq(schema.meetingInvitees.personId, personId)))
    .returning({ personId: schema.meetingInvitees.personId });
  if (updated.length === 0) throw new HttpError(400, "That person is not invited to this meeting.", { personId: "Choose someone who is invited" });
  return describe(db, meeting);
}

export async function setAgendaItem(db: Db, person: Person, meetingId: string, item: number | null): Promise<Meeting> {
  const meeting = await requireChairOrEditor(db, person, meetingId);
  await db.update(schema.meetings).set({ currentAgendaItem: item, updatedAt: new Date() }).where(eq(schema.meetings.id, meetingId));
  return describe(db, { ...meeting, currentAgendaItem: item });
}

export async function addContribution(db: Db, person: Person, meetingId: string, text: string, caseId: string | undefined): Promise<MeetingContribution> {
  // Anyone who may see the meeting may send a written contribution: that is the point of it.
  const { meeting } = orRefuse(await meetingAccessFor(db, person, meetingId));
  if (meeting.status === "minutes-agreed") throw new HttpError(409, "The minutes of this meeting are agreed; contributions are closed.");
  if (caseId && !(await caseIdsOfMeeting(db, meetingId)).includes(caseId)) {
    throw new HttpError(400, "The request body is not valid.", { caseId: "Choose a child this meeting is about" });
  }
  const [row] = await db.insert(schema.meetingContributions).values({ meetingId, personId: person.id, caseId: caseId ?? null, text }).returning();
  return { id: row!.id, personId: person.id, name: person.name, caseId: row!.caseId, text: row!.text, createdAt: row!.createdAt.toISOString() };
}

export async function listContributions(db: Db, person: Person, meetingId: string): Promise<MeetingContribution[]> {
  orRefuse(await meetingAccessFor(db, person, meetingId));
  const rows = await db
    .select({ id: schema.meetingContributions.id, personId: schema.people.id, name: schema.people.name, caseId: schema.meetingContributions.caseId, text: schema.meetingContributions.text, createdAt: schema.meetingContributions.createdAt })
    .from(schema.meetingContributions)
    .innerJoin(schema.people, eq(schema.people.id, schema.meetingContributions.personId))
    .where(eq(schema.meetingContributions.meetingId, meetingId))
    .orderBy(asc(schema.meetingContributions.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
