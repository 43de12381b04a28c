/**
 * The header's "Notifications" link with the signed-in person's unread count, kept current
 * while the page is open (a notification arrives, some are marked read). The count is part of
 * the link's name ("Notifications, 3 unread"); a change is announced politely, once.
 */
import { unreadCountText, type UnreadCount } from "@roundtable/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { getUnreadCount } from "../api/api";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { countAnnouncement, notificationsLinkLabel } from "./unread-count";
import { useNotificationNews } from "./use-notification-news";
import "./notifications.css";

export function NotificationsLink() {
  const [count, setCount] = useState<UnreadCount | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const asked = useRef(0);
  const shown = useRef<UnreadCount | null>(null);

  const recount = useCallback(() => {
    const ask = ++asked.current;
    getUnreadCount().then(
      (next) => {
        if (ask !== asked.current) return; // an older answer
        const said = countAnnouncement(shown.current, next);
        if (said) setAnnouncement(said);
        shown.current = next;
        setCount(next);
      },
      () => {}, // the count stays as it was; the next news asks again
    );
  }, []);

  useEffect(recount, [recount]);
  useNotificationNews(recount);

  const unread = count && count.unread > 0 ? unreadCountText(count) : null;
  return (
    <>
      <Link className="nhsuk-header__account-link rt-notifications-link" href={paths.notifications()} aria-label={notificationsLinkLabel(count)} data-testid="notifications-link">
        Notifications
        {/* A space, so the visible words ("Notifications 3") read as the link's name begins (WCAG 2.5.3). */}
        {unread && " "}
        {unread && (
          <span className="rt-notifications-link__count" data-testid="unread-count">
            {unread}
          </span>
        )}
      </Link>
      <span className="nhsuk-u-visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
