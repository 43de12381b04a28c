/**
 * Who an action's history credits: the person whose change is projected, never the server. The
 * server's own edits (re-issuing a copied action's id, filling in a template) have no author.
 */
import { randomUUID } from "node:crypto";
import { Room, serverOrigin } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import { actionNodeName, serverAuthor } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDocumentsDatabase, type DocumentsDatabase } from "../../test/support/documents-database.js";
import { ActionProjector } from "./action-projector.js";

let documents: DocumentsDatabase;
let personId: string;

beforeAll(async () => {
  documents = await openDocumentsDatabase();
  const { db } = documents.database;
  const [service] = await db.select({ id: schema.services.id }).from(schema.services).limit(1);
  const [person] = await db
    .insert(schema.people)
    .values({ serviceId: service!.id, name: "Priya Shah", email: "priya.projector@example.org", role: "keyworker" })
    .returning({ id: schema.people.id });
  personId = person!.id;
});

afterAll(async () => {
  await documents?.close();
});

/** A room on a new document, a projector that waits to be settled, and the history it writes. */
async function projectorOnNewDocument() {
  const { db } = documents.database;
  const documentId = await documents.newDocument();
  const room = new Room(documentId, [], { onUpdate: () => {} });
  // A long delay: nothing is projected until the test settles the projector.
  const projector = new ActionProjector(db, pino({ level: "silent" }), () => {}, 60_000);
  const addAction = (origin: object) => {
    const id = randomUUID();
    room.doc.transact(() => {
      const el = new Y.XmlElement(actionNodeName);
      el.setAttribute("id", id);
      el.insert(0, [new Y.XmlText("Send the updated timetable")]);
      room.doc.getXmlFragment("default").push([el]);
    }, origin);
    return id;
  };
  const creditedFor = async (actionId: string) =>
    (await db.select({ byId: schema.actionEvents.byId }).from(schema.actionEvents).where(eq(schema.actionEvents.actionId, actionId))).map((e) => e.byId);
  return { documentId, room, projector, addAction, creditedFor };
}

describe("the projector's author", () => {
  it("credits a person's change to them even when the server writes to the document after them", async () => {
    const { documentId, room, projector, addAction, creditedFor } = await projectorOnNewDocument();
    const actionId = addAction({ personId });
    projector.schedule(documentId, room, personId);
    room.doc.transact(() => room.doc.getXmlFragment("default").push([new Y.XmlElement("paragraph")]), serverOrigin);
    projector.schedule(documentId, room, serverAuthor);
    await projector.settle();
    expect(await creditedFor(actionId)).toEqual([personId]);
    room.destroy();
  });

  it("records the server's own change with no author", async () => {
    const { documentId, room, projector, addAction, creditedFor } = await projectorOnNewDocument();
    const actionId = addAction(serverOrigin);
    projector.schedule(documentId, room, serverAuthor);
    await projector.settle();
    expect(await creditedFor(actionId)).toEqual([null]);
    room.destroy();
  });
});
