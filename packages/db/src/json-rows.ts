/**
 * Many rows read as one JSON value. Embedded PGlite hands each row and field across from its
 * WebAssembly heap, and then across threads (pglite-worker-client.ts), one at a time: at bench
 * size, 500 rows of eight fields cost about 13 ms more as rows than as one JSON array of them.
 * For a query whose rows are plain values (text, numbers, dates as 'YYYY-MM-DD'), select
 * `jsonArrayOf({...})` in place of the fields, and `parseJsonArray` the one value it gives.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/** `coalesce(json_agg(json_build_object('key', value, …)), '[]')::text`: the query's rows, each an object with these keys. */
export function jsonArrayOf<T extends object>(fields: { [K in keyof T]: SQLWrapper }): SQL<string> & { readonly rowType?: T } {
  const pairs = sql.join(
    Object.entries(fields as Record<string, SQLWrapper>).map(([key, value]) => sql`${key}::text, ${value}`),
    sql`, `,
  );
  return sql<string>`coalesce(json_agg(json_build_object(${pairs})), '[]')::text`;
}

export function parseJsonArray<T>(_of: { readonly rowType?: T }, text: string | null | undefined): T[] {
  return text ? (JSON.parse(text) as T[]) : [];
}
