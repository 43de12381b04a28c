/**
 * A document's version history in words (ADR 0028): "Priya Shah changed Needs and strengths
 * and Outcomes we are working towards", "Claire Walker added to What my family says". The server
 * keeps, per stretch of one person's editing, the sections they touched by heading; these pure
 * functions group a person's consecutive stretches into one line and say it in plain English.
 */
import { z } from "zod";

/** One section someone touched: "added" when they only added to it, "changed" otherwise. */
export interface EditedSection {
  heading: string;
  kind: "added" | "changed";
}

/** One stored stretch of someone's editing, newest first as read. */
export interface EditStretch {
  /** Who; null if that account is gone. */
  author: string | null;
  authorId: string | null;
  /** The document (or part) edited, to name text above its first heading. */
  documentTitle: string;
  sections: EditedSection[];
  moreSections: number;
  startedAt: string;
  lastAt: string;
}

/** One line of the history: one person's run of edits with no one else's in between. */
export interface EditHistoryLine {
  author: string | null;
  added: string[];
  changed: string[];
  /** Sections touched beyond those named. */
  moreSections: number;
  from: string;
  at: string;
}

/** A page of the history, newest first; `earlier` asks for the page before it, null at the start. */
export interface EditHistoryPage {
  lines: EditHistoryLine[];
  earlier: string | null;
}

/** Edits by the same person with less than this between them read as one line. */
export const editGroupingMinutes = 30;

/** `?before=` of the history: the moment and id of the last stretch read, as the server gave it. */
export const editHistoryCursorSchema = z
  .string()
  .max(80)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/i, "That is not a place in the history");

/** GET …/history's query. */
export const editHistoryQuerySchema = z.object({ before: editHistoryCursorSchema.optional() }).strict();

function sectionName(heading: string, documentTitle: string): string {
  return heading === "" ? `the top of ${documentTitle}` : heading;
}

/** Stretches (newest first) as lines: one person's consecutive stretches within the grouping window become one. */
export function editHistoryLines(stretches: readonly EditStretch[], groupingMinutes = editGroupingMinutes): EditHistoryLine[] {
  const lines: (EditHistoryLine & { authorId: string | null; kinds: Map<string, EditedSection["kind"]> })[] = [];
  for (const stretch of stretches) {
    let line = lines.at(-1);
    const sameRun = line && line.authorId === stretch.authorId && Date.parse(line.from) - Date.parse(stretch.lastAt) <= groupingMinutes * 60_000;
    if (!line || !sameRun) {
      line = { author: stretch.author, authorId: stretch.authorId, added: [], changed: [], moreSections: 0, from: stretch.startedAt, at: stretch.lastAt, kinds: new Map() };
      lines.push(line);
    }
    line.from = stretch.startedAt;
    line.moreSections += stretch.moreSections;
    for (const { heading, kind } of stretch.sections) {
      const name = sectionName(heading, stretch.documentTitle);
      if (line.kinds.get(name) !== "changed") line.kinds.set(name, kind);
    }
  }
  return lines.map(({ kinds, authorId: _, ...line }) => ({
    ...line,
    changed: [...kinds].filter(([, kind]) => kind === "changed").map(([name]) => name),
    added: [...kinds].filter(([, kind]) => kind === "added").map(([name]) => name),
  }));
}

/** "A", "A and B", "A, B and C". */
function listed(names: readonly string[], more: number): string {
  const all = more > 0 ? [...names, `${more} other ${more === 1 ? "section" : "sections"}`] : [...names];
  if (all.length <= 1) return all.join("");
  return `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
}

/** "Priya Shah changed Needs and strengths and added to Contacts". */
export function editLineWords(line: EditHistoryLine): string {
  const who = line.author ?? "Someone no longer on Roundtable";
  // The sections beyond those named are counted with the changes when there are any.
  const moreWithChanged = line.changed.length > 0 || line.added.length === 0;
  const clauses = [
    line.changed.length > 0 || (moreWithChanged && line.moreSections > 0) ? `changed ${listed(line.changed, moreWithChanged ? line.moreSections : 0)}` : null,
    line.added.length > 0 ? `added to ${listed(line.added, moreWithChanged ? 0 : line.moreSections)}` : null,
  ].filter((c): c is string => c !== null);
  return `${who} ${clauses.join(" and ")}`;
}
