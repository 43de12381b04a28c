/**
 * One socket.io connection per signed-in tab, shared by every presence list and by the news
 * that actions, meetings or comments changed. The session cookie authenticates it (same
 * origin). Closed on sign-out so the next person starts fresh.
 */
import type { PresentPerson } from "@roundtable/domain";
import { io, type Socket } from "socket.io-client";

export interface PresenceUpdate {
  room: string;
  people: PresentPerson[];
}

export interface ServerToClientEvents {
  presence: (update: unknown) => void;
  /** Actions on a case changed: sent to everyone in "case:<id>" and to each owner. */
  "actions:changed": (change: unknown) => void;
  /** A meeting's status, attendance, agenda item or contributions changed: sent to "meeting:<id>". */
  "meeting:changed": (change: unknown) => void;
  /** A document's comments changed (added, replied to, resolved, reopened): sent to "document:<id>". */
  "comments:changed": (change: unknown) => void;
}

interface ClientToServerEvents {
  "presence:join": (message: { room: string }) => void;
  "presence:leave": (message: { room: string }) => void;
}

export type PresenceSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: PresenceSocket | null = null;
/** How many parts of the page are in each room, on the current socket. */
let roomHolds = new Map<string, number>();

export function presenceSocket(): PresenceSocket {
  socket ??= io({ path: "/socket.io", withCredentials: true });
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

function isPresentPerson(value: unknown): value is PresentPerson {
  if (typeof value !== "object" || value === null) return false;
  const person = value as Record<string, unknown>;
  return (
    typeof person.personId === "string" &&
    typeof person.name === "string" &&
    typeof person.role === "string" &&
    typeof person.colour === "string"
  );
}

/** The server's message is checked before it reaches the screen, like any other edge. */
export function readPresenceUpdate(value: unknown): PresenceUpdate | null {
  if (typeof value !== "object" || value === null) return null;
  const message = value as Record<string, unknown>;
  if (typeof message.room !== "string" || !Array.isArray(message.people)) return null;
  if (!message.people.every(isPresentPerson)) return null;
  return { room: message.room, people: message.people };
}

export interface ActionsChanged {
  caseId: string;
  actionIds: string[];
}

export function readActionsChanged(value: unknown): ActionsChanged | null {
  if (typeof value !== "object" || value === null) return null;
  const message = value as Record<string, unknown>;
  if (typeof message.caseId !== "string" || !Array.isArray(message.actionIds)) return null;
  if (!message.actionIds.every((id) => typeof id === "string")) return null;
  return { caseId: message.caseId, actionIds: message.actionIds };
}

/** The id of the meeting that changed, or null when the message is not one. */
export function readMeetingChanged(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const meetingId = (value as Record<string, unknown>).meetingId;
  return typeof meetingId === "string" ? meetingId : null;
}

/** The id of the document whose comments changed, or null when the message is not one. */
export function readCommentsChanged(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const documentId = (value as Record<string, unknown>).documentId;
  return typeof documentId === "string" ? documentId : null;
}
