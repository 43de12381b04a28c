/**
 * Starts a real Roundtable server on a random port for a test: a fresh PGlite in a temporary
 * directory, or — when DATABASE_URL is set — a fresh Postgres database made for this run.
 * Demo data is seeded through the same code `pnpm start` uses.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@roundtable/db/testing";
import { defaultCollabConfig, loadConfig, type CollabConfig, type Config } from "../../src/config.js";
import { startServer, type RunningServer } from "../../src/server.js";

export interface TestStorage {
  config: Config;
  cleanup(): Promise<void>;
}

/** Storage that outlives one server, so a test can stop and start the server on the same data. */
export async function createTestStorage(collab: Partial<CollabConfig> = {}): Promise<TestStorage> {
  const adminUrl = process.env.DATABASE_URL;
  let testDb: TestDatabase | null = null;
  let dataDir: string | undefined;
  if (adminUrl) testDb = await createTestDatabase(adminUrl);
  else dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-test-"));
  const config: Config = {
    ...loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", CLIENT_DIST: "/nonexistent" }),
    dataDir,
    databaseUrl: testDb?.url,
    collab: { ...defaultCollabConfig, ...collab },
  };
  return {
    config,
    async cleanup() {
      if (testDb) await testDb.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestServer(storage: TestStorage): Promise<RunningServer> {
  return startServer(storage.config);
}
