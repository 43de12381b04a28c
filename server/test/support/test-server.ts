/**
 * Starts a real Roundtable server on a random port for a test: a fresh PGlite in a temporary
 * directory (copied from one already migrated), or — when DATABASE_URL is set — a fresh Postgres database made for this run.
 * Demo data is seeded through the same code `pnpm start` uses.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { copyMigratedPglite, createTestDatabase, type TestDatabase } from "@roundtable/db/testing";
import { defaultCollabConfig, loadConfig, type CollabConfig, type Config } from "../../src/config.js";
import { startServer, type RunningServer } from "../../src/server.js";
import { afterAll, beforeAll } from "vitest";

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
  else {
    // A copy of a migrated PGlite made once, not a new one per test (see pglite-template.ts).
    dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-test-"));
    await copyMigratedPglite(dataDir);
  }
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

/** How long a test server's periodic jobs may take over their runs at start (266–303 ms on PGlite, 2026-12-07). */
const startRunsWaitMs = 30_000;

/** A server on the storage, once its periodic jobs' runs at start are over (see RunningServer.startRuns). */
export async function startTestServer(storage: TestStorage): Promise<RunningServer> {
  const server = await startServer(storage.config);
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<"overran">((resolve) => (timer = setTimeout(() => resolve("overran"), startRunsWaitMs)));
  const outcome = await Promise.race([server.startRuns, overran]).finally(() => clearTimeout(timer));
  if (outcome === "overran") {
    await server.close();
    throw new Error(`The test server's periodic jobs had not finished their runs at start after ${startRunsWaitMs / 1000} s`);
  }
  return server;
}

export interface UseTestServerOptions {
  /** Collaboration limits other than the defaults. */
  collab?: Partial<CollabConfig>;
  /** Changes the configuration, in place, before the server starts. */
  configure?: (config: Config) => void;
}

/** The running server, as startTestServer returns it, and the storage under it. */
export type TestServer = RunningServer & { readonly storage: TestStorage };

/**
 * The usual set-up of a server test file in one line: a server on its own fresh database,
 * started before the file's tests (beforeAll) and closed, its database removed, after them
 * (afterAll). Call it at the top level of the file, before the file's own hooks: the file's
 * afterAll hooks then run first (vitest runs after-hooks in reverse), so clients and sockets
 * are closed before the server. Something the configuration needs that is made in a hook (a mail
 * sink, a folder) goes in a beforeAll above it, and is closed in an afterAll above it too, so it
 * outlives the server. Called inside a describe, it gives that block a server of its own. The value
 * it returns stands for the running server; use it only inside hooks and tests.
 *
 * To move a file to it, replace
 *     let storage: TestStorage; let server: RunningServer;
 *     beforeAll(async () => { storage = await createTestStorage(collab); storage.config.x = 1; server = await startTestServer(storage); …
 *     afterAll(async () => { …; await server?.close(); await storage?.cleanup(); });
 * with
 *     const server = useTestServer({ collab, configure: (config) => { config.x = 1; } });
 * (`storage.config = { ...storage.config, x: 1 }` becomes `configure: (config) => Object.assign(config, { x: 1 })`)
 *     beforeAll(async () => { …
 *     afterAll(async () => { …; });
 * and `storage` with `server.storage`.
 */
export function useTestServer(options: UseTestServerOptions = {}): TestServer {
  return useTestServers(options)[0];
}

/**
 * As useTestServer, for a file that asks the same things of differently configured servers:
 * one server for each options object, in that order, each on a fresh database of its own,
 * started side by side and closed together.
 *     const [server, proxied] = useTestServers({}, { configure: (config) => Object.assign(config, { trustProxy: true }) });
 */
export function useTestServers<const O extends readonly UseTestServerOptions[]>(...options: O): { [K in keyof O]: TestServer } {
  const storages: (TestStorage | undefined)[] = [];
  const running: (RunningServer | undefined)[] = [];
  beforeAll(async () => {
    await Promise.all(
      options.map(async (o, i) => {
        const storage = await createTestStorage(o.collab);
        storages[i] = storage;
        o.configure?.(storage.config);
        running[i] = await startTestServer(storage);
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r?.close()));
    await Promise.all(storages.map((s) => s?.cleanup()));
  });
  const servers = options.map(
    (_, i) =>
      new Proxy({} as TestServer, {
        get(_, key) {
          const server = running[i];
          const storage = storages[i];
          if (!server || !storage) throw new Error("useTestServer: the server starts in beforeAll; use it inside a hook or a test");
          if (key === "storage") return storage;
          const value: unknown = Reflect.get(server, key);
          return typeof value === "function" ? value.bind(server) : value;
        },
      }),
  );
  return servers as { [K in keyof O]: TestServer };
}
