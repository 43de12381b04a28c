/**
 * Who an action's history credits: the person whose change is projected, never the server. The
 * server's own edits (re-issuing a copied action's id, filling in a template) have no author.
 * And what the projector skips: a change that leaves the actions as they were reads and writes
 * nothing, until its last look at the table is old enough to look again.
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
async function projectorOnNewDocument(recheckAfterMs?: number) {
  const { db } = documents.database;
  const documentId = await documents.newDocument();
  const room = new Room(documentId, [], { onUpdate: () => {} });
  // A long delay: nothing is projected until the test settles the projector.
  const projector = new ActionProjector(db, pino({ level: "silent" }), () => {}, 60_000, recheckAfterMs);
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

describe("what the projector skips", () => {
  const textOf = async (actionId: string) => (await documents.database.db.select({ text: schema.actions.text }).from(schema.actions).where(eq(schema.actions.id, actionId)))[0]?.text;
  const tamperWith = (actionId: string) => documents.database.db.update(schema.actions).set({ text: "Changed behind the projector's back" }).where(eq(schema.actions.id, actionId));

  it("leaves the table alone while the actions read as at its last look, then looks again once that is old enough", async () => {
    const recheckAfterMs = 1500;
    const { documentId, room, projector, addAction } = await projectorOnNewDocument(recheckAfterMs);
    const typeAround = async () => {
      room.doc.transact(() => room.doc.getXmlFragment("default").push([new Y.XmlElement("paragraph")]), { personId });
      projector.schedule(documentId, room, personId);
      await projector.settle();
    };
    const actionId = addAction({ personId });
    projector.schedule(documentId, room, personId);
    await projector.settle();
    const lookedAt = Date.now();
    expect(await textOf(actionId)).toBe("Send the updated timetable");

    // The table is changed around the projector: words typed around the action do not make it look.
    await tamperWith(actionId);
    await typeAround();
    expect(Date.now() - lookedAt).toBeLessThan(recheckAfterMs); // else the next line tests nothing
    expect(await textOf(actionId)).toBe("Changed behind the projector's back");

    // Once its last look is old enough, the next change makes it look, and the table is mended.
    await new Promise((r) => setTimeout(r, recheckAfterMs + 100 - (Date.now() - lookedAt)));
    await typeAround();
    expect(await textOf(actionId)).toBe("Send the updated timetable");
    room.destroy();
  });

  it("projects a change to an action at once, however recent its last look", async () => {
    const { documentId, room, projector, addAction } = await projectorOnNewDocument(60_000);
    const actionId = addAction({ personId });
    projector.schedule(documentId, room, personId);
    await projector.settle();
    const action = room.doc.getXmlFragment("default").get(0) as Y.XmlElement;
    room.doc.transact(() => (action.get(0) as Y.XmlText).insert(0, "Today: "), { personId });
    projector.schedule(documentId, room, personId);
    await projector.settle();
    expect(await textOf(actionId)).toBe("Today: Send the updated timetable");
    room.destroy();
  });
});
