/**
 * One socket.io connection per signed-in tab, shared by every presence list and by the news
 * that actions changed. The session
 * cookie authenticates it (same origin). Closed on sign-out so the next person starts fresh.
 */
import type { PresentPerson } from "@roundtable/domain";
import { io, type Socket } from "socket.io-client";

export interface PresenceUpdate {
  room: string;
  people: PresentPerson[];
}

interface ServerToClientEvents {
  presence: (update: unknown) => void;
  /** Actions on a case changed: sent to everyone in "case:<id>" and to each owner. */
  "actions:changed": (change: unknown) => void;
  /** A meeting's status, attendance, agenda item or contributions changed: sent to "meeting:<id>". */
  "meeting:changed": (change: unknown) => void;
}

interface ClientToServerEvents {
  "presence:join": (message: { room: string }) => void;
  "presence:leave": (message: { room: string }) => void;
}

export type PresenceSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: PresenceSocket | null = null;

export function presenceSocket(): PresenceSocket {
  socket ??= io({ path: "/socket.io", withCredentials: true });
  return socket;
}

export function closePresenceSocket(): void {
  socket?.disconnect();
  socket = null;
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
