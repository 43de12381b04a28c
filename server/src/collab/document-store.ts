/**
 * Loading and compacting a document's stored state. Loading is the snapshot plus every update
 * row not yet folded into it; compaction folds those rows into a new snapshot and deletes
 * exactly the rows it folded, in one transaction, so a row committed meanwhile is never lost.
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

/** Fold the update log into the snapshot. Returns how many update rows were folded. */
export async function compactDocument(db: Db, documentId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ snapshot: schema.documents.snapshot })
      .from(schema.documents)
      .where(eq(schema.documents.id, documentId))
      .for("update")
      .limit(1);
    if (!doc) return 0;
    const rows = await tx
      .select({ seq: schema.documentUpdates.seq, update: schema.documentUpdates.update })
      .from(schema.documentUpdates)
      .where(eq(schema.documentUpdates.documentId, documentId))
      .orderBy(asc(schema.documentUpdates.seq))
      .limit(maxRowsPerCompaction);
    if (rows.length === 0) return 0;
    const ydoc = new Y.Doc();
    if (doc.snapshot) Y.applyUpdate(ydoc, doc.snapshot);
    for (const row of rows) Y.applyUpdate(ydoc, row.update);
    const snapshot = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    const seqs = rows.map((r) => r.seq);
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

/** Documents whose update log has grown past `threshold` rows (for the start-up sweep). */
export async function documentsNeedingCompaction(db: Db, threshold: number): Promise<string[]> {
  const rows = await db
    .select({ documentId: schema.documentUpdates.documentId })
    .from(schema.documentUpdates)
    .groupBy(schema.documentUpdates.documentId)
    .having(sql`count(*) > ${threshold}`);
  return rows.map((r) => r.documentId);
}
