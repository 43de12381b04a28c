/**
 * Says, politely, that a notification has arrived while the person has Roundtable open: "New:
 * <title>", with a link to what it is about. A screen reader hears it once (a polite live
 * region, present from sign-in so the first one is announced); it stays until the next one
 * arrives or it is dismissed. Following its link marks it read, as in the inbox.
 */
import { useState } from "react";
import { Link } from "../navigation/Link";
import { useNotifications } from "../realtime/use-notifications";
import { inAppLink, markReadOnOpening } from "./in-app-link";
import "./notifications.css";

export function NewNotifications() {
  const notifications = useNotifications();
  const [dismissedId, setDismissedId] = useState<string | null>(null);
  const latest = notifications[0];
  const shown = latest && latest.id !== dismissedId ? latest : null;
  const others = notifications.length - 1;
  const link = shown ? inAppLink(shown.link) : null;

  return (
    <div className="rt-new-notification" role="status" aria-live="polite" data-testid="new-notification">
      {shown && (
        <p className="rt-new-notification__text">
          <strong>New:</strong> {link ? (
            <Link href={link} onClick={() => markReadOnOpening(shown.id)}>
              {shown.title}
            </Link>
          ) : (
            shown.title
          )}
          {others > 0 && <span className="rt-new-notification__more"> ({others} more since you opened Roundtable)</span>}{" "}
          <button type="button" className="rt-new-notification__dismiss" onClick={() => setDismissedId(shown.id)}>
            Dismiss<span className="nhsuk-u-visually-hidden"> notification</span>
          </button>
        </p>
      )}
    </div>
  );
}
