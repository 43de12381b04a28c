/**
 * Loading and compacting a document's stored state. Loading is the snapshot plus every update
 * row not yet folded into it; compaction folds those rows into a new snapshot and deletes
 * exactly the rows it folded, in one short transaction, so a row committed meanwhile is never lost.
 */
import { schema, type Db } from "@roundtable/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";

/** Keeps the delete's parameter list well under Postgres's limit; a longer log takes several passes. */
const maxRowsPerCompaction = 10_000;

export interface StoredState {
  updates: Uint8Array[];
  tailLength: number;
}

export async function loadDocumentState(db: Db, documentId: string): Promise<StoredState> {
  // The tail is read before the snapshot: a compaction committing in between only moves rows
  // into the snapshot we read next, so nothing can fall between the two reads.
  const tail = await db
    .select({ update: schema.documentUpdates.update })
    .from(schema.documentUpdates)
    .where(eq(schema.documentUpdates.documentId, documentId))
    .orderBy(asc(schema.documentUpdates.seq));
  const [doc] = await db
    .select({ snapshot: schema.documents.snapshot })
    .from(schema.documents)
    .where(eq(schema.documents.id, documentId))
    .limit(1);
  const updates = tail.map((r) => r.update);
  if (doc?.snapshot) updates.unshift(doc.snapshot);
  return { updates, tailLength: tail.length };
}

/** A document whose stored state could not be folded (corrupt, or too big to merge in memory). */
export class UnfoldableDocumentError extends Error {
  constructor(
    readonly documentId: string,
    cause: unknown,
  ) {
    super(`Document ${documentId} could not be folded into a snapshot`, { cause });
    this.name = "UnfoldableDocumentError";
  }
}

/**
 * Fold the update log into the snapshot. Returns how many update rows were folded.
 *
 * The merge runs outside any transaction, so saving is never held up by it. The transaction
 * then only swaps the snapshot and deletes the folded rows; its row lock is FOR NO KEY UPDATE,
 * which does not conflict with the key-share lock every insert into document_updates takes on
 * its document, so edits keep being saved throughout. If another compaction folded rows since
 * we read them (snapshot_seq moved on), this one gives up and the next one starts afresh.
 */
export async function compactDocument(db: Db, documentId: string): Promise<number> {
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

function foldUpdates(documentId: string, snapshot: Uint8Array | null, rows: { update: Uint8Array }[]): Uint8Array {
  const ydoc = new Y.Doc();
  try {
    if (snapshot) Y.applyUpdate(ydoc, snapshot);
    for (const row of rows) Y.applyUpdate(ydoc, row.update);
    return Y.encodeStateAsUpdate(ydoc);
  } catch (err) {
    throw new UnfoldableDocumentError(documentId, err);
  } finally {
    ydoc.destroy();
  }
}

/** Documents whose update log has grown past `threshold` rows (for the start-up sweep). */
export async function documentsNeedingCompaction(db: Db, threshold: number): Promise<string[]> {
  const rows = await db
    .select({ documentId: schema.documentUpdates.documentId })
    .from(schema.documentUpdates)
    .groupBy(schema.documentUpdates.documentId)
    .having(sql`count(*) > ${threshold}`);
  return rows.map((r) => r.documentId);
}
