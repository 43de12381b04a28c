/**
 * Calls back when the server says something about one record changed (a socket.io event whose
 * message names it), so the page can read it again. Bursts become one call; after a reconnect
 * it calls back too, since messages sent while offline are lost.
 */
import { useEffect, useRef } from "react";
import type { ServerToClientEvent } from "@roundtable/domain";
import { holdRoom, presenceSocket } from "./presence-socket";

export const serverNewsDebounceMs = 150;

export interface ServerNews {
  /** The socket.io event, e.g. "meeting:changed". */
  event: Extract<ServerToClientEvent, "meeting:changed" | "comments:changed" | "case:changed" | "map-picture:changed">;
  /** Which record a message is about, read with the contract's reader (null when it is not a message of this kind). */
  read(message: unknown): string | null;
  /** The record this page shows. */
  id: string;
  /** A room to hold while the page is open, when nothing else on the page holds it. */
  room?: string;
}

export function useServerNews({ event, read, id, room }: ServerNews, callback: () => void): void {
  const latest = useRef({ callback, read });
  useEffect(() => {
    latest.current = { callback, read };
  });

  useEffect(() => {
    const socket = presenceSocket();
    let timer: number | undefined;
    let wasDisconnected = false;

    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current.callback(), serverNewsDebounceMs);
    };
    const onNews = (message: unknown) => {
      if (latest.current.read(message) === id) later();
    };
    const onDisconnect = () => {
      wasDisconnected = true;
    };
    const onConnect = () => {
      if (wasDisconnected) later();
      wasDisconnected = false;
    };

    socket.on(event, onNews);
    socket.on("disconnect", onDisconnect);
    socket.on("connect", onConnect);
    const release = room ? holdRoom(room) : () => {};
    return () => {
      window.clearTimeout(timer);
      release();
      socket.off(event, onNews);
      socket.off("disconnect", onDisconnect);
      socket.off("connect", onConnect);
    };
  }, [event, id, room]);
}
