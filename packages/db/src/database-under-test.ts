/**
 * For this package's tests: a database opened before the file's tests and closed after — PGlite
 * in memory by default, a fresh Postgres database when DATABASE_URL is set (pnpm test:postgres).
 */
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "./database.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export function useDatabaseUnderTest(): () => Database {
  let database: Database | undefined;
  let testDb: TestDatabase | null = null;
  beforeAll(async () => {
    if (process.env.DATABASE_URL) testDb = await createTestDatabase(process.env.DATABASE_URL);
    database = await openDatabase({ url: testDb?.url });
    openedUrl = testDb?.url ?? null;
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });
  return () => {
    if (!database) throw new Error("The database is opened before the tests run");
    return database;
  };
}

/** The URL of the Postgres database under test (a second connection to it stands for another server process); null on PGlite. */
export function postgresUrlUnderTest(): string | null {
  return openedUrl;
}
let openedUrl: string | null = null;

/** Whether the database under test is a Postgres server rather than PGlite. */
export const underPostgres = () => Boolean(process.env.DATABASE_URL);
