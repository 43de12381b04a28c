/**
 * When who may see a case changes — a member removed, their role changed, consent recorded or
 * withdrawn — open connections are checked again at once: a websocket to a document the person
 * may no longer open is closed with 4403 (their client shows that access has ended), one whose
 * edit rights changed is closed with 1008 so the client reconnects with what it may do now, and
 * their presence sockets leave rooms they may no longer be in.
 */
import { closeCodes, type CollabConnection } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import type { AccessLevel } from "@roundtable/domain";
import { eq, inArray, or } from "drizzle-orm";
import type { Logger } from "pino";
import { documentAccessFor, visibleCase } from "./access.js";
import type { AccessChanges } from "./access-changes.js";
import { meetingAccessFor } from "./meeting-access.js";
import { accessOrNone, allows } from "./may-open.js";
import { personById, type Person } from "../auth/sessions.js";

/** The documents open in memory and who is connected to each (the collab room registry). */
export interface OpenDocuments {
  isLoaded(documentId: string): boolean;
  connectionsTo(documentId: string): Iterable<CollabConnection>;
}

/** The presence rooms (socket.io): take out of rooms the people who may no longer be in them. */
export interface PresenceRooms {
  evict(rooms: readonly string[], mayStay: (person: Person, room: string) => Promise<boolean>): Promise<void>;
}

export interface AccessEnforcementDeps {
  db: Db;
  registry: OpenDocuments;
  presence: () => PresenceRooms | null;
  log: Logger;
  accessChanges: AccessChanges;
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

export async function enforceCaseAccess({ db, registry, presence, log, accessChanges }: AccessEnforcementDeps, caseId: string): Promise<void> {
  // Connections being let in right now ask again before joining (see AccessChanges).
  accessChanges.changed();
  const meetingIds = (await db.select({ id: schema.meetingCases.meetingId }).from(schema.meetingCases).where(eq(schema.meetingCases.caseId, caseId))).map((m) => m.id);
  const documents = await db
    .select({ id: schema.documents.id })
    .from(schema.documents)
    .where(meetingIds.length > 0 ? or(eq(schema.documents.caseId, caseId), inArray(schema.documents.meetingId, meetingIds)) : eq(schema.documents.caseId, caseId));

  const people = new Map<string, Promise<Person | null>>();
  const personOf = (id: string) => {
    if (!people.has(id)) people.set(id, personById(db, id));
    return people.get(id)!;
  };
  const accessTo = async (personId: string, documentId: string): Promise<AccessLevel> => {
    const person = await personOf(personId);
    if (!person) return "none";
    return accessOrNone(documentAccessFor(db, person, documentId));
  };

  let closed = 0;
  for (const { id } of documents) {
    if (!registry.isLoaded(id)) continue;
    for (const conn of registry.connectionsTo(id)) {
      if (closeIfAccessChanged(conn, await accessTo(conn.personId, id))) closed++;
    }
  }
  if (closed > 0) log.info({ caseId, closed }, "closed connections after an access change");

  const live = presence();
  if (!live) return;
  const idIn = (room: string) => room.slice(room.indexOf(":") + 1);
  await live.evict([`case:${caseId}`], (person) => allows(visibleCase(db, person, caseId)));
  await live.evict(
    documents.map((d) => `document:${d.id}`),
    async (person, room) => (await accessTo(person.id, idIn(room))) !== "none",
  );
  await live.evict(
    meetingIds.map((m) => `meeting:${m}`),
    (person, room) => allows(meetingAccessFor(db, person, idIn(room))),
  );
}
