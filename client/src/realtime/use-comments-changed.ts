/**
 * Calls back when the server says a document's comments changed (one added, replied to,
 * resolved or reopened), so the comments can be read again. Bursts become one call; after a
 * reconnect it calls back too, since messages sent while offline are lost.
 *
 * The server sends "comments:changed" only to sockets in the "document:<id>" room. A care plan's
 * page is there already for its "Who is here" list, but minutes open on the meeting page, which
 * is in the meeting's room, so this holds the document's room itself.
 */
import { useEffect, useRef } from "react";
import { holdRoom, presenceSocket, readCommentsChanged } from "./presence-socket";

export const commentsChangedDebounceMs = 150;

export function useCommentsChanged(documentId: string, callback: () => void): void {
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
      timer = window.setTimeout(() => latest.current(), commentsChangedDebounceMs);
    };
    const onChanged = (message: unknown) => {
      if (readCommentsChanged(message) === documentId) later();
    };
    const onDisconnect = () => {
      wasDisconnected = true;
    };
    const onConnect = () => {
      if (wasDisconnected) later();
      wasDisconnected = false;
    };

    socket.on("comments:changed", onChanged);
    socket.on("disconnect", onDisconnect);
    socket.on("connect", onConnect);
    const release = holdRoom(`document:${documentId}`);
    return () => {
      window.clearTimeout(timer);
      release();
      socket.off("comments:changed", onChanged);
      socket.off("disconnect", onDisconnect);
      socket.off("connect", onConnect);
    };
  }, [documentId]);
}
