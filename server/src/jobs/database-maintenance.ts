/**
 * Keeps the query planner informed on embedded PGlite. Real Postgres runs autovacuum, which
 * refreshes table statistics as data grows; PGlite runs Postgres in single-user mode without
 * it, so without this the planner believes every table is nearly empty and picks nested loops
 * that get slower with every case added.
 */
import type { Db, DatabaseKind } from "@roundtable/db";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

export function startDatabaseMaintenance(db: Db, kind: DatabaseKind, log: Logger, everyMs = 15 * 60_000): RepeatingJob | null {
  if (kind !== "pglite") return null;
  return repeatEvery({ everyMs, runAtStart: true, what: "refreshing table statistics", log }, () => refreshStatistics(db));
}
