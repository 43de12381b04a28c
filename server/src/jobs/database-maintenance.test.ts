import { openDatabase } from "@roundtable/db";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { keptTables, refreshStatistics } from "./database-maintenance.js";

it("vacuums the tables the database rewrites on every change, and refreshes every table's statistics (PGlite has no autovacuum)", async () => {
  const database = await openDatabase({});
  try {
    const { db } = database;
    const stats = async () =>
      (await db.execute<{ relname: string; vacuumed: boolean; analyzed: boolean }>(
        sql`select relname, last_vacuum is not null as vacuumed, last_analyze is not null as analyzed from pg_stat_user_tables`,
      )) as unknown as { rows: { relname: string; vacuumed: boolean; analyzed: boolean }[] };
    expect((await stats()).rows.filter((r) => r.vacuumed)).toEqual([]);
    await refreshStatistics(db);
    const after = (await stats()).rows;
    expect(after.filter((r) => r.vacuumed).map((r) => r.relname).sort()).toEqual([...keptTables].sort());
    expect(after.find((r) => r.relname === "actions")?.analyzed).toBe(true);
  } finally {
    await database.close();
  }
});
