/**
 * Keeps the query planner informed on embedded PGlite. Real Postgres runs autovacuum, which
 * refreshes table statistics as data grows; PGlite runs Postgres in single-user mode without
 * it, so without this the planner believes every table is nearly empty and picks nested loops
 * that get slower with every case added; nor does it vacuum, so the small tables rewritten on
 * every change are vacuumed here too (the whole database would hold PGlite's one connection for
 * seconds at scale).
 */
import type { Db, DatabaseKind, RunAlone } from "@roundtable/db";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

/**
 * The tables the database rewrites on every change to an action or a consent (ADR 0034, 0036):
 * with no autovacuum, their dead rows would pile up and every read of them would step over more.
 */
export const keptTables = ["cetr_action_figures", "cetr_action_child_figures", "cetr_action_report_figures", "cetr_action_status_days", "cetr_action_child_days", "icb_oversight"];

export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql.raw(`vacuum ${keptTables.join(", ")}`));
  await db.execute(sql`analyze`);
}

export function startDatabaseMaintenance(db: Db, kind: DatabaseKind, runAlone: RunAlone, log: Logger, everyMs = 15 * 60_000): RepeatingJob | null {
  if (kind !== "pglite") return null;
  return repeatEvery({ everyMs, runAtStart: true, what: "refreshing table statistics", log, once: { name: "database maintenance", runAlone } }, () => refreshStatistics(db));
}
