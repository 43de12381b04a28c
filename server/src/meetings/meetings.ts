/**
 * Meeting use-cases: book a meeting (with its minutes document), describe it, list a case's
 * meetings, move it through its lifecycle (freezing the minutes as named versions), record
 * attendance and the current agenda item, and collect written contributions beforehand.
 */
import { newCaseMinutesState, newMinutesState } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import {
  applyMeetingCommand,
  atLeast,
  mayBookMeetings,
  inviteeRefusal,
  firstNameOf,
  parentsKeptOutReason,
  teamRoleThatCounts,
  type ParentsSharing,
  meetingTypeLabels,
  meetingVisibilityFor,
  seesRiskRating,
  ukDayOf,
  type Attendance,
  type CreateMeetingBody,
  type Meeting,
  type MeetingCommand,
  type MeetingContribution,
  type MeetingInvitee,
  type MeetingVisibility,
} from "@roundtable/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { RoomRegistry } from "../collab/room-registry.js";
import type { AccessAnnouncer } from "../access/access-announcer.js";
import { orRefuse } from "../access/access-answer.js";
import type { Notifier } from "../notifications/notifier.js";
import { forbidden, HttpError } from "../errors.js";
import { defaultAgenda } from "./default-agenda.js";
import { carriedActionRecords } from "../actions/carried-actions.js";
import { visibleCase, type CaseRow, type VisibleCase } from "../access/access.js";
import { parentsSharingOf, parentsSharingTold } from "../consent/parents-sharing.js";
import { caseIdsOfMeeting, meetingAccessFor, meetingAccessMap, type MeetingAccess, type MeetingRow } from "../access/meeting-access.js";
import { casesSharingWith } from "../access/sharing-consent.js";
import { personById, type Person } from "../auth/sessions.js";
import { membershipCounts } from "../access/team-membership.js";
import { cetrToFollowUp, followedUpCetr } from "../cetrs/cetr-follow-up.js";

export async function createMeeting(db: Db, person: Person, body: CreateMeetingBody): Promise<Meeting> {
  if (!mayBookMeetings(person.role)) throw forbidden("Only keyworkers, senior keyworkers, service leads and ICB leads can book meetings.");
  const caseIds = body.type === "tracker" ? [...new Set(body.caseIds ?? [])] : [body.caseId!];
  const visible: VisibleCase[] = [];
  for (const caseId of caseIds) visible.push(orRefuse(await visibleCase(db, person, caseId)));
  const cases = visible.map((v) => v.caseRow);
  // A CETR follow-up follows up one of this child's CETRs that the booker may open.
  const followsUp = body.type === "cetr-follow-up" && body.cetrId ? await cetrToFollowUp(db, person, body.cetrId, caseIds[0]!) : null;
  const visibility = meetingVisibilityFor(body.type, body.visibility);
  await checkInvitees(db, person, visible, visibility, body.inviteeIds);
  const title = body.title || defaultTitle(body.type, cases, new Date(body.startsAt));
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
        cetrId: followsUp?.id ?? null,
      })
      .returning({ id: schema.meetings.id });
    const id = meeting!.id;
    await tx.insert(schema.meetingCases).values(caseIds.map((caseId, position) => ({ meetingId: id, caseId, position })));
    const inviteeIds = [...new Set(body.inviteeIds)].filter((i) => i !== person.id);
    if (inviteeIds.length) await tx.insert(schema.meetingInvitees).values(inviteeIds.map((personId) => ({ meetingId: id, personId })));
    const minutes = {
      meetingId: id,
      kind: "minutes" as const,
      visibility: visibility === "professionals" ? ("professionals" as const) : ("family" as const),
      createdBy: person.id,
    };
    const tracker = body.type === "tracker";
    const [general] = await tx
      .insert(schema.documents)
      .values({
        ...minutes,
        caseId: tracker ? null : caseIds[0]!,
        title: `Minutes: ${title}`,
        snapshot: newMinutesState({ agenda: defaultAgenda(body.type, cases.map((c) => c.name)), sectionsApart: tracker }),
      })
      .returning({ id: schema.documents.id });
    // A tracker meeting: each child's section is a document of its own, opened by the people
    // who may see that child's part of the meeting (ADR 0017).
    if (tracker) {
      await tx.insert(schema.documents).values(
        cases.map((c) => ({ ...minutes, caseId: c.id, title: `Minutes: ${title} (${c.name})`, snapshot: newCaseMinutesState({ id: c.id, name: c.name }) })),
      );
    }
    await tx.update(schema.meetings).set({ minutesDocumentId: general!.id }).where(eq(schema.meetings.id, id));
    return id;
  });
  return getMeeting(db, person, meetingId);
}

/**
 * Everyone invited must be someone the rules let in (`inviteeRefusal`): someone who will open at
 * least one child's part of the meeting, asked with the facts about each child that decide it —
 * their role on that child's team as it counts (`teamRoleThatCounts`: a parent the young
 * person's decision keeps out does not). The first refusal is the answer, naming the person.
 */
async function checkInvitees(db: Db, person: Person, visible: readonly VisibleCase[], visibility: MeetingVisibility, inviteeIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(inviteeIds)].filter((id) => id !== person.id);
  if (wanted.length === 0) return;
  const caseIds = visible.map((v) => v.caseRow.id);
  const people = await db
    .select({ id: schema.people.id, name: schema.people.name, serviceId: schema.people.serviceId, role: schema.people.role, agencyId: schema.people.agencyId })
    .from(schema.people)
    .where(inArray(schema.people.id, wanted));
  if (people.length !== wanted.length || people.some((p) => p.serviceId !== person.serviceId)) {
    throw new HttpError(400, "The request body is not valid.", { inviteeIds: "Invite people from this service only" });
  }
  const members = await db
    .select({ personId: schema.caseMembers.personId, caseId: schema.caseMembers.caseId, role: schema.caseMembers.role })
    .from(schema.caseMembers)
    .where(and(inArray(schema.caseMembers.caseId, caseIds), inArray(schema.caseMembers.personId, wanted)));
  const parents = new Map<string, ParentsSharing>();
  for (const v of visible) parents.set(v.caseRow.id, await parentsSharingOf(db, v.caseRow));
  const sharingByAgency = new Map<string | null, Set<string>>();
  for (const agencyId of new Set(people.map((p) => p.agencyId))) sharingByAgency.set(agencyId, await casesSharingWith(db, agencyId, caseIds));
  for (const p of people) {
    const listedAs = (caseRow: CaseRow) => members.find((m) => m.personId === p.id && m.caseId === caseRow.id)?.role ?? null;
    const cases = visible.map(({ caseRow }) => ({
      caseRole: teamRoleThatCounts(listedAs(caseRow), { isTheLinkedYoungPerson: caseRow.youngPersonId === p.id, parentsMayOpen: parents.get(caseRow.id)!.parentsMayOpen }),
      sharingConsented: sharingByAgency.get(p.agencyId)!.has(caseRow.id),
    }));
    const refusal = inviteeRefusal({ visibility, accountRole: p.role, cases });
    if (!refusal) continue;
    // A parent kept out by the young person's decision: the reason, to those told the decision;
    // to anyone else they are as if not on the team, which the rule's own words say.
    const keptOut = visible.find((v) => listedAs(v.caseRow) === "parent" && !parents.get(v.caseRow.id)!.parentsMayOpen);
    const told = keptOut && parentsSharingTold(person, keptOut, parents.get(keptOut.caseRow.id)!);
    const why = told && visibility === "family" ? `${parentsKeptOutReason(firstNameOf(keptOut.caseRow.name), told)}, so they could not open this meeting` : refusal;
    throw new HttpError(400, "The request body is not valid.", { inviteeIds: `${p.name}: ${why}` });
  }
}

/** "Tracker meeting, Tue 8 Dec 2026", "Review meeting: Jamie Walker, Tue 8 Dec 2026": the day in UK time. */
function defaultTitle(type: CreateMeetingBody["type"], cases: readonly CaseRow[], startsAt: Date): string {
  const day = ukDayOf(startsAt);
  return type === "tracker" ? `${meetingTypeLabels.tracker}, ${day}` : `${meetingTypeLabels[type]}: ${cases[0]!.name}, ${day}`;
}

/**
 * The meeting as this person may see it: a person who may open only some children's sections of
 * a tracker meeting is told those children, and how many others are withheld, never their names.
 */
async function describe(db: Db, reader: Person, found: MeetingAccess): Promise<Meeting> {
  const { meeting, sections } = found;
  const [chair] = await db.select({ id: schema.people.id, name: schema.people.name }).from(schema.people).where(eq(schema.people.id, meeting.chairId));
  const allCases = await db
    .select({ id: schema.cases.id, name: schema.cases.name, ragRating: schema.cases.ragRating })
    .from(schema.meetingCases)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.meetingCases.caseId))
    .where(eq(schema.meetingCases.meetingId, meeting.id))
    .orderBy(asc(schema.meetingCases.position));
  const open = sections?.filter((s) => s.access !== "none") ?? null;
  const shown = open ? allCases.filter((c) => open.some((s) => s.caseId === c.id)) : allCases;
  const cases = seesRiskRating(reader.role) ? shown : shown.map((c) => ({ ...c, ragRating: null }));
  const invitees = await db
    .select({ personId: schema.people.id, name: schema.people.name, role: schema.people.role, agency: schema.agencies.name, attendance: schema.meetingInvitees.attendance })
    .from(schema.meetingInvitees)
    .innerJoin(schema.people, eq(schema.people.id, schema.meetingInvitees.personId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.people.agencyId))
    .where(eq(schema.meetingInvitees.meetingId, meeting.id))
    .orderBy(asc(schema.people.name));
  return {
    ...(await withoutWithheldTeams(db, reader, invitees, shown, allCases.length)),
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
    withheldCases: allCases.length - cases.length,
    minutesDocumentId: found.general !== "none" ? meeting.minutesDocumentId! : null,
    caseMinutes: (open ?? []).map((s) => ({ caseId: s.caseId, documentId: s.documentId })),
    currentAgendaItem: meeting.currentAgendaItem,
    followsUpCetr: await followedUpCetr(db, reader, meeting.cetrId),
  };
}

/**
 * Who is invited, as this reader may know it. When some children's sections are withheld from
 * them, so is who came for those children: an invitee is listed only when they are on the team of
 * a child the reader may see (or are the reader), since "CAMHS sent a contribution" says something
 * about a child whose name is withheld.
 */
async function withoutWithheldTeams(
  db: Db,
  reader: Person,
  invitees: MeetingInvitee[],
  shown: readonly { id: string }[],
  allCaseCount: number,
): Promise<{ invitees: MeetingInvitee[] }> {
  if (shown.length === allCaseCount || invitees.length === 0) return { invitees };
  const onShownTeams =
    shown.length === 0
      ? []
      : await db
          .select({ personId: schema.caseMembers.personId })
          .from(schema.caseMembers)
          .where(
            and(
              inArray(schema.caseMembers.caseId, shown.map((c) => c.id)),
              inArray(schema.caseMembers.personId, invitees.map((i) => i.personId)),
              membershipCounts(),
            ),
          );
  const listed = new Set([reader.id, ...onShownTeams.map((m) => m.personId)]);
  return { invitees: invitees.filter((i) => listed.has(i.personId)) };
}

export async function getMeeting(db: Db, person: Person, meetingId: string): Promise<Meeting> {
  return describe(db, person, orRefuse(await meetingAccessFor(db, person, meetingId)));
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
  // A tracker meeting is listed on a child's case to those who may open that child's section.
  const visible = [...access.values()].filter((a) => a.access !== "none" && (a.sections === null || a.sections.some((s) => s.caseId === caseId && s.access !== "none")));
  visible.sort((a, b) => b.meeting.startsAt.getTime() - a.meeting.startsAt.getTime());
  return Promise.all(visible.map((m) => describe(db, person, m)));
}

export interface MeetingDeps {
  db: Db;
  registry: RoomRegistry;
  notifier: Notifier;
  access: AccessAnnouncer;
}

async function requireChairOrEditor(db: Db, person: Person, meetingId: string): Promise<MeetingAccess> {
  const found = orRefuse(await meetingAccessFor(db, person, meetingId));
  if (found.meeting.chairId !== person.id && !atLeast(found.access, "edit")) throw forbidden("Only the chair or someone writing the minutes can do that.");
  return found;
}

/** Every minutes document of the meeting: its own, then (a tracker meeting's) each child's section. */
async function minutesDocumentIds(db: Db, meeting: MeetingRow): Promise<string[]> {
  const rows = await db
    .select({ id: schema.documents.id })
    .from(schema.documents)
    .where(and(eq(schema.documents.meetingId, meeting.id), eq(schema.documents.kind, "minutes")));
  return [meeting.minutesDocumentId!, ...rows.map((r) => r.id).filter((id) => id !== meeting.minutesDocumentId)];
}

/** The minutes as they stand, read without keeping them in memory (see RoomRegistry.readState). */
export async function minutesState({ registry }: Pick<MeetingDeps, "registry">, documentId: string): Promise<Uint8Array> {
  return registry.readState(documentId);
}

export async function commandMeeting(deps: MeetingDeps, person: Person, meetingId: string, command: MeetingCommand): Promise<Meeting> {
  const { db } = deps;
  const { meeting } = await requireChairOrEditor(db, person, meetingId);
  if (command !== "start" && meeting.chairId !== person.id) throw forbidden("Only the chair can end the meeting or agree the minutes.");
  const next = applyMeetingCommand(meeting.status, command);
  if (!next.ok) throw new HttpError(409, next.reason);
  // Read the minutes before the transaction: reading them may need the database (and, on
  // embedded PGlite, a query outside an open transaction waits for it to finish). Every part
  // is frozen: the meeting's own minutes and each child's section, with the actions carried into
  // it as they stand now, so the record shows them so whatever happens to them later (ADR 0027).
  const documentIds = await minutesDocumentIds(db, meeting);
  const freeze =
    command === "end" || command === "agree-minutes"
      ? await Promise.all(documentIds.map(async (documentId) => ({ documentId, state: await minutesState(deps, documentId), carriedActions: await carriedActionRecords(db, documentId) })))
      : [];
  await db.transaction(async (tx) => {
    await tx.update(schema.meetings).set({ status: next.status, updatedAt: new Date() }).where(eq(schema.meetings.id, meetingId));
    if (freeze.length) {
      const name = command === "end" ? "Minutes as the meeting ended" : "Agreed minutes";
      await tx.insert(schema.documentVersions).values(freeze.map((frozen) => ({ ...frozen, name, createdBy: person.id })));
    }
  });
  const described = await getMeeting(db, person, meetingId);
  if (command === "agree-minutes") {
    // Agreed minutes are the record: open editors reconnect and find them read-only.
    for (const documentId of documentIds) deps.access.editingEnded(documentId, "The minutes have been agreed and can no longer be changed");
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
  const when = ukDayOf(new Date(meeting.startsAt));
  await notifier.notify(recipients, {
    kind: "minutes-agreed",
    title: `Minutes agreed: ${meeting.title}`,
    body: `The minutes of "${meeting.title}" on ${when} are agreed. You can read and print them in Roundtable.`,
    link: `/meetings/${meeting.id}`,
  });
}

export async function setAttendance(db: Db, person: Person, meetingId: string, personId: string, attendance: Attendance): Promise<Meeting> {
  const found = orRefuse(await meetingAccessFor(db, person, meetingId));
  const { meeting, access } = found;
  // People record their own apologies; the chair records everyone's.
  if (personId !== person.id && meeting.chairId !== person.id) throw forbidden("Only the chair can record someone else's attendance.");
  if (personId === person.id && access === "none") throw forbidden();
  const updated = await db
    .update(schema.meetingInvitees)
    .set({ attendance, updatedAt: new Date() })
    .where(and(eq(schema.meetingInvitees.meetingId, meetingId), eq(schema.meetingInvitees.personId, personId)))
    .returning({ personId: schema.meetingInvitees.personId });
  if (updated.length === 0) throw new HttpError(400, "That person is not invited to this meeting.", { personId: "Choose someone who is invited" });
  return describe(db, person, found);
}

export async function setAgendaItem(db: Db, person: Person, meetingId: string, item: number | null): Promise<Meeting> {
  const found = await requireChairOrEditor(db, person, meetingId);
  await db.update(schema.meetings).set({ currentAgendaItem: item, updatedAt: new Date() }).where(eq(schema.meetings.id, meetingId));
  return describe(db, person, { ...found, meeting: { ...found.meeting, currentAgendaItem: item } });
}

/** The children whose part of the meeting this person may see; null when they may see it all. */
function casesSeen(found: MeetingAccess): Set<string> | null {
  if (found.sections === null || found.general !== "none") return null;
  return new Set(found.sections.filter((s) => s.access !== "none").map((s) => s.caseId));
}

export async function addContribution(db: Db, person: Person, meetingId: string, text: string, caseId: string | undefined): Promise<MeetingContribution> {
  // Anyone who may see the meeting may send a written contribution: that is the point of it.
  const found = orRefuse(await meetingAccessFor(db, person, meetingId));
  if (found.meeting.status === "minutes-agreed") throw new HttpError(409, "The minutes of this meeting are agreed; contributions are closed.");
  const seen = casesSeen(found);
  if (caseId && (!(await caseIdsOfMeeting(db, meetingId)).includes(caseId) || (seen && !seen.has(caseId)))) {
    throw new HttpError(400, "The request body is not valid.", { caseId: "Choose a child this meeting is about" });
  }
  // Someone who sees only some children's sections writes about one of them.
  if (!caseId && seen) throw new HttpError(400, "The request body is not valid.", { caseId: "Choose the child your contribution is about" });
  const [row] = await db.insert(schema.meetingContributions).values({ meetingId, personId: person.id, caseId: caseId ?? null, text }).returning();
  return { id: row!.id, personId: person.id, name: person.name, caseId: row!.caseId, text: row!.text, createdAt: row!.createdAt.toISOString() };
}

/** The contributions this person may read: about the children whose sections they may open. */
export async function listContributions(db: Db, person: Person, meetingId: string): Promise<MeetingContribution[]> {
  const seen = casesSeen(orRefuse(await meetingAccessFor(db, person, meetingId)));
  const rows = await db
    .select({ id: schema.meetingContributions.id, personId: schema.people.id, name: schema.people.name, caseId: schema.meetingContributions.caseId, text: schema.meetingContributions.text, createdAt: schema.meetingContributions.createdAt })
    .from(schema.meetingContributions)
    .innerJoin(schema.people, eq(schema.people.id, schema.meetingContributions.personId))
    .where(eq(schema.meetingContributions.meetingId, meetingId))
    .orderBy(asc(schema.meetingContributions.createdAt));
  return rows.filter((r) => !seen || (r.caseId !== null && seen.has(r.caseId))).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
