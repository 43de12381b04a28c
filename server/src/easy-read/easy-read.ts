/**
 * The easy-read view (ADR 0023): each person's choice to see it, kept on their account so it
 * follows them to another device, and a read-only snapshot of a document for it — the same
 * reader as the minutes PDF, so agreed minutes read exactly as agreed.
 */
import { schema, type Db } from "@roundtable/db";
import type { EasyReadSnapshot, ReadingPreference } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { documentAccessFor } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";
import type { MeetingDeps } from "../meetings/meetings.js";
import { minutesJson } from "../meetings/minutes-export.js";
import { actionOwnerNames } from "../pdf/action-owner-names.js";

export async function readingPreferenceOf(db: Db, personId: string): Promise<ReadingPreference> {
  const [row] = await db.select({ easyRead: schema.people.easyRead }).from(schema.people).where(eq(schema.people.id, personId)).limit(1);
  return { easyRead: row?.easyRead ?? false };
}

export async function saveReadingPreference(db: Db, personId: string, choice: ReadingPreference): Promise<ReadingPreference> {
  await db.update(schema.people).set({ easyRead: choice.easyRead }).where(eq(schema.people.id, personId));
  return { easyRead: choice.easyRead };
}

/** What the easy-read view draws: the document's content now (agreed minutes: as agreed) and the names of its actions' owners. */
export async function easyReadSnapshot(deps: Pick<MeetingDeps, "db" | "registry">, person: Person, documentId: string): Promise<EasyReadSnapshot> {
  const { document } = orRefuse(await documentAccessFor(deps.db, person, documentId));
  let agreed = false;
  if (document.kind === "minutes" && document.meetingId) {
    const [meeting] = await deps.db.select({ status: schema.meetings.status }).from(schema.meetings).where(eq(schema.meetings.id, document.meetingId)).limit(1);
    agreed = meeting?.status === "minutes-agreed";
  }
  // A meeting's part about a child starts with the actions carried from earlier meetings (ADR 0027).
  const content = await minutesJson(deps, documentId, agreed);
  const names = await actionOwnerNames(deps.db, content);
  return { documentId, title: document.title, content, names: Object.fromEntries(names) };
}
