import { Writable } from "node:stream";
import { openDatabase, type Database } from "@roundtable/db";
import { createTestDatabase, type TestDatabase } from "@roundtable/db/testing";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorHandler } from "./errors.js";
import { createLogger, errorForLog } from "./logger.js";

// What a failed write would have carried: a child's record, and a marker to search the log for.
const secret = "Jamie-private-note-7f3a";
const unstorable = `${secret}\u0000`;

let testDb: TestDatabase | null = null;
let database: Database;

beforeAll(async () => {
  // The real driver: PGlite in memory, or Postgres when DATABASE_URL is set.
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) testDb = await createTestDatabase(adminUrl);
  database = await openDatabase({ url: testDb?.url });
}, 60_000);
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

/** A logger writing into an array of lines, as the server's own is made. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger("info", sink), lines };
}

/** A real database error: Postgres refuses a NUL in text, and the driver's error holds the parameter. */
async function failedQuery(): Promise<unknown> {
  try {
    await database.db.execute(sql`select ${unstorable}::text as note, ${`${secret}-second`}::text as other`);
  } catch (err) {
    return err;
  }
  throw new Error("The query was expected to fail");
}

describe("logging errors", () => {
  it("keeps a database error's parameters out of the log, however it is logged", async () => {
    const err = await failedQuery();
    // The error really does carry the record's text (otherwise this test proves nothing).
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err)) + String(err)).toContain(secret);

    const { log, lines } = capturedLogger();
    log.error({ err, documentId: "d1" }, "could not save");
    log.error(err as Error);
    await log.flush?.();
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(secret);
      expect(line).not.toMatch(/"(params|parameters|args|query|types)"/);
      const logged = JSON.parse(line) as { err: { type: string; message: string; stack: string } };
      expect(logged.err.message).toMatch(/parameters not logged/);
      expect(logged.err.stack).toMatch(/^\w+: Failed query/);
    }
  });

  it("keeps them out of the API's 'unhandled error' line too", async () => {
    const { log, lines } = capturedLogger();
    const app = new Hono();
    app.onError(errorHandler(log));
    app.post("/save", async () => {
      throw await failedQuery();
    });
    const res = await app.request("/save", { method: "POST" });
    expect(res.status).toBe(500);
    expect(lines.join("\n")).toMatch(/unhandled error/);
    expect(lines.join("\n")).not.toContain(secret);
  });

  it("keeps what helps: the type, the Postgres code and the cause", async () => {
    const logged = errorForLog(await failedQuery());
    expect(logged).toMatchObject({ message: expect.stringMatching(/^Failed query: select/) });
    const cause = typeof logged === "string" ? undefined : logged.cause;
    // 22021: character not in repertoire (PGlite and Postgres say the same).
    expect(cause).toMatchObject({ code: "22021" });
  });

  it("cuts a message so long that it would swamp the log", () => {
    const logged = errorForLog(new Error(`insert into document_updates values ${"($1, $2, $3), ".repeat(100_000)}`));
    expect(typeof logged === "string" ? logged : logged.message).toHaveLength(500 + "… (cut)".length);
  });
});
