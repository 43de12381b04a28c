/**
 * "Notifications": what Roundtable has told this person, newest first, unread ones marked in
 * words as well as colour. Each links to what it is about (opening it marks it read); each can
 * be marked read, or all at once. Older ones load on request (the server gives a page at a
 * time). New ones appear while the page is open.
 */
import type { InboxNotification } from "@roundtable/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { type ApiRequestError, listNotifications, markAllNotificationsRead, markNotificationRead } from "../api/api";
import { useReadFailure } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { formatUkDateTime } from "../layout/uk-time";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { inAppLink, markReadOnOpening } from "./in-app-link";
import { markedRead, mergeNotifications } from "./inbox-list";
import { notificationsChanged } from "./unread-count";
import { useNotificationNews } from "./use-notification-news";

type Loaded = { list: InboxNotification[]; older: string | null };

export function NotificationsPage() {
  const headingRef = usePageHeading("Notifications");
  const readFailure = useReadFailure();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<ApiRequestError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);

  /** Read the newest page again and put it in with what is on screen. */
  const refresh = useCallback(() => {
    const ask = ++asked.current;
    listNotifications().then(
      (page) => {
        if (ask !== asked.current) return;
        setFailed(null);
        setLoaded((current) => (current ? { ...current, list: mergeNotifications(current.list, page.notifications) } : { list: page.notifications, older: page.older }));
      },
      (error: unknown) => {
        if (ask === asked.current) setFailed(readFailure(error));
      },
    );
  }, [readFailure]);

  useEffect(refresh, [refresh]);
  useNotificationNews(refresh);

  const act = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(readFailure(error).message);
    } finally {
      setBusy(false);
    }
  };

  const showOlder = () =>
    act(async () => {
      if (!loaded?.older) return;
      const page = await listNotifications(loaded.older);
      setLoaded((current) => (current ? { list: mergeNotifications(current.list, page.notifications), older: page.older } : current));
      setSaid(page.notifications.length === 0 ? "There are no older notifications you can still open." : `${page.notifications.length} older notifications shown.`);
    });

  const markOne = (n: InboxNotification) =>
    act(async () => {
      await markNotificationRead(n.id);
      setLoaded((current) => (current ? { ...current, list: markedRead(current.list, new Set([n.id])) } : current));
      setSaid(`Marked as read: ${n.title}`);
      notificationsChanged();
    });

  const markAll = () =>
    act(async () => {
      const answer = await markAllNotificationsRead();
      setLoaded((current) => (current ? { ...current, list: markedRead(current.list) } : current));
      setSaid(answer.more ? "Your newest 1,000 notifications are marked as read. Choose “Mark all as read” again for the rest." : "All your notifications are marked as read.");
      notificationsChanged();
    });

  const opened = (n: InboxNotification) => {
    if (!n.read) markReadOnOpening(n.id);
  };

  if (failed && !loaded) return <ProblemPage error={failed} retry={refresh} />;
  const unread = loaded?.list.filter((n) => !n.read).length ?? 0;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          Notifications
        </h1>
        <p className="nhsuk-u-visually-hidden" role="status">
          {said}
        </p>
        {problem && (
          <p className="rt-inbox__problem" role="alert">
            {problem}
          </p>
        )}
        <p>
          <Link href={paths.emailChoices()}>Choose which notifications you also get by email</Link>
        </p>
        {!loaded && <PageLoading label="Getting your notifications…" />}
        {loaded && loaded.list.length === 0 && (
          <p data-testid="inbox-empty">
            You have no notifications. Roundtable tells you here when something needs you: for example, when an action you own becomes
            overdue, or when the minutes of a meeting you were invited to are agreed.
          </p>
        )}
        {loaded && loaded.list.length > 0 && (
          <>
            {(unread > 0 || loaded.older !== null) && (
              <button type="button" className="nhsuk-button nhsuk-button--secondary rt-inbox__mark-all" aria-disabled={busy} onClick={() => void markAll()}>
                Mark all as read
              </button>
            )}
            <ul className="rt-inbox" data-testid="inbox">
              {loaded.list.map((n) => (
                <InboxItem key={n.id} notification={n} busy={busy} onMarkRead={() => void markOne(n)} onOpen={() => opened(n)} />
              ))}
            </ul>
            {loaded.older && (
              <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy} onClick={() => void showOlder()}>
                Show older notifications
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function InboxItem({ notification: n, busy, onMarkRead, onOpen }: { notification: InboxNotification; busy: boolean; onMarkRead(): void; onOpen(): void }) {
  const link = inAppLink(n.link);
  return (
    <li className={n.read ? "rt-inbox__item" : "rt-inbox__item rt-inbox__item--unread"} data-testid="inbox-item">
      <h2 className="rt-inbox__title">
        {!n.read && <strong className="nhsuk-tag nhsuk-tag--blue rt-inbox__new">Unread</strong>}{" "}
        {link ? (
          <Link href={link} onClick={onOpen}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
      </h2>
      <p className="rt-inbox__body">{n.body}</p>
      <p className="rt-inbox__when">{formatUkDateTime(n.createdAt)}</p>
      {!n.read && (
        <button type="button" className="rt-inbox__mark" aria-disabled={busy} onClick={onMarkRead}>
          Mark as read<span className="nhsuk-u-visually-hidden">: {n.title}</span>
        </button>
      )}
    </li>
  );
}
