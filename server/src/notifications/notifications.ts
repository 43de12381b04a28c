/**
 * Reading one's notifications. A notification names what it is about (an overdue action's
 * words, a meeting's title), so it is shown only while its reader may still open the record it
 * links to: someone taken off a case, or whose agency the family stopped sharing with, no longer
 * sees what they were told about it.
 */
import { schema, type Db } from "@roundtable/db";
import { desc, eq } from "drizzle-orm";
import { mayOpenOnce } from "../access/may-open.js";
import type { Person } from "../auth/sessions.js";

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

const recordLink = /^\/(documents|meetings)\/([0-9a-f-]{36})(?:[/#?].*)?$/i;

export async function listNotifications(db: Db, person: Person, limit = 50): Promise<NotificationView[]> {
  const rows = await db
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.personId, person.id))
    .orderBy(desc(schema.notifications.createdAt))
    .limit(limit);
  const mayOpen = mayOpenOnce(db);
  const mayStillOpen = (link: string | null): Promise<boolean> => {
    const match = link ? recordLink.exec(link) : null;
    if (!match) return Promise.resolve(true);
    const [, kind, id] = match as unknown as [string, string, string];
    return mayOpen(person, kind === "documents" ? "document" : "meeting", id);
  };
  const shown: NotificationView[] = [];
  for (const n of rows) {
    if (!(await mayStillOpen(n.link))) continue;
    shown.push({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null });
  }
  return shown;
}
