/**
 * The register as a CSV file: the page on screen (the same filters, order and page), one line a
 * child, for a spreadsheet. Cells are quoted when they hold a comma, a quote or a line break
 * (RFC 4180), and a cell that a spreadsheet would run as a formula is made plain text. A
 * download is a read of every listed child's record, so it is on each child's audit trail.
 */
import type { Db } from "@roundtable/db";
import { todayInEngland, type RecordedRagRating, type RegisterPage, type RegisterQuery, type RegisterRow } from "@roundtable/domain";
import { recordAudits } from "../audit/audit-log.js";
import type { Person } from "../auth/sessions.js";
import { listRegister, type RegisterOptions } from "./register.js";

/**
 * One cell. A value starting with = + - @ (or a tab or carriage return, which some spreadsheets
 * skip before looking) could be taken as a formula and run when the file is opened, so it gets a
 * leading apostrophe, which shows it as the text it is.
 */
export function csvCell(value: string): string {
  const plain = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(plain) ? `"${plain.replaceAll('"', '""')}"` : plain;
}

function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(",");
}

/** "Red", "Yellow": a rating as a word, whether one of the four or a level the service added. */
function ratingWord(rating: RecordedRagRating): string {
  return rating.charAt(0).toUpperCase() + rating.slice(1);
}

/** An instant as the day it falls on in England; a date as it is. Empty when there is none. */
const day = (instant: string | null) => (instant ? todayInEngland(new Date(instant)) : "");

const columns: readonly { heading: string; value(row: RegisterRow): string }[] = [
  { heading: "Child", value: (r) => r.child.name },
  { heading: "Case id", value: (r) => r.child.id },
  { heading: "RAG rating", value: (r) => ratingWord(r.rating) },
  { heading: "Keyworker", value: (r) => r.keyworker?.name ?? "" },
  { heading: "Second keyworker", value: (r) => r.secondKeyworker?.name ?? "" },
  { heading: "Last rating change", value: (r) => day(r.lastRatingChangeAt) },
  { heading: "Next meeting", value: (r) => day(r.nextMeetingAt) },
  { heading: "Last CETR held", value: (r) => r.lastCetrHeldOn ?? "" },
  { heading: "Next CETR due", value: (r) => r.nextCetrDueOn ?? "" },
  { heading: "CETR arranged for", value: (r) => r.cetrArrangedOn ?? "" },
  { heading: "Signals", value: (r) => r.signals.map((s) => s.text).join("\n") },
];

/** The page as CSV text: a byte-order mark (so spreadsheets read names as UTF-8), a heading line, then a line a child, each ending CRLF. */
export function registerCsv(page: RegisterPage): string {
  const lines = [csvLine(columns.map((c) => c.heading)), ...page.rows.map((row) => csvLine(columns.map((c) => c.value(row))))];
  return `\uFEFF${lines.map((l) => `${l}\r\n`).join("")}`;
}

export async function registerCsvDownload(db: Db, person: Person, query: RegisterQuery, options: RegisterOptions): Promise<{ filename: string; csv: string }> {
  const page = await listRegister(db, person, query, options);
  await recordAudits(
    db,
    page.rows.map((row) => ({
      actor: person,
      role: person.role,
      action: "exported" as const,
      caseId: row.child.id,
      detail: { format: "csv", list: "register", children: page.rows.length },
    })),
  );
  return { filename: `register-${page.today}${page.total > page.rows.length ? `-page-${page.page}` : ""}.csv`, csv: registerCsv(page) };
}
