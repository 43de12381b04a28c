/**
 * The inbox on screen: pages read at different times (the newest again when something arrives,
 * older ones as the reader asks) make one list, newest first, each notification once — the
 * later reading of it wins (it may have been read since).
 */
import type { InboxNotification } from "@roundtable/domain";

export function mergeNotifications(current: readonly InboxNotification[], later: readonly InboxNotification[]): InboxNotification[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  for (const n of later) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
}

/** The same list with these marked read (all of them when `ids` is omitted). */
export function markedRead(list: readonly InboxNotification[], ids?: ReadonlySet<string>): InboxNotification[] {
  return list.map((n) => (n.read || (ids && !ids.has(n.id)) ? n : { ...n, read: true }));
}
