/**
 * Calls back when the server says actions changed, so a list can fetch them again. Bursts
 * (someone changing several at once) become one call, ~200 ms after the last message. After a
 * reconnect it calls back too: messages sent while offline are lost.
 *
 * The server sends "actions:changed" to sockets in a case's presence room (the case page's
 * presence list joins it) and to each owner's own room, which every socket is in.
 */
import { readServerMessage, type ActionsChanged } from "@roundtable/domain";
import { useEffect, useRef } from "react";
import { presenceSocket } from "./presence-socket";

export const actionsChangedDebounceMs = 200;

export function useActionsChanged(callback: (change: ActionsChanged | null) => void, options: { caseId?: string } = {}): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  const { caseId } = options;

  useEffect(() => {
    const socket = presenceSocket();
    let timer: number | undefined;
    let lastChange: ActionsChanged | null = null;
    let wasDisconnected = false;

    const later = (change: ActionsChanged | null) => {
      lastChange = change;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(lastChange), actionsChangedDebounceMs);
    };
    const onChanged = (message: unknown) => {
      const change = readServerMessage("actions:changed", message);
      if (change && (caseId === undefined || change.caseId === caseId)) later(change);
    };
    const onDisconnect = () => {
      wasDisconnected = true;
    };
    const onConnect = () => {
      if (wasDisconnected) later(null);
      wasDisconnected = false;
    };

    socket.on("actions:changed", onChanged);
    socket.on("disconnect", onDisconnect);
    socket.on("connect", onConnect);
    return () => {
      window.clearTimeout(timer);
      socket.off("actions:changed", onChanged);
      socket.off("disconnect", onDisconnect);
      socket.off("connect", onConnect);
    };
  }, [caseId]);
}
