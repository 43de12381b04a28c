/**
 * Demo tracker meetings (ADR 0017, ADR 0027): one four weeks ago about Jamie and Aisha, its
 * minutes agreed with actions still open, and the next one in five days. Opening the next one
 * shows each child's "Actions from the last meeting" — the same actions, carried forward.
 * Helen Morris (ICB) is invited for Jamie; Aisha's family does not share with the ICB, so she
 * sees Jamie's section only.
 */
import { randomUUID } from "node:crypto";
import { actionItem, caseHeading, heading, newMinutesState, newRichTextState, paragraph } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { meetingTypeLabels, type ActionStatus, type MeetingStatus } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { defaultAgenda } from "../meetings/default-agenda.js";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface DemoChild {
  id: string;
  name: string;
}

interface DemoAction {
  text: string;
  owner: string;
  status: ActionStatus;
  dueInDays: number;
}

interface Seeding {
  serviceId: string;
  children: readonly DemoChild[];
  idOf(key: string): string;
}

export async function seedTrackerMeetings(tx: Tx, s: Seeding): Promise<void> {
  const [jamie, aisha] = s.children;
  await seedTracker(tx, s, {
    daysFromNow: -28,
    status: "minutes-agreed",
    notes: new Map([
      [
        jamie!.id,
        {
          said: "Jamie has been to school two mornings a week. Claire says evenings are still hard.",
          actions: [
            { text: "Find a Saturday youth club Jamie could try, and go with him the first time", owner: "priya", status: "in-progress", dueInDays: 10 },
            { text: "Ask the GP to review Jamie's sleep medication", owner: "ben", status: "open", dueInDays: 12 },
            { text: "Send Claire the short breaks application form", owner: "lucy", status: "done", dueInDays: -20 },
          ],
        },
      ],
      [
        aisha!.id,
        {
          said: "Aisha's move to Riverside Academy is agreed for January.",
          actions: [{ text: "Arrange a visit to the new school with Aisha and her dad", owner: "sophie", status: "open", dueInDays: 14 }],
        },
      ],
    ]),
  });
  await seedTracker(tx, s, { daysFromNow: 5, status: "scheduled", invitee: "helen", notes: new Map() });
}

interface TrackerSeed {
  daysFromNow: number;
  status: MeetingStatus;
  invitee?: string;
  notes: Map<string, { said: string; actions: DemoAction[] }>;
}

async function seedTracker(tx: Tx, s: Seeding, t: TrackerSeed): Promise<void> {
  const startsAt = new Date();
  startsAt.setDate(startsAt.getDate() + t.daysFromNow);
  startsAt.setHours(10, 0, 0, 0);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(startsAt).replace(/,/g, "");
  const title = `${meetingTypeLabels.tracker}, ${day}`;
  const chairId = s.idOf("tom");
  const [meeting] = await tx
    .insert(schema.meetings)
    .values({ serviceId: s.serviceId, type: "tracker", title, startsAt, location: "Northbridge Family Centre", visibility: "professionals", chairId, caseId: null, status: t.status })
    .returning({ id: schema.meetings.id });
  const meetingId = meeting!.id;
  await tx.insert(schema.meetingCases).values(s.children.map((c, position) => ({ meetingId, caseId: c.id, position })));
  if (t.invitee) await tx.insert(schema.meetingInvitees).values({ meetingId, personId: s.idOf(t.invitee) });
  const minutes = { meetingId, kind: "minutes" as const, visibility: "professionals" as const, createdBy: chairId };
  const [general] = await tx
    .insert(schema.documents)
    .values({ ...minutes, caseId: null, title: `Minutes: ${title}`, snapshot: newMinutesState({ agenda: defaultAgenda("tracker", s.children.map((c) => c.name)), sectionsApart: true }) })
    .returning({ id: schema.documents.id });
  for (const child of s.children) {
    const written = t.notes.get(child.id);
    const state = newRichTextState([
      caseHeading(child.name, child.id),
      heading("Notes", 3),
      paragraph(written?.said ?? ""),
      heading("Actions", 3),
      ...(written?.actions ?? []).map((a) => actionItem(a.text, { id: randomUUID(), ownerId: s.idOf(a.owner), status: a.status, dueDate: isoDateInDays(a.dueInDays) })),
      paragraph(""),
    ]);
    const [doc] = await tx.insert(schema.documents).values({ ...minutes, caseId: child.id, title: `Minutes: ${title} (${child.name})`, snapshot: state }).returning({ id: schema.documents.id });
    if (t.status === "minutes-agreed") await tx.insert(schema.documentVersions).values({ documentId: doc!.id, name: "Agreed minutes", state, createdBy: chairId });
  }
  await tx.update(schema.meetings).set({ minutesDocumentId: general!.id }).where(eq(schema.meetings.id, meetingId));
}

function isoDateInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}
