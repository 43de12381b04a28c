/**
 * A runaway document: an editor pushing a growing document from several connections is refused
 * at the per-document size limit (a small one here), with its own close code and reason; the
 * server keeps serving everyone else, and a restart on the same storage opens the document.
 */
import { closeCodes } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import type { DocumentDetail } from "@roundtable/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RunningServer } from "../src/server.js";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, typeInto, type CollabClient } from "./support/collab-client.js";
import { openRawCollabSocket, type RawCollabSocket } from "./support/raw-collab-socket.js";
import { createTestStorage, startTestServer, type TestStorage } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const maxDocumentBytes = 256 * 1024;
const chunkBytes = 8 * 1024;
const connections = 4;

let storage: TestStorage;
let server: RunningServer;
let priya: SignedIn;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  storage = await createTestStorage({ maxDocumentBytes });
  server = await startTestServer(storage);
  priya = await signIn(server.url, "priya.shah");
});
afterAll(async () => {
  for (const fn of cleanups) fn();
  await server?.close();
  await storage?.cleanup();
});

async function rawSocket(documentId: string): Promise<RawCollabSocket> {
  const s = await openRawCollabSocket(server.url, documentId, priya.cookie);
  cleanups.push(() => s.ws.terminate());
  return s;
}

async function open(documentId: string): Promise<CollabClient> {
  const c = await connectCollab(server.url, documentId, priya.cookie);
  cleanups.push(() => c.destroy());
  return c;
}

/** Updates that each add `chunkBytes` of fresh text, as one client of a runaway script would. */
function growingUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getText("runaway");
  for (let i = 0; i < count; i++) text.insert(text.length, `${doc.clientID}:${i}:`.padEnd(chunkBytes, "x"));
  return updates;
}

/** What the database holds for a document: snapshot plus update log, in bytes. */
async function storedBytes(documentId: string): Promise<number> {
  const { db } = server.database;
  const [doc] = await db.select({ n: sql<number>`coalesce(octet_length(${schema.documents.snapshot}), 0)` }).from(schema.documents).where(eq(schema.documents.id, documentId));
  const [log] = await db
    .select({ n: sql<number>`coalesce(sum(octet_length(${schema.documentUpdates.update})), 0)` })
    .from(schema.documentUpdates)
    .where(eq(schema.documentUpdates.documentId, documentId));
  return Number(doc?.n ?? 0) + Number(log?.n ?? 0);
}

describe("a runaway document", { timeout: 120_000 }, () => {
  it("is refused at the size limit from every connection, while the server keeps serving everyone else", async () => {
    const { caseId } = await carePlanOf(priya, "Jamie Walker");
    const runaway = (await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "notes", title: "Runaway notes" })).body;
    const other = (await carePlanOf(priya, "Aisha Reid")).documentId;
    const reader = await open(runaway.id);

    // Each connection alone would take the document past the limit.
    const updatesEach = Math.ceil((1.25 * maxDocumentBytes) / chunkBytes);
    const sockets = await Promise.all(Array.from({ length: connections }, () => rawSocket(runaway.id)));
    for (const socket of sockets) for (const update of growingUpdates(updatesEach)) socket.sendUpdate(update);

    // Health and another document are served while the flood is handled (bound generous: a loaded machine).
    const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
    const [writer, watcher] = [await open(other), await open(other)];
    typeInto(writer.doc, "Still saving elsewhere.");
    await waitFor(() => watcher.text().includes("Still saving elsewhere."), { what: "an edit to another document" });

    for (const socket of sockets) {
      expect(await socket.closed).toEqual({
        code: closeCodes.documentTooLarge,
        reason: `This document has reached its size limit of ${maxDocumentBytes} bytes`,
      });
    }
    // Another connection cannot add more either.
    const late = await rawSocket(runaway.id);
    late.sendUpdate(growingUpdates(1)[0]!);
    expect((await late.closed).code).toBe(closeCodes.documentTooLarge);

    const accepted = reader.doc.getText("runaway").length;
    expect(accepted).toBeGreaterThan(maxDocumentBytes / 2);
    await server.registry.updateLog.drain();
    expect(await storedBytes(runaway.id)).toBeLessThanOrEqual(maxDocumentBytes);

    // A restart on the same storage succeeds, and the document opens with what was accepted.
    for (const fn of cleanups.splice(0)) fn();
    await server.close();
    server = await startTestServer(storage);
    priya = await signIn(server.url, "priya.shah");
    const reopened = await open(runaway.id);
    expect(reopened.doc.getText("runaway").length).toBe(accepted);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
