/**
 * The notifications the server pushes to this person while Roundtable is open ("notification"
 * on socket.io, sent to their own room wherever they are), newest first. Only what arrived since
 * the page opened: the stored inbox is read from the API.
 */
import { readServerMessage, type LiveNotification } from "@roundtable/domain";
import { useEffect, useState } from "react";
import { presenceSocket } from "./presence-socket";

/** Enough to say what is new; older ones are in the inbox. */
export const notificationsKept = 20;

export function useNotifications(): LiveNotification[] {
  const [latest, setLatest] = useState<LiveNotification[]>([]);

  useEffect(() => {
    const socket = presenceSocket();
    const onNotification = (message: unknown) => {
      const notification = readServerMessage("notification", message);
      if (!notification) return;
      setLatest((current) => [notification, ...current.filter((n) => n.id !== notification.id)].slice(0, notificationsKept));
    };
    socket.on("notification", onNotification);
    return () => {
      socket.off("notification", onNotification);
    };
  }, []);

  return latest;
}
