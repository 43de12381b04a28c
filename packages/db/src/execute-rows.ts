/**
 * The rows of a raw statement run with `db.execute`: postgres.js answers with the rows
 * themselves, PGlite with an object holding them. No drizzle mapping is applied to them.
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "./database.js";

export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
