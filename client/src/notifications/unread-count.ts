/**
 * The header's unread count: what it says, what a screen reader hears when it changes, and how
 * screens that mark notifications read tell the header to count again.
 */
import { unreadCountText, type UnreadCount } from "@roundtable/domain";

/** The link's accessible name: "Notifications", or "Notifications, 3 unread". */
export function notificationsLinkLabel(count: UnreadCount | null): string {
  return count && count.unread > 0 ? `Notifications, ${unreadCountText(count)} unread` : "Notifications";
}

/**
 * What to announce (politely) when the count changes: nothing for the first count of the page,
 * nor when what the header shows has not changed.
 */
export function countAnnouncement(previous: UnreadCount | null, next: UnreadCount): string | null {
  if (previous === null) return null;
  if (unreadCountText(previous) === unreadCountText(next)) return null;
  if (next.unread === 0) return "No unread notifications";
  return next.unread === 1 && !next.more ? "1 unread notification" : `${unreadCountText(next)} unread notifications`;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Notifications were marked read here: the header counts again. */
export function notificationsChanged(): void {
  for (const listener of listeners) listener();
}

export function onNotificationsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
