/**
 * Tells statements that only read (and transaction control) from statements that may write, so
 * that writes can be refused when the disk is nearly full while reads keep working. It errs
 * towards "writes": anything it does not recognise as a read is treated as one.
 */

/** Statements that change no data: reads, and starting or ending a transaction. */
const readOnlyKeywords = new Set([
  "select",
  "show",
  "explain",
  "values",
  "table",
  "fetch",
  "begin",
  "start",
  "commit",
  "end",
  "rollback",
  "savepoint",
  "release",
  "set",
  "reset",
]);

/** A WITH query writes if any of its parts is one of these. */
const dataModifying = /\b(insert|update|delete|merge)\b/i;

export function isReadOnlyStatement(sql: string): boolean {
  const text = withoutLiteralsAndComments(sql);
  const first = /^[\s(]*([a-z]+)/i.exec(text)?.[1]?.toLowerCase();
  if (!first) return false;
  if (first === "with") return !dataModifying.test(text);
  // SELECT … INTO makes a table; EXPLAIN ANALYZE runs the statement it explains.
  if (first === "select" && /\binto\b/i.test(text)) return false;
  if (first === "explain" && /\banalyze\b/i.test(text)) return false;
  return readOnlyKeywords.has(first);
}

/** The statement with string literals, quoted names and comments blanked, so words in them are not read as keywords. */
function withoutLiteralsAndComments(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, " ");
}
