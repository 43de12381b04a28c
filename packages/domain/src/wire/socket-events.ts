/**
 * The socket.io wire contract: every event either side sends, with its payload, and a zod
 * reader for each payload that arrives. The server types its `Server`/`Socket` with these
 * maps and reads what clients send with `clientToServerPayloads`; the browser types its
 * `Socket` with them and reads what the server sends with `readServerMessage`. A payload
 * changed on one side only fails the typecheck on the other.
 *
 * Rooms: a socket joins "case:<id>", "document:<id>" or "meeting:<id>" after the same access
 * check the REST API makes, and is always in "person:<id>", its own.
 */
import { z } from "zod";
import { presentPersonSchema } from "../presence.js";

/** A room a client may ask to join or leave. */
export const roomRequestSchema = z.object({
  room: z.string().regex(/^(case|document|meeting):[0-9a-f-]{36}$/i, "Room must be case:<id>, document:<id> or meeting:<id>"),
});
export type RoomRequest = z.infer<typeof roomRequestSchema>;

/** The server's answer to "presence:join". */
export type JoinReply = { ok: true } | { ok: false; error: string };

/** Who is in a room now: sent to everyone in it whenever it changes, and on joining. */
export const presenceUpdateSchema = z.object({ room: z.string(), people: z.array(presentPersonSchema) });
export type PresenceUpdate = z.infer<typeof presenceUpdateSchema>;

/** Actions on a case changed: sent to everyone in "case:<id>" and to each owner who may open the document. */
export const actionsChangedSchema = z.object({ caseId: z.string(), actionIds: z.array(z.string()) });
export type ActionsChanged = z.infer<typeof actionsChangedSchema>;

/**
 * Something every professional on a case sees changed (its RAG rating): sent to the sockets in
 * "case:<id>" whose person sees the rating (seesRiskRating) — never to the family, for whom
 * nothing they see has changed, and who must not learn that the rating did.
 */
export const caseChangedSchema = z.object({ caseId: z.string() });
export type CaseChanged = z.infer<typeof caseChangedSchema>;

/** A meeting's status, attendance, agenda item or contributions changed: sent to "meeting:<id>". */
export const meetingChangedSchema = z.object({ meetingId: z.string() });
export type MeetingChanged = z.infer<typeof meetingChangedSchema>;

/** A document's comments changed (added, replied to, resolved, reopened): sent to "document:<id>". */
export const commentsChangedSchema = z.object({ documentId: z.string() });
export type CommentsChanged = z.infer<typeof commentsChangedSchema>;

/** The young person's picture on a network map was added, changed or removed: sent to "document:<id>". */
export const mapPictureChangedSchema = z.object({ documentId: z.string() });
export type MapPictureChanged = z.infer<typeof mapPictureChangedSchema>;

/** The person may no longer be in this room (taken off the case, consent withdrawn): they have been taken out of it. */
export const accessRevokedSchema = z.object({ room: z.string() });
export type AccessRevoked = z.infer<typeof accessRevokedSchema>;

/** A notification just stored for this person: sent to "person:<id>" wherever they have Roundtable open. */
export const liveNotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside Roundtable, e.g. /meetings/<id>. */
  link: z.string().nullable(),
});
export type LiveNotification = z.infer<typeof liveNotificationSchema>;

/** Server → client: each event's reader. */
export const serverToClientPayloads = {
  presence: presenceUpdateSchema,
  "actions:changed": actionsChangedSchema,
  "case:changed": caseChangedSchema,
  "meeting:changed": meetingChangedSchema,
  "comments:changed": commentsChangedSchema,
  "map-picture:changed": mapPictureChangedSchema,
  "access:revoked": accessRevokedSchema,
  notification: liveNotificationSchema,
} as const;

type ServerToClientPayloads = typeof serverToClientPayloads;
export type ServerToClientEvent = keyof ServerToClientPayloads;
export type ServerToClientPayload<E extends ServerToClientEvent> = z.infer<ServerToClientPayloads[E]>;

/** The event map for socket.io's generics: what the server emits and the client listens to. */
export type ServerToClientEvents = {
  [E in ServerToClientEvent]: (payload: ServerToClientPayload<E>) => void;
};

/** Client → server: each event's reader (the server trusts nothing a client sends). */
export const clientToServerPayloads = {
  "presence:join": roomRequestSchema,
  "presence:leave": roomRequestSchema,
} as const;

/** The event map for socket.io's generics: what the client emits and the server listens to. */
export interface ClientToServerEvents {
  /** Answered with `JoinReply` when the client asks for an answer. */
  "presence:join": (request: RoomRequest, reply?: (answer: JoinReply) => void) => void;
  "presence:leave": (request: RoomRequest) => void;
}

/** A server message checked before it is used: its payload, or null when it is not one of its kind. */
export function readServerMessage<E extends ServerToClientEvent>(event: E, message: unknown): ServerToClientPayload<E> | null {
  const read = serverToClientPayloads[event].safeParse(message);
  return read.success ? (read.data as ServerToClientPayload<E>) : null;
}
