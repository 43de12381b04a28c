/**
 * One socket.io connection per signed-in tab, shared by every presence list, by the news that
 * actions, meetings or comments changed, by notifications and by the word that access to a room
 * was withdrawn. The session cookie authenticates it (same origin). Closed on sign-out so the
 * next person starts fresh.
 */
import { readServerMessage, type ClientToServerEvents, type ServerToClientEvents } from "@roundtable/domain";
import { io, type Socket } from "socket.io-client";

/** Typed with the wire contract (packages/domain `wire/socket-events.ts`) the server is typed with too. */
export type PresenceSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: PresenceSocket | null = null;
/** How many parts of the page are in each room, on the current socket. */
let roomHolds = new Map<string, number>();

export function presenceSocket(): PresenceSocket {
  // Straight to a websocket, without engine.io's long-polling start (three requests, two of them
  // one after the other, over a slow line): the documents need websockets anyway (ADR 0031).
  socket ??= io({ path: "/socket.io", withCredentials: true, transports: ["websocket"] });
  return socket;
}

export function closePresenceSocket(): void {
  socket?.disconnect();
  socket = null;
  roomHolds = new Map();
}

/**
 * Be in a room, joining again after every reconnect (the server forgets us), until the returned
 * function is called. Two parts of a page can be in the same room (who is here, and a document's
 * comments): the room is left only when the last of them lets go, or one leaving would silence
 * the other. Every hold asks to join, so each one hears who is there.
 */
export function holdRoom(room: string): () => void {
  const held = presenceSocket();
  const holds = roomHolds;
  holds.set(room, (holds.get(room) ?? 0) + 1);
  const join = () => held.emit("presence:join", { room });
  held.on("connect", join);
  if (held.connected) join();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.off("connect", join);
    const remaining = (holds.get(room) ?? 1) - 1;
    if (remaining > 0) {
      holds.set(room, remaining);
      return;
    }
    holds.delete(room);
    if (held.connected) held.emit("presence:leave", { room });
  };
}

/**
 * Calls back when the server takes this page out of a room it may no longer be in ("access:revoked":
 * taken off the case, or the family stopped sharing with their agency). The message is read with
 * the contract's reader, like every message from the server.
 */
export function onAccessRevoked(room: string, callback: () => void): () => void {
  const held = presenceSocket();
  const onRevoked = (message: unknown) => {
    if (readServerMessage("access:revoked", message)?.room === room) callback();
  };
  held.on("access:revoked", onRevoked);
  return () => {
    held.off("access:revoked", onRevoked);
  };
}
