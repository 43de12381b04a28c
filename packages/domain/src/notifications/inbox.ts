/** The inbox on the wire: a page of notifications, and the header's unread count. */
import type { LiveNotification } from "../wire/socket-events.js";

/** One notification in the inbox, as GET /api/notifications reports it. */
export interface InboxNotification extends LiveNotification {
  createdAt: string;
  read: boolean;
}

/** A page of the inbox, newest first; `older` is the cursor for the next page, or null at the end. */
export interface InboxPage {
  notifications: InboxNotification[];
  older: string | null;
}

/** How many unread notifications the header shows; `more` when only the newest were counted. */
export interface UnreadCount {
  unread: number;
  more: boolean;
}

/** "3", or "99+" past the cap, or "40+" when older ones were not counted. */
export function unreadCountText(count: UnreadCount, cap = 99): string {
  if (count.unread > cap) return `${cap}+`;
  return count.more ? `${count.unread}+` : String(count.unread);
}
