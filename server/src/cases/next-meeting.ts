/**
 * A case's next meeting, as the reader may know it: the soonest booked meeting (scheduled, not
 * yet started) about the child that this person may open. A professionals meeting is never a
 * family's "next meeting"; a case with nothing booked has none.
 */
import { schema, type Db } from "@roundtable/db";
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { meetingAccessMap, type MeetingAccess } from "../access/meeting-access.js";
import type { Person } from "../auth/sessions.js";

/** How many booked meetings per listed case are weighed at most: the list stays bounded. */
const meetingsWeighedPerCase = 20;

export async function nextMeetingsFor(db: Db, person: Person, caseIds: readonly string[], now = new Date()): Promise<Map<string, Date>> {
  const next = new Map<string, Date>();
  if (caseIds.length === 0) return next;
  // The soonest few per case (not across all of them), so one case with many meetings booked
  // cannot leave another without its next meeting.
  const ranked = db
    .select({
      caseId: sql<string>`${schema.meetingCases.caseId}`.as("case_id"),
      meetingId: sql<string>`${schema.meetings.id}`.as("meeting_id"),
      startsAt: sql<Date>`${schema.meetings.startsAt}`.mapWith(schema.meetings.startsAt).as("starts_at"),
      rank: sql<number>`row_number() over (partition by ${schema.meetingCases.caseId} order by ${schema.meetings.startsAt}, ${schema.meetings.id})`.as("rank"),
    })
    .from(schema.meetingCases)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.meetingCases.meetingId))
    .where(and(inArray(schema.meetingCases.caseId, [...caseIds]), eq(schema.meetings.status, "scheduled"), gt(schema.meetings.startsAt, now)))
    .as("ranked");
  const booked = await db
    .select({ caseId: ranked.caseId, meetingId: ranked.meetingId, startsAt: ranked.startsAt })
    .from(ranked)
    .where(lte(ranked.rank, meetingsWeighedPerCase))
    .orderBy(asc(ranked.startsAt));
  const access = await meetingAccessMap(db, person, booked.map((b) => b.meetingId));
  for (const b of booked) {
    if (next.has(b.caseId) || !mayOpenAbout(access.get(b.meetingId), b.caseId)) continue;
    next.set(b.caseId, b.startsAt);
  }
  return next;
}

/**
 * Whether the person may open this meeting about this child: for a tracker meeting with a section
 * per child, that child's own section — opening another child's part says nothing of this one,
 * and must not say that this child is on the agenda.
 */
function mayOpenAbout(found: MeetingAccess | undefined, caseId: string): boolean {
  if (!found || found.access === "none") return false;
  if (!found.sections) return true;
  return found.sections.some((s) => s.caseId === caseId && s.access !== "none");
}
