/**
 * A multi-row INSERT sent as plain SQL and parameters, without drizzle's query builder, for the
 * one insert on the collab path: the update log's batches. drizzle walks every value of a
 * statement through its SQL chunks and column mappings on the event loop; a CPU profile of the
 * server under `pnpm bench:collab` (20 documents × 10 clients × 10 edits/s, PGlite, 2026-12-07)
 * put about 0.8 s of 10 s there, as much as applying the updates. The statement's text depends
 * only on the table, its columns and the number of rows, and is quick to write out.
 */
import type { Db } from "./database.js";

/** What drizzle wraps: postgres.js's `Sql` (unsafe) or our PGlite worker client (query). */
interface RawClient {
  unsafe?: (text: string, params: unknown[]) => PromiseLike<unknown>;
  query?: (text: string, params: unknown[]) => Promise<unknown>;
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Inserts `rows`, each a value per column in `columns` order, in one statement (so atomically,
 * and taking sequence numbers in the rows' order). `table` and `columns` are names from our own
 * schema, never from a request. Not for use inside a transaction: it runs on `db` itself.
 */
export async function insertRows(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const width = columns.length;
  if (rows.some((row) => row.length !== width)) throw new Error(`insertRows: every row needs ${width} values`);
  if (rows.length * width > 65_534) throw new Error("insertRows: more parameters than Postgres takes in one statement");
  const client = (db as unknown as { $client?: RawClient }).$client;
  const tuples: string[] = [];
  for (let r = 0, n = 1; r < rows.length; r++) {
    const slots: string[] = [];
    for (let c = 0; c < width; c++, n++) slots.push(`$${n}`);
    tuples.push(`(${slots.join(",")})`);
  }
  const text = `insert into ${quoted(table)} (${columns.map(quoted).join(",")}) values ${tuples.join(",")}`;
  const params = rows.flat();
  if (typeof client?.unsafe === "function") await client.unsafe(text, params);
  else if (typeof client?.query === "function") await client.query(text, params);
  else throw new Error("insertRows needs the database itself, not a transaction");
}
