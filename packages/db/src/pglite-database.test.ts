import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "./database.js";
import { databaseFaultOf, databaseMessages, DatabaseUnavailableError, DiskNearlyFullError, type DatabaseStatus } from "./database-state.js";
import * as schema from "./schema.js";

// Embedded PGlite on a data directory, as `pnpm start` runs it, with its limits made small.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function databaseOn(limits: NonNullable<Parameters<typeof openDatabase>[0]["pglite"]>): Promise<Database> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-db-test-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const database = await openDatabase({ dataDir, pglite: limits });
  cleanups.push(() => database.close());
  return database;
}

/** What a failed call reports as its database fault (drizzle wraps it). */
async function faultOf(call: Promise<unknown>) {
  const error: unknown = await call.then(
    () => expect.fail("the call should have failed"),
    (e: unknown) => e,
  );
  return databaseFaultOf(error);
}

describe("embedded PGlite's time-box", () => {
  it("rejects a call that does not answer in time, restarts the database, and loses nothing committed", async () => {
    const database = await databaseOn({ requestTimeoutMs: 3000 });
    const { db } = database;
    await db.insert(schema.services).values({ name: "Saved before the stall", area: "Diskshire" });
    const statuses: DatabaseStatus[] = [];
    database.onStateChange((state) => statuses.push(state.status));

    // A query that holds PGlite far longer than the time-box, and one queued behind it.
    const stalled = faultOf(db.execute(sql`select pg_sleep(600)`));
    const queued = faultOf(db.select().from(schema.services));
    expect(await stalled).toBeInstanceOf(DatabaseUnavailableError);
    expect(await queued).toBeInstanceOf(DatabaseUnavailableError);
    expect((await stalled)?.message).toMatch(/did not answer within 3000 ms/);
    expect((await stalled)?.userMessage).toBe(databaseMessages.notAnswering);
    // While it is reopened (which takes seconds), a call is told so at once instead of queueing.
    if (database.state().status === "not-answering") {
      expect(await faultOf(db.select().from(schema.services))).toBeInstanceOf(DatabaseUnavailableError);
    }

    // It is reopened on the same data directory, and answers again.
    await vi.waitFor(() => expect(database.state().status).toBe("ok"), { timeout: 150_000, interval: 100 });
    expect(statuses).toEqual(["not-answering", "ok"]);
    const names = (await db.select({ name: schema.services.name }).from(schema.services)).map((s) => s.name);
    expect(names).toEqual(["Saved before the stall"]);
    await db.insert(schema.services).values({ name: "Saved after the restart", area: "Diskshire" });
    expect(await db.select().from(schema.services).where(eq(schema.services.name, "Saved after the restart"))).toHaveLength(1);
  }, 300_000);
});

describe("embedded PGlite's free-space reserve", () => {
  it("refuses writes while the disk is below the reserve, with words for people, and keeps reading", async () => {
    // A reserve no disk has free: as if this disk were nearly full.
    const database = await databaseOn({ minFreeBytes: Number.MAX_SAFE_INTEGER });
    const { db } = database;
    const state = database.state();
    expect(state).toMatchObject({ status: "disk-nearly-full", message: databaseMessages.diskNearlyFull });
    expect(state.freeBytes).toBeGreaterThan(0);

    const refused = await faultOf(db.insert(schema.services).values({ name: "Not saved", area: "Fullshire" }));
    expect(refused).toBeInstanceOf(DiskNearlyFullError);
    expect(refused?.userMessage).toBe("The server's disk is nearly full, so changes are not being saved just now. Anything you were typing stays on this device; please try again later.");
    expect(refused?.httpStatus).toBe(503);
    const inTransaction = await faultOf(
      db.transaction(async (tx) => {
        await tx.select().from(schema.services).for("update");
        await tx.insert(schema.services).values({ name: "Not saved either", area: "Fullshire" });
      }),
    );
    expect(inTransaction).toBeInstanceOf(DiskNearlyFullError);

    // Reads keep working, in and out of transactions.
    expect(await db.select().from(schema.services)).toEqual([]);
    expect(await db.transaction((tx) => tx.select().from(schema.services))).toEqual([]);
    expect(((await db.execute(sql`select 1 as one`)) as { rows: unknown[] }).rows).toEqual([{ one: 1 }]);
  }, 120_000);
});
