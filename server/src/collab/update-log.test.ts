import { Writable } from "node:stream";
import { createTestDatabase, openDatabase, schema, type Database, type TestDatabase } from "@roundtable/db";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../test/support/wait-for.js";
import { defaultUpdateLogLimits } from "../durability-config.js";
import { UpdateLog, type UpdateLogOptions } from "./update-log.js";

// PGlite in memory by default; a fresh Postgres database when DATABASE_URL is set.
let database: Database;
let testDb: TestDatabase | null = null;
let documentIds: string[] = [];

beforeAll(async () => {
  if (process.env.DATABASE_URL) testDb = await createTestDatabase(process.env.DATABASE_URL);
  database = await openDatabase({ url: testDb?.url });
  const { db } = database;
  const [service] = await db.insert(schema.services).values({ name: "Test service", area: "Testshire" }).returning();
  const [c] = await db.insert(schema.cases).values({ serviceId: service!.id, name: "A. Child", ragRating: "amber" }).returning();
  const docs = await db
    .insert(schema.documents)
    .values(["A", "B", "C"].map((title) => ({ caseId: c!.id, kind: "care-plan" as const, title, visibility: "family" as const })))
    .returning({ id: schema.documents.id });
  documentIds = docs.map((d) => d.id);
}, 60_000);
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines, text: () => JSON.stringify(lines) };
}

function updateLog(options: Partial<UpdateLogOptions> = {}) {
  const captured = capturedLog();
  const log = new UpdateLog(database.db, captured.log, { ...defaultUpdateLogLimits, groupCommitMs: 2, onCut: () => undefined, ...options });
  return { log, captured };
}

async function rowsOf(documentId: string): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, documentId));
  return row!.n;
}

describe("the update log", () => {
  it("writes a backlog larger than one INSERT can carry (65,534 parameters, three a row)", async () => {
    const { log } = updateLog();
    const documentId = documentIds[0]!;
    for (let i = 0; i < 25_000; i++) log.append(documentId, new Uint8Array([i % 256]), "server");
    expect(log.backlog().waiting).toBe(25_000);
    await log.drain();
    log.stop();
    expect(log.written).toBe(25_000);
    expect(await rowsOf(documentId)).toBe(25_000);
  }, 120_000);

  it("acknowledges a document only once everything queued for it is written", async () => {
    const cuts: string[][] = [];
    const [a, b] = [documentIds[1]!, documentIds[2]!];
    const { log } = updateLog({ maxBatchRows: 2, onCut: (ids) => void cuts.push([...ids].sort()) });
    // Queued together: a a | b a | a — a is only whole in the last batch; b in the second.
    for (const id of [a, a, b, a, a]) log.append(id, new Uint8Array([1]), "server");
    await log.drain();
    log.stop();
    expect(cuts).toEqual([[b], [a]]);
  });

  it("keeps a failed write, says it is not saving, and logs the failure by code and message only, once per interval", async () => {
    const captured = capturedLog();
    const changes: boolean[] = [];
    const failing = new UpdateLog(database.db, captured.log, {
      ...defaultUpdateLogLimits,
      retryMaxMs: 50,
      failureLogIntervalMs: 60_000,
      groupCommitMs: 2,
      onCut: () => undefined,
      onSavingChanged: (saving) => void changes.push(saving),
    });
    // A document that does not exist: the foreign key refuses the row, every time.
    const secret = new TextEncoder().encode("Jamie hurt himself on Tuesday");
    failing.append("00000000-0000-4000-8000-000000000000", secret, "server");
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
