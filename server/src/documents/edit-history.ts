/**
 * The version history in words (ADR 0028). The update log keeps who wrote each update only
 * until compaction folds it into the snapshot, and never which section it landed in; so as each
 * person's update is accepted, the sections it touched are noted against a stretch of their
 * editing (one per person and document, ended by a quiet spell or after an hour) and written
 * every few seconds as one row per stretch. Read back as lines, grouped by person, paged.
 */
import { randomUUID } from "node:crypto";
import { sectionsTouched, type SectionTouch } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { editHistoryLines, type AuthorId, type EditedSection, type EditHistoryPage } from "@roundtable/domain";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type * as Y from "yjs";
import { documentAccessFor } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";

export interface EditHistoryOptions {
  /** How often noted edits are written. */
  flushMs: number;
  /** A person's next edit after this long quiet starts a new stretch. */
  quietMs: number;
  /** …as does one after a stretch has run this long. */
  longestMs: number;
  /** Sections named in one stretch; more are counted, not named. */
  maxSections: number;
}

export const defaultEditHistoryOptions: EditHistoryOptions = { flushMs: 5_000, quietMs: 10 * 60_000, longestMs: 60 * 60_000, maxSections: 12 };
/** Sections counted beyond those named, per stretch. */
const maxCounted = 1_000;
/** Rows written in one statement. */
const maxRowsPerWrite = 500;

interface Stretch {
  id: string;
  documentId: string;
  authorId: string;
  sections: Map<string, SectionTouch>;
  more: Set<string>;
  startedAt: number;
  lastAt: number;
}

export class EditHistoryRecorder {
  private readonly current = new Map<string, Stretch>();
  private readonly dirty = new Set<Stretch>();
  private writing: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private failedOnce = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: EditHistoryOptions = defaultEditHistoryOptions,
  ) {
    this.timer = setInterval(() => void this.flush(), options.flushMs);
    this.timer.unref();
  }

  /** An update by a person, already applied to `doc`. The server's own changes (author null) are not history. */
  noted(documentId: string, doc: Y.Doc, authorId: AuthorId, update: Uint8Array, now = Date.now()): void {
    if (authorId === null) return;
    let touched: Map<string, SectionTouch>;
    try {
      touched = sectionsTouched(doc, update);
    } catch (err) {
      // The update is applied and saved whatever this says; the history just misses it.
      if (!this.failedOnce) this.log.warn({ documentId, err: err instanceof Error ? err.name : "unknown" }, "could not tell which sections an edit touched");
      this.failedOnce = true;
      return;
    }
    if (touched.size === 0) return;
    const key = `${documentId}:${authorId}`;
    let stretch = this.current.get(key);
    if (!stretch || now - stretch.lastAt > this.options.quietMs || now - stretch.startedAt > this.options.longestMs) {
      stretch = { id: randomUUID(), documentId, authorId, sections: new Map(), more: new Set(), startedAt: now, lastAt: now };
      this.current.set(key, stretch);
    }
    stretch.lastAt = now;
    for (const [heading, kind] of touched) {
      if (stretch.sections.has(heading) || stretch.sections.size < this.options.maxSections) {
        if (stretch.sections.get(heading) !== "changed") stretch.sections.set(heading, kind);
      } else if (stretch.more.size < maxCounted) stretch.more.add(heading);
    }
    this.dirty.add(stretch);
  }

  /** Write what has been noted; a failed write is tried again next time. */
  flush(): Promise<void> {
    this.writing ??= this.write().finally(() => (this.writing = null));
    return this.writing;
  }

  /** Shutting down: write everything noted. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
    await this.flush();
  }

  private async write(): Promise<void> {
    const batch = [...this.dirty];
    this.dirty.clear();
    for (let i = 0; i < batch.length; i += maxRowsPerWrite) {
      const rows = batch.slice(i, i + maxRowsPerWrite);
      try {
        await this.db
          .insert(schema.documentEdits)
          .values(
            rows.map((s) => ({
              id: s.id,
              documentId: s.documentId,
              authorId: s.authorId,
              sections: [...s.sections].map(([heading, kind]): EditedSection => ({ heading, kind })),
              moreSections: s.more.size,
              startedAt: new Date(s.startedAt),
              lastAt: new Date(s.lastAt),
            })),
          )
          .onConflictDoUpdate({
            target: schema.documentEdits.id,
            set: { sections: sql`excluded.sections`, moreSections: sql`excluded.more_sections`, lastAt: sql`excluded.last_at` },
          });
      } catch (err) {
        for (const s of rows) this.dirty.add(s);
        this.log.error({ rows: rows.length, err: err instanceof Error ? err.name : "unknown" }, "could not write the version history; trying again");
      }
    }
    // A stretch gone quiet is finished: forget it once written.
    const now = Date.now();
    for (const [key, s] of this.current) if (!this.dirty.has(s) && now - s.lastAt > this.options.quietMs) this.current.delete(key);
  }
}

/** Stretches read for one page of the history. */
const pageRows = 50;

/** The history of a document and the parts the reader may open, newest first, a page at a time (`before`: a checked cursor). */
export async function documentHistory(db: Db, person: Person, documentId: string, before?: string): Promise<EditHistoryPage> {
  orRefuse(await documentAccessFor(db, person, documentId));
  const cursor = before === undefined ? null : before.split("|");
  const parts = await db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.partOf, documentId));
  const ids = [documentId];
  for (const part of parts) if ((await documentAccessFor(db, person, part.id)).ok) ids.push(part.id);
  const edits = schema.documentEdits;
  const rows = await db
    .select({ id: edits.id, authorId: edits.authorId, author: schema.people.name, documentTitle: schema.documents.title, sections: edits.sections, moreSections: edits.moreSections, startedAt: edits.startedAt, lastAt: edits.lastAt })
    .from(edits)
    .innerJoin(schema.documents, eq(schema.documents.id, edits.documentId))
    .leftJoin(schema.people, eq(schema.people.id, edits.authorId))
    .where(and(inArray(edits.documentId, ids), cursor ? or(lt(edits.lastAt, new Date(cursor[0]!)), and(eq(edits.lastAt, new Date(cursor[0]!)), lt(edits.id, cursor[1]!))) : undefined))
    .orderBy(desc(edits.lastAt), desc(edits.id))
    .limit(pageRows + 1);
  const page = rows.slice(0, pageRows);
  const last = page.at(-1);
  return {
    lines: editHistoryLines(page.map((r) => ({ ...r, startedAt: r.startedAt.toISOString(), lastAt: r.lastAt.toISOString() }))),
    earlier: rows.length > pageRows && last ? `${last.lastAt.toISOString()}|${last.id}` : null,
  };
}
