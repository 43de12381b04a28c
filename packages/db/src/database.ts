/**
 * The database factory: embedded PGlite under a data directory (the zero-setup default) or
 * real Postgres through postgres.js when a URL is given. Both get the same drizzle API and the
 * same committed migrations, applied on open. PGlite runs in a worker thread (see
 * ./pglite-worker-client.ts), because it does all its work synchronously on the calling thread,
 * and is time-boxed, restarted when stuck, and kept off a full disk (./pglite-database.ts).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { alwaysOkState, type DatabaseState } from "./database-state.js";
import { defaultPgliteLimits, PgliteDatabase, type DatabaseStateListener, type PgliteLimits } from "./pglite-database.js";
import { pgliteLockSession, postgresLockSession, type RunAlone } from "./run-alone.js";
import * as schema from "./schema.js";

export * from "./database-state.js";
export type { RunAlone } from "./run-alone.js";
export { defaultPgliteLimits, type DatabaseStateListener, type PgliteLimits } from "./pglite-database.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /**
   * Whether the database is answering and has room to save, without asking it (so it answers
   * at once even when the database does not). Embedded PGlite reports a disk below its reserve
   * and a worker that is stuck or being reopened; Postgres always reports ok here, and its
   * outages show as failed queries.
   */
  state(): DatabaseState;
  /** Calls the listener whenever state().status changes; returns a function that stops that. */
  onStateChange(listener: DatabaseStateListener): () => void;
  /** Run work unless another server process is running work of that name (an advisory lock: run-alone.ts). */
  runAlone: RunAlone;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, real Postgres is used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** Postgres: give up on one connection attempt after this many seconds (default 5). */
  connectTimeoutSeconds?: number;
  /** Postgres: the longest wait between reconnection attempts, in ms (default 1000). */
  reconnectMaxMs?: number;
  /** Embedded PGlite's time-box and free-space reserve. */
  pglite?: Partial<PgliteLimits> | undefined;
  /** Told of every statement before it runs (tests count queries with it); never logs by default. */
  logger?: Logger | undefined;
}

/**
 * postgres.js waits up to 20 s between reconnection attempts by default, so after a restart
 * the server would stay away from the database long after it is back. Start at 50 ms, double,
 * and stop at `maxMs` (in seconds, as postgres.js wants it), with jitter so servers do not
 * reconnect in step.
 */
function reconnectBackoff(maxMs: number): (attempt: number) => number {
  return (attempt) => {
    const ceiling = Math.min(maxMs, 50 * 2 ** Math.max(0, attempt - 1));
    return (ceiling / 2 + (Math.random() * ceiling) / 2) / 1000;
  };
}

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, {
      max: 10,
      onnotice: () => {},
      connect_timeout: options.connectTimeoutSeconds ?? 5,
      backoff: reconnectBackoff(options.reconnectMaxMs ?? 1000),
      // Close idle connections, and renew every connection now and then, so none outlives a
      // database restart or a failover unnoticed for long.
      idle_timeout: 60,
      max_lifetime: 30 * 60,
    });
    const db = drizzlePostgres(client, { schema, logger: options.logger ?? false });
    await migratePostgres(db, { migrationsFolder });
    const opened = alwaysOkState(Date.now());
    const locks = postgresLockSession(options.url, options.connectTimeoutSeconds ?? 5);
    return {
      db: db as unknown as Db,
      kind: "postgres",
      state: () => opened,
      onStateChange: () => () => {},
      runAlone: locks.runAlone,
      close: async () => {
        await locks.close();
        await client.end({ timeout: 5 });
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // The worker opens PGlite and applies the migrations before this resolves.
  const pglite = await PgliteDatabase.open({ dataDir: options.dataDir, migrationsFolder }, { ...defaultPgliteLimits, ...options.pglite });
  // drizzle's PGlite session only calls client.query(sql, params, { rowMode, parsers }) and
  // client.transaction(fn) with tx.query, which PgliteDatabase implements; it is not a PGlite.
  const db = drizzlePglite(pglite as unknown as PGlite, { schema, logger: options.logger ?? false });
  return {
    db: db as unknown as Db,
    kind: "pglite",
    state: () => pglite.state(),
    onStateChange: (listener) => pglite.onStateChange(listener),
    runAlone: pgliteLockSession(db as unknown as Db).runAlone,
    close: () => pglite.close(),
  };
}
