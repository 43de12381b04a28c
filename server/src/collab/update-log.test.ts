import { schema } from "@roundtable/db";
import { serverAuthor } from "@roundtable/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedLog } from "../../test/support/captured-log.js";
import { ControlledStorage } from "../../test/support/controlled-storage.js";
import { openDocumentsDatabase, type DocumentsDatabase } from "../../test/support/documents-database.js";
import { waitFor } from "../../test/support/wait-for.js";
import { defaultUpdateLogLimits } from "../durability-config.js";
import type { DocumentStorage } from "./document-storage.js";
import { MemoryDocumentStorage } from "./memory-document-storage.js";
import { PostgresDocumentStorage } from "./postgres-document-storage.js";
import { UpdateLog, type UpdateLogOptions } from "./update-log.js";

function updateLog(storage: DocumentStorage, options: Partial<UpdateLogOptions> = {}) {
  const captured = capturedLog();
  const log = new UpdateLog(storage, captured.log, { ...defaultUpdateLogLimits, groupCommitMs: 2, onCut: () => undefined, ...options });
  return { log, captured };
}

describe("the update log", () => {
  it("acknowledges a document only once everything queued for it is written", async () => {
    const cuts: string[][] = [];
    const [a, b] = ["document-a", "document-b"];
    const { log } = updateLog(new MemoryDocumentStorage(), { maxBatchRows: 2, onCut: (ids) => void cuts.push([...ids].sort()) });
    // Queued together: a a | b a | a — a is only whole in the last batch; b in the second.
    for (const id of [a, a, b, a, a]) log.append(id, new Uint8Array([1]), serverAuthor);
    await log.drain();
    log.stop();
    expect(cuts).toEqual([[b], [a]]);
  });

  it("writes a lone edit at once, a stream of edits at most once per write interval, and everything at once when drained", async () => {
    const batches: { at: number; rows: number }[] = [];
    let slowMs = 0;
    const storage = new (class extends MemoryDocumentStorage {
      override async appendBatch(updates: Parameters<MemoryDocumentStorage["appendBatch"]>[0]) {
        batches.push({ at: performance.now(), rows: updates.length });
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        return super.appendBatch(updates);
      }
    })();
    const { log } = updateLog(storage, { writeIntervalMs: 1000 });
    const started = performance.now();
    log.append("document", new Uint8Array([0]), serverAuthor);
    await waitFor(() => log.written === 1, { what: "the lone edit to be written" });
    expect(batches[0]!.at - started).toBeLessThan(500);
    // Typed within the interval: held for one write when it has passed.
    for (let i = 1; i <= 4; i++) {
      log.append("document", new Uint8Array([i]), serverAuthor);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor(() => log.written === 5, { what: "the stream to be written", timeoutMs: 5000 });
    expect(batches.map((b) => b.rows)).toEqual([1, 4]);
    expect(batches[1]!.at - batches[0]!.at).toBeGreaterThanOrEqual(990);
    // Drained (a shutdown, or a read of the whole document): no waiting out the interval.
    log.append("document", new Uint8Array([5]), serverAuthor);
    const drainFrom = performance.now();
    await log.drain();
    expect(performance.now() - drainFrom).toBeLessThan(500);
    // Drained while a write is under way, with more queued behind it: that follows straight on.
    slowMs = 100;
    log.append("document", new Uint8Array([6]), serverAuthor);
    await waitFor(() => batches.length === 4, { what: "the next write to start", timeoutMs: 5000 });
    log.append("document", new Uint8Array([7]), serverAuthor);
    const secondDrainFrom = performance.now();
    await log.drain();
    expect(performance.now() - secondDrainFrom).toBeLessThan(600);
    log.stop();
    expect(batches.map((b) => b.rows)).toEqual([1, 4, 1, 1, 1]);
    expect(storage.stored("document").log.map((u) => u.update[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("goes back to the write interval once what a drain waited for is written, though edits keep coming", async () => {
    let batches = 0;
    const storage = new (class extends MemoryDocumentStorage {
      override async appendBatch(updates: Parameters<MemoryDocumentStorage["appendBatch"]>[0]) {
        batches++;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return super.appendBatch(updates);
      }
    })();
    const { log } = updateLog(storage, { writeIntervalMs: 1000 });
    let n = 0;
    const typing = setInterval(() => log.append("document", new Uint8Array([n++ % 256]), serverAuthor), 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A read of the document gave up waiting (drainWithin) while edits went on arriving.
    expect(await log.drainWithin(1)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2300));
    clearInterval(typing);
    await log.drain();
    log.stop();
    expect(log.written).toBe(n);
    // 2.5 s of typing: the first write, those the drain pressed, then one a second and the last
    // drain's; pressing until the queue empties would have written one every 100 ms.
    expect(batches).toBeLessThanOrEqual(7);
  });

  it("keeps a batch that failed at the head of the queue and writes everything, in order, once storage is back", async () => {
    const storage = new ControlledStorage();
    storage.failure = new Error("the database is away");
    const changes: boolean[] = [];
    const { log } = updateLog(storage, { retryMaxMs: 10, onSavingChanged: (saving) => void changes.push(saving) });
    for (let i = 0; i < 3; i++) log.append("document", new Uint8Array([i]), serverAuthor);
    await waitFor(() => changes.includes(false), { what: "the log to say it is not saving" });
    log.append("document", new Uint8Array([3]), serverAuthor);
    expect(log.backlog()).toMatchObject({ waiting: 4, saving: false });
    storage.failure = null;
    await log.drain();
    log.stop();
    expect(changes).toEqual([false, true]);
    expect(storage.stored("document").log.map((u) => u.update[0])).toEqual([0, 1, 2, 3]);
    expect(log.written).toBe(4);
  });
});

describe("the update log writing to the database", () => {
  let documents: DocumentsDatabase;
  beforeAll(async () => {
    documents = await openDocumentsDatabase();
  }, 60_000);
  afterAll(() => documents?.close());

  async function rowsOf(documentId: string): Promise<number> {
    const { db } = documents.database;
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, documentId));
    return row!.n;
  }

  it("writes a backlog of 25,000 updates in batches (once more than one INSERT could carry, at three parameters a row)", async () => {
    const { log } = updateLog(new PostgresDocumentStorage(documents.database.db));
    const documentId = await documents.newDocument();
    for (let i = 0; i < 25_000; i++) log.append(documentId, new Uint8Array([i % 256]), serverAuthor);
    expect(log.backlog().waiting).toBe(25_000);
    await log.drain();
    log.stop();
    expect(log.written).toBe(25_000);
    expect(await rowsOf(documentId)).toBe(25_000);
  }, 120_000);

  it("keeps a failed write, says it is not saving, and logs the failure by code and message only, once per interval", async () => {
    const changes: boolean[] = [];
    const { log: failing, captured } = updateLog(new PostgresDocumentStorage(documents.database.db), {
      retryMaxMs: 50,
      failureLogIntervalMs: 60_000,
      onSavingChanged: (saving) => void changes.push(saving),
    });
    // A document that does not exist: the foreign key refuses the row, every time.
    const secret = new TextEncoder().encode("Jamie hurt himself on Tuesday");
    failing.append("00000000-0000-4000-8000-000000000000", secret, serverAuthor);
    await waitFor(() => changes.includes(false), { what: "the log to say it is not saving" });
    // Retried every 50 ms or so: half a second is several attempts, of which one is logged.
    await waitFor(() => failing.backlog().oldestWaitingMs > 500, { what: "several failed attempts" });
    failing.stop();
    expect(failing.backlog()).toMatchObject({ waiting: 1, saving: false });
    const failures = captured.lines.filter((l) => l.msg === "could not write updates; retrying");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: "23503", updates: 1, waiting: 1 });
    expect(captured.text()).not.toMatch(/params|Jamie|74,97,109/);
  });
});
