/**
 * Keeps the query planner informed on embedded PGlite. Real Postgres runs autovacuum, which
 * refreshes table statistics as data grows; PGlite runs Postgres in single-user mode without
 * it, so without this the planner believes every table is nearly empty and picks nested loops
 * that get slower with every case added.
 */
import type { Db, DatabaseKind } from "@roundtable/db";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";

export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

export function startDatabaseMaintenance(db: Db, kind: DatabaseKind, log: Logger, everyMs = 15 * 60_000): () => void {
  if (kind !== "pglite") return () => {};
  const run = () => refreshStatistics(db).catch((err: unknown) => log.error({ err }, "could not refresh table statistics"));
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
