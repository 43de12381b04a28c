/**
 * Calls back when the server says a meeting changed (started, ended, someone's attendance, the
 * agenda item, a new contribution), so the page can read it again. Bursts become one call;
 * after a reconnect it calls back too, since messages sent while offline are lost.
 *
 * The server sends "meeting:changed" only to sockets in the "meeting:<id>" presence room: the
 * meeting page's "Who is here" list keeps the page in that room.
 */
import { useEffect, useRef } from "react";
import { presenceSocket, readMeetingChanged } from "./presence-socket";

export const meetingChangedDebounceMs = 150;

export function useMeetingChanged(meetingId: string, callback: () => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });

  useEffect(() => {
    const socket = presenceSocket();
    let timer: number | undefined;
    let wasDisconnected = false;

    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), meetingChangedDebounceMs);
    };
    const onChanged = (message: unknown) => {
      if (readMeetingChanged(message) === meetingId) later();
    };
    const onDisconnect = () => {
      wasDisconnected = true;
    };
    const onConnect = () => {
      if (wasDisconnected) later();
      wasDisconnected = false;
    };

    socket.on("meeting:changed", onChanged);
    socket.on("disconnect", onDisconnect);
    socket.on("connect", onConnect);
    return () => {
      window.clearTimeout(timer);
      socket.off("meeting:changed", onChanged);
      socket.off("disconnect", onDisconnect);
      socket.off("connect", onConnect);
    };
  }, [meetingId]);
}
