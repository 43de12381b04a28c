/**
 * Reading and clearing one's own notifications. A notification names what it is about (an
 * overdue action's words, a meeting's title), so it is listed and counted only while its reader
 * may still open the record it links to: someone taken off a case, or whose agency the family
 * stopped sharing with, no longer sees what they were told about it. Every query is bounded:
 * a page is at most `limit` rows, the unread count reads at most the newest `unreadCounted`
 * unread rows, and "mark all as read" marks at most `markAllBound` at a time.
 */
import { schema, type Db } from "@roundtable/db";
import type { InboxNotification, InboxPage, UnreadCount } from "@roundtable/domain";
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { mayOpenEach, type RecordKind } from "../access/may-open.js";
import type { Person } from "../auth/sessions.js";
import { notFound } from "../errors.js";

/** The header says "99+" past this; reading one more row tells us whether there are more. */
export const unreadCounted = 100;
/** At most this many are marked read by one "mark all as read"; the rest by the next. */
export const markAllBound = 1000;

type NotificationRow = typeof schema.notifications.$inferSelect;

/** The record a notification's link opens: a document, a meeting, or a case (its team page, say). */
const recordLink = /^\/(documents|meetings|cases)\/([0-9a-f-]{36})(?:[/#?].*)?$/i;
const recordKinds = { documents: "document", meetings: "meeting", cases: "case" } as const;

/** The record a notification links to, if any. */
function linkedRecord(link: string | null): { kind: RecordKind; id: string } | null {
  const match = link ? recordLink.exec(link) : null;
  if (!match) return null;
  const [, kind, id] = match as unknown as [string, string, string];
  return { kind: recordKinds[kind.toLowerCase() as keyof typeof recordKinds], id: id.toLowerCase() };
}

/**
 * Which of these rows the person may still open the record of: each kind of record asked once
 * for all the rows, so the header's count on every poll costs a few queries, not one check per
 * record.
 */
export async function stillOpenable<T extends Pick<NotificationRow, "link">>(db: Db, person: Person, rows: readonly T[]): Promise<T[]> {
  const records = rows.map((n) => linkedRecord(n.link));
  const idsOf = (kind: RecordKind) => records.flatMap((r) => (r?.kind === kind ? [r.id] : []));
  const kinds = ["case", "document", "meeting"] as const;
  const openable = await Promise.all(kinds.map((kind) => mayOpenEach(db, person, kind, idsOf(kind))));
  const open = new Map(kinds.map((kind, i) => [kind, openable[i]!]));
  return rows.filter((_, i) => {
    const record = records[i];
    return !record || open.get(record.kind)!.has(record.id);
  });
}

function view(n: NotificationRow): InboxNotification {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null };
}

/** Rows older than this one of the person's (by time, then id): the next page after it. */
function olderThan(person: Person, cursorId: string): SQL {
  const n = schema.notifications;
  return sql`(${n.createdAt}, ${n.id}) < (select c.created_at, c.id from ${n} c where c.id = ${cursorId} and c.person_id = ${person.id})`;
}

/** A page of the person's notifications, newest first: `limit` rows read, those still openable shown. */
export async function listInbox(db: Db, person: Person, page: { older?: string; limit: number }): Promise<InboxPage> {
  const n = schema.notifications;
  const rows = await db
    .select()
    .from(n)
    .where(and(eq(n.personId, person.id), page.older ? olderThan(person, page.older) : undefined))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(page.limit);
  const shown = await stillOpenable(db, person, rows);
  return { notifications: shown.map(view), older: rows.length === page.limit ? (rows.at(-1)?.id ?? null) : null };
}

/** How many of the person's newest unread notifications they may still open. */
export async function unreadCount(db: Db, person: Person): Promise<UnreadCount> {
  const n = schema.notifications;
  const rows = await db
    .select({ id: n.id, link: n.link })
    .from(n)
    .where(and(eq(n.personId, person.id), isNull(n.readAt)))
    .orderBy(desc(n.createdAt))
    .limit(unreadCounted);
  return { unread: (await stillOpenable(db, person, rows)).length, more: rows.length === unreadCounted };
}

/** Mark one of the person's own notifications read; anyone else's is "not found". */
export async function markRead(db: Db, person: Person, id: string): Promise<void> {
  const n = schema.notifications;
  const updated = await db
    .update(n)
    .set({ readAt: sql`coalesce(${n.readAt}, now())` })
    .where(and(eq(n.id, id), eq(n.personId, person.id)))
    .returning({ id: n.id });
  if (updated.length === 0) throw notFound("That notification");
}

/** Mark the person's unread notifications read, newest first, at most `markAllBound` of them. */
export async function markAllRead(db: Db, person: Person): Promise<{ marked: number; more: boolean }> {
  const n = schema.notifications;
  const unread = db
    .select({ id: n.id })
    .from(n)
    .where(and(eq(n.personId, person.id), isNull(n.readAt)))
    .orderBy(desc(n.createdAt))
    .limit(markAllBound);
  const marked = await db
    .update(n)
    .set({ readAt: new Date() })
    .where(and(eq(n.personId, person.id), inArray(n.id, unread)))
    .returning({ id: n.id });
  return { marked: marked.length, more: marked.length === markAllBound };
}
