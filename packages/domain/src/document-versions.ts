/**
 * Named versions of a document ("Agreed at the review on 8 December 2026"): what is saved, how
 * one is read back, and how a version compares with today's text, section by section (ADR 0022).
 */
import { z } from "zod";
import { textOf, type DocNode } from "./actions/action-projection.js";
import { textField } from "./text.js";

export const versionNameMaxLength = 120;

/** The versions Roundtable saves of minutes when a meeting ends and when they are agreed. */
export const reservedVersionNames = ["Agreed minutes", "Minutes as the meeting ended"] as const;
/** The version minutes are frozen as when they are agreed: the record from then on. */
export const agreedMinutesName = reservedVersionNames[0];

export const newVersionBodySchema = z
  .object({
    name: textField()
      .trim()
      .min(1, "Give the version a name, such as \u201cAgreed at the review on 8 December 2026\u201d")
      .max(versionNameMaxLength, `Keep the name under ${versionNameMaxLength} characters`)
      // Roundtable's own records of a meeting are named these; a person's version may not pose as one.
      .refine((name) => !reservedVersionNames.some((reserved) => reserved.toLowerCase() === name.toLowerCase()), {
        error: "That name is kept for the minutes Roundtable saves itself: choose another",
      }),
  })
  .strict();
export type NewVersionBody = z.infer<typeof newVersionBodySchema>;

/** One named version, as listed. */
export interface DocumentVersionSummary {
  id: string;
  name: string;
  /** Who saved it; null if that account is gone or it was saved by the system. */
  savedBy: string | null;
  savedAt: string;
}

/** One document's text in a version: the whole, or a part the reader may open. */
export interface VersionPart {
  documentId: string;
  title: string;
  content: DocNode;
}

/** A version's text, or today's: the document then each part the reader may open. */
export interface VersionText {
  version: DocumentVersionSummary | null;
  parts: VersionPart[];
}

/** A document's text cut at its headings: the sections of the care plan's template. */
export interface TextSection {
  heading: string;
  paragraphs: string[];
}

/** The document's blocks as sections: text before the first heading goes under "" (no heading). */
export function sectionsOf(doc: DocNode): TextSection[] {
  const sections: TextSection[] = [];
  let current: TextSection = { heading: "", paragraphs: [] };
  for (const block of doc.content ?? []) {
    if (block.type === "heading") {
      if (current.heading !== "" || current.paragraphs.length > 0) sections.push(current);
      current = { heading: textOf(block).trim(), paragraphs: [] };
      continue;
    }
    const text = textOf(block).replace(/\s+/g, " ").trim();
    if (text !== "") current.paragraphs.push(text);
  }
  if (current.heading !== "" || current.paragraphs.length > 0) sections.push(current);
  return sections;
}

export type ParagraphChange = { kind: "same"; text: string } | { kind: "added"; text: string } | { kind: "removed"; text: string } | { kind: "changed"; before: string; after: string };

export interface SectionComparison {
  heading: string;
  /** "added": the section is new; "removed": it is gone; "changed" or "same" otherwise. */
  status: "same" | "changed" | "added" | "removed";
  changes: ParagraphChange[];
}

/** Longest common subsequence of two paragraph lists is bounded by this many cells; beyond it, a plain replace. */
const maxDiffCells = 250_000;

/** Paragraph by paragraph: what stayed, what was added, removed, or changed in place. */
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const n = before.length;
  const m = after.length;
  if (n * m > maxDiffCells) {
    return [...before.map((text) => ({ kind: "removed" as const, text })), ...after.map((text) => ({ kind: "added" as const, text }))];
  }
  // lcs[i][j]: the longest common run of before[i..] and after[j..].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const raw: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      raw.push({ kind: "same", text: before[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) {
      raw.push({ kind: "added", text: after[j++]! });
    } else {
      raw.push({ kind: "removed", text: before[i++]! });
    }
  }
  // A paragraph removed and one added in its place read as one paragraph changed.
  const changes: ParagraphChange[] = [];
  for (let k = 0; k < raw.length; k++) {
    const here = raw[k]!;
    const next = raw[k + 1];
    if (here.kind === "removed" && next?.kind === "added") {
      changes.push({ kind: "changed", before: here.text, after: next.text });
      k++;
    } else changes.push(here);
  }
  return changes;
}

/**
 * Each section keyed by its heading and which of the sections with that heading it is (the
 * second "Notes" is `Notes#1`), so two sections sharing a heading are never merged.
 */
function keyedByOccurrence(sections: readonly TextSection[]): [string, TextSection][] {
  const seen = new Map<string, number>();
  return sections.map((section) => {
    const n = seen.get(section.heading) ?? 0;
    seen.set(section.heading, n + 1);
    return [`${section.heading}#${n}`, section];
  });
}

/**
 * A version compared with today's text, section by section, in the order today's text has them.
 * Sections are paired by heading and occurrence: the first "Notes" then with the first "Notes" now.
 */
export function compareSections(version: readonly TextSection[], today: readonly TextSection[]): SectionComparison[] {
  const then = new Map(keyedByOccurrence(version));
  const out: SectionComparison[] = [];
  for (const [key, now] of keyedByOccurrence(today)) {
    const old = then.get(key);
    then.delete(key);
    if (!old) {
      out.push({ heading: now.heading, status: "added", changes: now.paragraphs.map((text) => ({ kind: "added", text })) });
      continue;
    }
    const changes = diffParagraphs(old.paragraphs, now.paragraphs);
    out.push({ heading: now.heading, status: changes.every((c) => c.kind === "same") ? "same" : "changed", changes });
  }
  for (const old of then.values()) out.push({ heading: old.heading, status: "removed", changes: old.paragraphs.map((text) => ({ kind: "removed", text })) });
  return out;
}
