import { schema } from "@roundtable/db";
import { eq } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RunningServer } from "../src/server.js";
import { carePlanOf, signIn } from "./support/api-client.js";
import { freePort, startChildServer, type ChildServer } from "./support/child-server.js";
import { connectCollab, typeInto, type CollabClient } from "./support/collab-client.js";
import { createTestStorage, startTestServer, type TestStorage } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function storageFor(collab: Parameters<typeof createTestStorage>[0] = {}): Promise<TestStorage> {
  const storage = await createTestStorage(collab);
  cleanups.push(() => storage.cleanup());
  return storage;
}

async function serverOn(storage: TestStorage): Promise<RunningServer> {
  const server = await startTestServer(storage);
  cleanups.push(() => server.close());
  return server;
}

async function client(url: string, documentId: string, cookie: string, params: Record<string, string> = {}): Promise<CollabClient> {
  const c = await connectCollab(url, documentId, cookie, params);
  cleanups.push(() => c.destroy());
  return c;
}

describe("keeping documents safe", () => {
  it("keeps the state across a server restart", async () => {
    const storage = await storageFor();
    const first = await serverOn(storage);
    const priya = await signIn(first.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Aisha Reid");
    const c = await client(first.url, documentId, priya.cookie);
    typeInto(c.doc, "Aisha swam 25 metres on Saturday.");
    await waitFor(() => first.registry.updateLog.written === 1, { what: "the edit to reach the server" });
    await first.close();
    c.destroy();

    const second = await serverOn(storage);
    const again = await signIn(second.url, "priya.shah");
    const fresh = await client(second.url, documentId, again.cookie);
    expect(fresh.text()).toContain("Aisha swam 25 metres on Saturday.");
  });

  it("folds the update log into the snapshot and unloads documents nobody has open", async () => {
    const storage = await storageFor({ compactAfterUpdates: 5, unloadAfterMs: 50 });
    const server = await serverOn(storage);
    const priya = await signIn(server.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Kai Thompson");
    const c = await client(server.url, documentId, priya.cookie);
    for (let i = 0; i < 12; i++) typeInto(c.doc, `Note ${i}`);
    const expected = c.text();
    const { db } = server.database;
    const rowsLeft = async () =>
      (await db.select({ seq: schema.documentUpdates.seq }).from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, documentId))).length;
    await waitFor(async () => (await rowsLeft()) < 12, { what: "compaction" });
    c.destroy();
    await waitFor(() => !server.registry.isLoaded(documentId), { what: "the document to unload" });
    await waitFor(async () => (await rowsLeft()) === 0, { what: "compaction on unload" });
    const [doc] = await db.select({ snapshotSeq: schema.documents.snapshotSeq }).from(schema.documents).where(eq(schema.documents.id, documentId));
    expect(doc!.snapshotSeq).toBeGreaterThan(0);
    const reopened = await client(server.url, documentId, priya.cookie);
    expect(reopened.text()).toBe(expected);
  });

  it("loses nothing when the server is killed with SIGKILL in the middle of typing", async () => {
    const storage = await storageFor();
    const port = await freePort();
    let child: ChildServer = await startChildServer(storage.config, port);
    cleanups.push(() => child.kill("SIGKILL"));
    const priya = await signIn(child.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Jamie Walker");
    const typist = await client(child.url, documentId, priya.cookie, { persisted: "1" });
    let acked = 0;
    typist.provider.messageHandlers[100] = (_enc, decoder) => {
      acked = Math.max(acked, Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(typist.doc.clientID) ?? 0);
    };

    // Type steadily; kill the server while the typing is still going on.
    let typed = 0;
    const typing = setInterval(() => typeInto(typist.doc, `Line ${typed++} typed during the meeting.`), 5);
    await waitFor(() => acked > 0 && typed > 40, { what: "some typing to be saved" });
    await child.kill("SIGKILL");
    await waitFor(() => typed > 60, { what: "typing while the server is down" });
    clearInterval(typing);
    const ackedBeforeKill = acked;

    child = await startChildServer(storage.config, port);
    const reader = await signIn(child.url, "claire.walker");
    // Everything acknowledged before the kill is on disk, before the typist reconnects.
    const fresh = await client(child.url, documentId, reader.cookie);
    const stored = Y.decodeStateVector(Y.encodeStateVector(fresh.doc)).get(typist.doc.clientID) ?? 0;
    expect(stored).toBeGreaterThanOrEqual(ackedBeforeKill);
    // And once the typist's provider reconnects, nothing the client had is missing.
    await waitFor(() => fresh.text() === typist.text(), { timeoutMs: 15_000, what: "the typist to re-sync" });
    expect(fresh.text()).toContain(`Line ${typed - 1} typed during the meeting.`);
  }, 120_000);
});
