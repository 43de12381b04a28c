import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./database.js";
import { DatabaseUnavailableError } from "./database-state.js";
import { PgliteWorkerClient } from "./pglite-worker-client.js";
import * as schema from "./schema.js";

// Embedded PGlite runs in a worker thread; these tests are about that, so they always use it.
let database: Database;
let serviceId: string;

beforeAll(async () => {
  database = await openDatabase({});
  const [service] = await database.db.insert(schema.services).values({ name: "Worker service", area: "Testshire" }).returning();
  serviceId = service!.id;
}, 60_000);
afterAll(async () => {
  await database?.close();
});

/** What db.execute gives back with PGlite. */
type QueryResult = { rows: Record<string, unknown>[] };

/** The error a failed drizzle query reports as its cause: what the database said. */
async function databaseErrorOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const err: unknown = await promise.then(
    () => expect.fail("the query should have failed"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  const cause = (err as Error).cause;
  expect(cause).toBeInstanceOf(Error);
  return cause as Error & Record<string, unknown>;
}

describe("PGlite in a worker thread", () => {
  it("answers queries, raw SQL included", async () => {
    const { db } = database;
    expect(database.kind).toBe("pglite");
    const result = (await db.execute(sql`select 1 as one, ${"two"}::text as two`)) as QueryResult;
    expect(result.rows).toEqual([{ one: 1, two: "two" }]);
    const [service] = await db.select().from(schema.services).where(eq(schema.services.id, serviceId));
    expect(service!.name).toBe("Worker service");
    expect(service!.createdAt).toBeInstanceOf(Date); // timestamps still mapped by drizzle
  });

  it("carries bytea both ways unchanged, small and large, with every byte value", async () => {
    const { db } = database;
    // Sizes either side of 4 KB, where Node stops using its shared pool for a decoded value.
    for (const size of [0, 1, 255, 4095, 4096, 70_000]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7919 + size) % 256);
      const result = (await db.execute(sql`select ${bytes}::bytea as back, length(${bytes}::bytea) as n, md5(${bytes}::bytea) as sum`)) as QueryResult;
      const [row] = result.rows;
      expect(row!.n).toBe(size); // what Postgres received
      expect(row!.sum).toBe(createHash("md5").update(bytes).digest("hex"));
      expect(Buffer.from(row!.back as Uint8Array).equals(Buffer.from(bytes))).toBe(true); // what came back
    }
  });

  it("refuses a bytea parameter that is not bytes", async () => {
    const err = await databaseErrorOf(database.db.insert(schema.documentUpdates).values({ documentId: randomUUID(), update: "not bytes" as unknown as Uint8Array }));
    expect(err.message).toBe("Invalid input for bytea type");
  });

  it("commits a transaction, with row locks and a nested savepoint", async () => {
    const { db } = database;
    const agencyId = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(schema.services).where(eq(schema.services.id, serviceId)).for("update");
      expect(locked!.id).toBe(serviceId);
      const [agency] = await tx.insert(schema.agencies).values({ serviceId, name: "Committed agency", kind: "health" }).returning();
      await tx.transaction(async (inner) => {
        await inner.update(schema.agencies).set({ kind: "education" }).where(eq(schema.agencies.id, agency!.id));
      });
      return agency!.id;
    });
    const [agency] = await db.select().from(schema.agencies).where(eq(schema.agencies.id, agencyId));
    expect(agency).toMatchObject({ name: "Committed agency", kind: "education" });
  });

  it("rolls back a transaction that throws, and a nested savepoint that throws", async () => {
    const { db } = database;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(schema.agencies).values({ serviceId, name: "Rolled back agency", kind: "health" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await db.transaction(async (tx) => {
      await tx.insert(schema.agencies).values({ serviceId, name: "Outer agency", kind: "health" });
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(schema.agencies).values({ serviceId, name: "Inner agency", kind: "health" });
          throw new Error("not this one");
        }),
      ).rejects.toThrow("not this one");
    });
    const names = (await db.select({ name: schema.agencies.name }).from(schema.agencies)).map((a) => a.name);
    expect(names).toContain("Outer agency");
    expect(names).not.toContain("Rolled back agency");
    expect(names).not.toContain("Inner agency");
  });

  it("keeps other queries waiting until an open transaction ends, as in-process PGlite does", async () => {
    const { db } = database;
    let outside: Promise<number> | null = null;
    let outsideDone = false;
    await db.transaction(async (tx) => {
      await tx.insert(schema.agencies).values({ serviceId, name: "Seen after commit", kind: "health" });
      outside = db
        .select({ id: schema.agencies.id })
        .from(schema.agencies)
        .where(eq(schema.agencies.name, "Seen after commit"))
        .then((rows) => {
          outsideDone = true;
          return rows.length;
        });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(outsideDone).toBe(false);
    });
    expect(await outside!).toBe(1);
  });

  it("passes Postgres errors back with their code and fields", async () => {
    const { db } = database;
    const missing = await databaseErrorOf(db.execute(sql`select * from no_such_table`));
    expect(missing.code).toBe("42P01");
    expect(missing.message).toContain("no_such_table");

    const person = { serviceId, name: "Sam Lee", email: "sam@example.org", role: "keyworker" as const };
    await db.insert(schema.people).values(person);
    const duplicate = await databaseErrorOf(db.insert(schema.people).values({ ...person, email: "SAM@example.org" }));
    expect(duplicate).toMatchObject({ code: "23505", constraint: "people_email_unique", table: "people", severity: "ERROR" });
    expect(duplicate.detail).toContain("sam@example.org");

    // And inside a transaction, which then rolls back.
    const inTransaction = await databaseErrorOf(
      db.transaction(async (tx) => {
        await tx.insert(schema.agencies).values({ serviceId, name: "Lost with the transaction", kind: "health" });
        await tx.insert(schema.people).values(person);
      }),
    );
    expect(inTransaction.code).toBe("23505");
    const lost = await db.select().from(schema.agencies).where(eq(schema.agencies.name, "Lost with the transaction"));
    expect(lost).toEqual([]);
  });

  it("leaves the main thread's event loop free while a heavy query runs", async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const result = (await database.db.execute(sql`select count(*) as count from generate_series(1, 3000000)`)) as QueryResult;
    const took = performance.now() - started;
    clearInterval(ticker);
    expect(Number(result.rows[0]!.count)).toBe(3_000_000);
    // The query is slow enough for the check to mean something; on the main thread it would
    // have stopped the timer for its whole duration.
    expect(took).toBeGreaterThan(100);
    expect(gaps.length).toBeGreaterThan(5);
    expect(Math.max(...gaps)).toBeLessThan(took / 2);
  }, 30_000);
});

describe("the PGlite worker's life cycle", () => {
  it("keeps the data in its data directory across close and reopen, and refuses queries once closed", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-db-test-"));
    try {
      // A new data directory is made and migrated by a worker of its own, then opened by the one that serves.
      const first = await openDatabase({ dataDir });
      await first.db.insert(schema.services).values({ name: "Durable service", area: "Diskshire" });
      // Started with small shared buffers (ADR 0038), given at start and not written into the data directory.
      expect(((await first.db.execute(sql`show shared_buffers`)) as QueryResult).rows).toEqual([{ shared_buffers: "16MB" }]);
      expect(readFileSync(path.join(dataDir, "postgresql.conf"), "utf8")).not.toMatch(/^shared_buffers = 16MB/m);
      await first.close();
      const closed = await databaseErrorOf(first.db.select().from(schema.services));
      expect(closed.message).toBe("The database is closed");
      await first.close(); // closing twice is harmless

      const second = await openDatabase({ dataDir });
      try {
        const services = await second.db.select({ name: schema.services.name }).from(schema.services);
        expect(services).toEqual([{ name: "Durable service" }]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("fails to open, rather than hanging, when the worker cannot start", async () => {
    await expect(PgliteWorkerClient.start({ dataDir: undefined, migrationsFolder: "/nonexistent/migrations" })).rejects.toThrow(/journal/i);
  }, 60_000);

  // Stand-in workers that speak the protocol's handshake and close, then do as told on a query.
  const standIn = (onQuery: string) =>
    new Worker(
      `const { parentPort } = require("node:worker_threads");
       parentPort.on("message", (m) => {
         if (m.op === "query") { ${onQuery} }
         if (m.op === "close") parentPort.postMessage({ id: m.id, ok: true, result: null });
       });
       parentPort.postMessage({ id: 0, ok: true, result: null });`,
      { eval: true },
    );

  it("rejects waiting and later calls when the worker exits unexpectedly", async () => {
    const client = await PgliteWorkerClient.attach(standIn("process.exit(3);"));
    const waiting = [client.query("select 1"), client.query("select 2")];
    for (const call of waiting) await expect(call).rejects.toThrow(/exited unexpectedly \(exit code 3\)/);
    await expect(client.query("select 3")).rejects.toThrow(/exited unexpectedly/);
    await expect(client.transaction(async () => 1)).rejects.toThrow(/exited unexpectedly/);
    await client.close();
  });

  it("rejects waiting calls when the worker throws", async () => {
    const client = await PgliteWorkerClient.attach(standIn(`throw new Error("boom");`));
    await expect(client.query("select 1")).rejects.toThrow(/PGlite worker thread crashed: boom/);
    await expect(client.query("select 2")).rejects.toThrow(/crashed: boom/);
    await client.close();
  });

  // A stand-in that opens, then never answers anything: what PGlite did after a failed WAL write.
  const silent = () => standIn("");

  it("rejects a call the worker does not answer in time with DatabaseUnavailableError, and everything after it", async () => {
    const lost: DatabaseUnavailableError[] = [];
    const client = await PgliteWorkerClient.attach(silent(), { requestTimeoutMs: 300, startTimeoutMs: 10_000, onUnavailable: (e) => lost.push(e) });
    const first = client.query("select 1");
    const second = client.query("select 2");
    await expect(first).rejects.toThrow(DatabaseUnavailableError);
    await expect(first).rejects.toThrow(/did not answer within 300 ms/);
    await expect(second).rejects.toThrow(DatabaseUnavailableError);
    await expect(client.query("select 3")).rejects.toThrow(/did not answer within 300 ms/);
    expect(client.unavailable).toBe(true);
    expect(lost).toHaveLength(1); // told once, so the worker is replaced once
    await client.close();
  });

  it("gives up opening a worker that does not finish starting in time", async () => {
    const neverReady = new Worker(`setInterval(() => {}, 1000);`, { eval: true });
    await expect(PgliteWorkerClient.attach(neverReady, { requestTimeoutMs: 300, startTimeoutMs: 300 })).rejects.toThrow(/did not open within 300 ms/);
  });

  it("treats a full disk as fatal: the call fails with DatabaseUnavailableError carrying what PGlite said, and the worker is stopped", async () => {
    const diskFull = JSON.stringify({
      name: "error",
      message: 'could not write to file "pg_wal/xlogtemp.42": No space left on device',
      stack: undefined,
      fields: { code: "53100", severity: "ERROR" },
    });
    const lost: DatabaseUnavailableError[] = [];
    const worker = standIn(`parentPort.postMessage({ id: m.id, ok: false, error: ${diskFull} });`);
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    const client = await PgliteWorkerClient.attach(worker, { requestTimeoutMs: 10_000, startTimeoutMs: 10_000, onUnavailable: (e) => lost.push(e) });
    const error: unknown = await client.query("insert into t values (1)").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/disk is full \(53100\)/);
    expect(((error as Error).cause as Record<string, unknown>).code).toBe("53100");
    expect(lost).toHaveLength(1);
    await exited; // terminated, not left spinning
    await expect(client.query("select 1")).rejects.toThrow(DatabaseUnavailableError);
  });

  it("passes an ordinary error through and keeps answering", async () => {
    const notNull = JSON.stringify({ name: "error", message: "null value", stack: undefined, fields: { code: "23502", severity: "ERROR" } });
    const client = await PgliteWorkerClient.attach(standIn(`parentPort.postMessage({ id: m.id, ok: false, error: ${notNull} });`));
    await expect(client.query("insert into t values (null)")).rejects.toMatchObject({ code: "23502" });
    expect(client.unavailable).toBe(false);
    await client.close();
  });
});
