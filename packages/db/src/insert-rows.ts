/**
 * A multi-row INSERT sent as plain SQL and parameters, without drizzle's query builder, for the
 * one insert on the collab path: the update log's batches. drizzle walks every value of a
 * statement through its SQL chunks and column mappings on the event loop; a CPU profile of the
 * server under `pnpm bench:collab` (20 documents × 10 clients × 10 edits/s, PGlite, 2026-12-07)
 * put about 0.8 s of 10 s there, as much as applying the updates. The statement's text depends
 * only on the table and its columns.
 */
import type { Db } from "./database.js";

/** What drizzle wraps: postgres.js's `Sql` (unsafe) or our PGlite worker client (query). */
interface RawClient {
  unsafe?: (text: string, params: unknown[], options?: { prepare?: boolean }) => PromiseLike<unknown>;
  /** postgres.js: a JS array as a parameter of the array type of `elementType` (an oid). */
  array?: (values: unknown[], elementType: number) => unknown;
  query?: (text: string, params: unknown[]) => Promise<unknown>;
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** A column to insert into: its name and its SQL type, both from our own schema. */
export interface InsertColumn {
  name: string;
  type: keyof typeof typeOids;
  /**
   * For a foreign key whose value need not be kept (who wrote an update): null when no row of
   * `table` has it in `column`, so one unknown value cannot make the whole INSERT fail.
   */
  nullUnlessIn?: { table: string; column: string };
}

/** The oids postgres.js needs to send an array of each type (it cannot tell a uuid from text). */
const typeOids = { uuid: 2950, bytea: 17, text: 25, integer: 23, bigint: 20, timestamptz: 1184 } as const;

/**
 * Inserts `rows`, each a value per column in `columns` order, in one statement (so atomically,
 * and taking sequence numbers in the rows' order). Each column travels as one array, unnested by
 * the database, so the statement's text is the same however many rows there are: postgres.js
 * prepares it once per connection and then sends each INSERT in one round trip (unprepared, it
 * asks the database to describe every statement first, a round trip more). `table` and
 * `columns` are names from our own schema, never from a request. Not for use inside a
 * transaction: it runs on `db`.
 */
export async function insertRows(db: Db, table: string, columns: readonly InsertColumn[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const width = columns.length;
  if (rows.some((row) => row.length !== width)) throw new Error(`insertRows: every row needs ${width} values`);
  const client = (db as unknown as { $client?: RawClient }).$client;
  const names = columns.map((c) => quoted(c.name)).join(",");
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(",");
  const values = columns
    .map(({ name, nullUnlessIn: key }) => {
      if (!key) return `given.${quoted(name)}`;
      const [t, c] = [quoted(key.table), quoted(key.column)];
      return `(select known.${c} from ${t} as known where known.${c} = given.${quoted(name)})`;
    })
    .join(",");
  const text = `insert into ${quoted(table)} (${names}) select ${values} from unnest(${arrays}) with ordinality as given(${names}, "ordinality") order by "ordinality"`;
  const arraysOf = columns.map((_, c) => rows.map((row) => row[c]));
  if (typeof client?.unsafe === "function" && typeof client.array === "function") {
    const { array } = client;
    await client.unsafe(
      text,
      arraysOf.map((values, c) => array(values, typeOids[columns[c]!.type])),
      { prepare: true },
    );
  } else if (typeof client?.query === "function") await client.query(text, arraysOf);
  else throw new Error("insertRows needs the database itself, not a transaction");
}
