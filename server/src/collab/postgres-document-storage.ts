/**
 * Document storage in the database (Postgres, or embedded PGlite): the snapshot in
 * `documents.snapshot`, the log in `document_updates`. Loading is the snapshot plus every row not
 * yet folded into it; compaction folds those rows into a new snapshot and deletes exactly the
 * rows it folded, in one short transaction, so a row committed meanwhile is never lost.
 */
import { executeRows, insertRows, schema, type Db, type InsertColumn } from "@roundtable/db";
import type { DocumentKind } from "@roundtable/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { foldUpdates, type DocumentStorage, type StoredState, type StoredUpdate } from "./document-storage.js";

/** Keeps the delete's parameter list well under Postgres's limit; a longer log takes several passes. */
const maxRowsPerCompaction = 10_000;

/**
 * The update log's columns, as insertRows writes them. An author who is not a person is written
 * as none: an id from another process (ADR 0039) must not be able to stop every edit being saved.
 */
const updateLogColumns: readonly InsertColumn[] = [
  { name: "document_id", type: "uuid" },
  { name: "update", type: "bytea" },
  { name: "author_id", type: "uuid", nullUnlessIn: { table: "people", column: "id" } },
];

/** The updates of a packed tail (see load), as views of it. */
function unpackTail(packed: Uint8Array | null): Uint8Array[] {
  if (!packed) return [];
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const updates: Uint8Array[] = [];
  for (let at = 0; at < packed.byteLength; ) {
    const length = view.getUint32(at);
    // A plain view, whatever the driver handed back (postgres.js: a Buffer; PGlite: a Uint8Array).
    updates.push(new Uint8Array(packed.buffer, packed.byteOffset + at + 4, length));
    at += 4 + length;
  }
  return updates;
}

/** What loading reads, as the driver gives it back (no drizzle mapping on a raw statement). */
interface LoadedRow {
  snapshot: Uint8Array | null;
  kind: DocumentKind | null;
  tail: Uint8Array | null;
}

export class PostgresDocumentStorage implements DocumentStorage {
  constructor(private readonly db: Db) {}

  async load(documentId: string): Promise<StoredState> {
    // One statement, so the snapshot and the tail are read as of one moment: a compaction
    // committing meanwhile cannot move rows between them. The tail comes back as one value, each
    // update after its length (4 bytes, big-endian): thousands of rows are one row to carry from
    // the database, or from the PGlite worker. A document with no row still has its tail read.
    const u = schema.documentUpdates;
    const d = schema.documents;
    const [row] = await executeRows<LoadedRow>(this.db, sql`
      select ${d.snapshot} as snapshot, ${d.kind} as kind,
        (select string_agg(int4send(length(${u.update})) || ${u.update}, ''::bytea order by ${u.seq}) from ${u} where ${u.documentId} = ${documentId}) as tail
      from (select 1) as one left join ${d} on ${d.id} = ${documentId}`);
    const tail = unpackTail(row?.tail ?? null);
    const updates = row?.snapshot ? [row.snapshot, ...tail] : tail;
    return { updates, tailLength: tail.length, kind: row?.kind ?? null };
  }

  /**
   * One INSERT: atomic, and its rows take sequence numbers in the batch's order. Written out by
   * hand (insertRows), because drizzle's builder cost as much of the event loop as the edits did.
   */
  async appendBatch(updates: readonly StoredUpdate[]): Promise<void> {
    await insertRows(
      this.db,
      "document_updates",
      updateLogColumns,
      updates.map(({ documentId, update, authorId }) => [documentId, update, authorId]),
    );
  }

  /**
   * The merge runs outside any transaction, so saving is never held up by it. The transaction
   * then only swaps the snapshot and deletes the folded rows; its row lock is FOR NO KEY UPDATE,
   * which does not conflict with the key-share lock every insert into document_updates takes on
   * its document, so edits keep being saved throughout. If another compaction folded rows since
   * we read them (snapshot_seq moved on), this one gives up and the next one starts afresh.
   */
  async compact(documentId: string): Promise<number> {
    const { db } = this;
    const [doc] = await db
      .select({ snapshot: schema.documents.snapshot, snapshotSeq: schema.documents.snapshotSeq })
      .from(schema.documents)
      .where(eq(schema.documents.id, documentId))
      .limit(1);
    if (!doc) return 0;
    const rows = await db
      .select({ seq: schema.documentUpdates.seq, update: schema.documentUpdates.update })
      .from(schema.documentUpdates)
      .where(eq(schema.documentUpdates.documentId, documentId))
      .orderBy(asc(schema.documentUpdates.seq))
      .limit(maxRowsPerCompaction);
    if (rows.length === 0) return 0;
    const snapshot = foldUpdates(documentId, doc.snapshot, rows);
    const seqs = rows.map((r) => r.seq);
    return db.transaction(async (tx) => {
      const [current] = await tx
        .select({ snapshotSeq: schema.documents.snapshotSeq })
        .from(schema.documents)
        .where(eq(schema.documents.id, documentId))
        .for("no key update")
        .limit(1);
      if (!current || current.snapshotSeq !== doc.snapshotSeq) return 0;
      await tx
        .update(schema.documents)
        .set({ snapshot, snapshotSeq: Math.max(...seqs), updatedAt: new Date() })
        .where(eq(schema.documents.id, documentId));
      await tx
        .delete(schema.documentUpdates)
        .where(and(eq(schema.documentUpdates.documentId, documentId), inArray(schema.documentUpdates.seq, seqs)));
      return rows.length;
    });
  }

  async needingCompaction(threshold: number): Promise<string[]> {
    const rows = await this.db
      .select({ documentId: schema.documentUpdates.documentId })
      .from(schema.documentUpdates)
      .groupBy(schema.documentUpdates.documentId)
      .having(sql`count(*) > ${threshold}`);
    return rows.map((r) => r.documentId);
  }
}
