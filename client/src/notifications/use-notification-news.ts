/**
 * Calls back when this person's notifications may have changed: one arrived (socket.io
 * "notification"), some were marked read on this page, or the socket reconnected (what was
 * pushed while it was down is lost). Bursts become one call.
 */
import { useEffect, useRef } from "react";
import { presenceSocket } from "../realtime/presence-socket";
import { onNotificationsChanged } from "./unread-count";

const burstMs = 150;

export function useNotificationNews(callback: () => void): void {
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
      timer = window.setTimeout(() => latest.current(), burstMs);
    };
    const onDisconnect = () => {
      wasDisconnected = true;
    };
    const onConnect = () => {
      if (wasDisconnected) later();
      wasDisconnected = false;
    };
    socket.on("notification", later);
    socket.on("disconnect", onDisconnect);
    socket.on("connect", onConnect);
    const stop = onNotificationsChanged(later);
    return () => {
      window.clearTimeout(timer);
      socket.off("notification", later);
      socket.off("disconnect", onDisconnect);
      socket.off("connect", onConnect);
      stop();
    };
  }, []);
}
