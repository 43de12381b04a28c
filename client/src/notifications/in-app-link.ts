/** Following a notification's link: only to a path inside Roundtable, and doing so marks it read. */
import { markNotificationRead } from "../api/api";
import { safeReturnPath } from "../navigation/routes";
import { notificationsChanged } from "./unread-count";

/** The link as the screen may follow it, or none: a notification never sends anyone off the site. */
export function inAppLink(link: string | null): string | null {
  return link !== null && safeReturnPath(link) === link ? link : null;
}

/** Mark it read as its link is followed; the page it opens does not wait, and a failure leaves it unread. */
export function markReadOnOpening(notificationId: string): void {
  markNotificationRead(notificationId).then(notificationsChanged, () => {});
}
