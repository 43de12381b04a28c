/**
 * The database factory: embedded PGlite under a data directory (the zero-setup default) or
 * real Postgres through postgres.js when a URL is given. Both get the same drizzle API and the
 * same committed migrations, applied on open. PGlite runs in a worker thread (see
 * ./pglite-worker-client.ts), because it does all its work synchronously on the calling thread.
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
import { PgliteWorkerClient } from "./pglite-worker-client.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, real Postgres is used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** Told of every statement before it runs (tests count queries with it); never logs by default. */
  logger?: Logger | undefined;
}

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, logger: options.logger ?? false });
    await migratePostgres(db, { migrationsFolder });
    return { db: db as unknown as Db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // The worker opens PGlite and applies the migrations before this resolves.
  const client = await PgliteWorkerClient.start({ dataDir: options.dataDir, migrationsFolder });
  // drizzle's PGlite session only calls client.query(sql, params, { rowMode, parsers }) and
  // client.transaction(fn) with tx.query, which PgliteWorkerClient implements; it is not a PGlite.
  const db = drizzlePglite(client as unknown as PGlite, { schema, logger: options.logger ?? false });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}
