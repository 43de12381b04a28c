/**
 * When who may see a case changes — a member removed, their role changed, consent recorded or
 * withdrawn — open connections are checked again at once: a websocket to a document the person
 * may no longer open is closed with 4403 (their client shows that access has ended and clears
 * its copy), one whose edit rights changed is closed with 1008 so the client reconnects with
 * what it may do now, and their presence sockets leave rooms they may no longer be in. Only a
 * refusal closes or evicts anyone. Every collab connection is asked about before any is closed,
 * and each presence room before anyone leaves it; a check the database cannot answer throws and
 * stops the re-check where it is, having acted only on refusals, and AccessEnforcer runs the
 * whole of it again (ADR 0015).
 */
import { closeCodes, type CollabConnection } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import type { AccessLevel } from "@roundtable/domain";
import { eq, inArray, or } from "drizzle-orm";
import type { Logger } from "pino";
import { documentAccessFor } from "./access.js";
import { askedOnce, mayOpenOnce, type RecordKind } from "./may-open.js";
import { personById, type Person } from "../auth/sessions.js";

/** The documents open in memory and who is connected to each (the collab room registry). */
export interface OpenDocuments {
  isLoaded(documentId: string): boolean;
  connectionsTo(documentId: string): Iterable<CollabConnection>;
}

/** The presence rooms (socket.io): take out of rooms the people who may no longer be in them. */
export interface PresenceRooms {
  /** Asks `mayStay` of everyone in a room before taking anyone out; a question that throws leaves the room as it was. */
  evict(rooms: readonly string[], mayStay: (person: Person, room: string) => Promise<boolean>): Promise<void>;
}

export interface AccessEnforcementDeps {
  db: Db;
  registry: OpenDocuments;
  presence: () => PresenceRooms | null;
  log: Logger;
}

/**
 * Close a connection whose person may now do less or more than it was opened with: 4403 when
 * they may no longer open the document, 1008 (reconnect with the new rights) when editing
 * changed. True if it was closed.
 */
function closeIfAccessChanged(conn: CollabConnection, access: AccessLevel): boolean {
  if (access === "none") {
    conn.close(closeCodes.accessRevoked, "Your access to this record has been withdrawn");
    return true;
  }
  if ((access === "edit") !== conn.canEdit) {
    conn.close(closeCodes.policy, "What you may do with this document has changed");
    return true;
  }
  return false;
}

/** Re-check every open connection to the case's records. Throws, having disconnected nobody, when a check cannot be made. */
export async function enforceCaseAccess({ db, registry, presence, log }: AccessEnforcementDeps, caseId: string): Promise<void> {
  const meetingIds = (await db.select({ id: schema.meetingCases.meetingId }).from(schema.meetingCases).where(eq(schema.meetingCases.caseId, caseId))).map((m) => m.id);
  const documents = await db
    .select({ id: schema.documents.id })
    .from(schema.documents)
    .where(meetingIds.length > 0 ? or(eq(schema.documents.caseId, caseId), inArray(schema.documents.meetingId, meetingIds)) : eq(schema.documents.caseId, caseId));

  const personOnce = askedOnce<Person | null>();
  const accessTo = async (personId: string, documentId: string): Promise<AccessLevel> => {
    const person = await personOnce(personId, () => personById(db, personId));
    if (!person) return "none";
    const answer = await documentAccessFor(db, person, documentId);
    return answer.ok ? answer.access : "none";
  };

  const answers: { conn: CollabConnection; access: AccessLevel }[] = [];
  for (const { id } of documents) {
    if (!registry.isLoaded(id)) continue;
    for (const conn of registry.connectionsTo(id)) answers.push({ conn, access: await accessTo(conn.personId, id) });
  }
  const closed = answers.filter(({ conn, access }) => closeIfAccessChanged(conn, access)).length;
  if (closed > 0) log.info({ caseId, closed }, "closed connections after an access change");

  const live = presence();
  if (!live) return;
  const mayOpen = mayOpenOnce(db);
  const rooms = [`case:${caseId}`, ...documents.map((d) => `document:${d.id}`), ...meetingIds.map((m) => `meeting:${m}`)];
  await live.evict(rooms, (person, room) => {
    const split = room.indexOf(":");
    return mayOpen(person, room.slice(0, split) as RecordKind, room.slice(split + 1));
  });
}
