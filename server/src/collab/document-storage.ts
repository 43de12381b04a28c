/**
 * Where documents' Yjs state is kept, as the room registry and the update log need it: a
 * snapshot plus an append-only log of the updates not yet folded into it. Loading is the
 * snapshot and that tail; the update log appends a batch at a time (group commit); compaction
 * folds the tail into the snapshot. PostgresDocumentStorage keeps it in the database (Postgres
 * or PGlite) and is what the server runs on; MemoryDocumentStorage keeps it in a Map, for tests
 * of the collab logic that need no database.
 */
import type { AuthorId, DocumentKind } from "@roundtable/domain";
import { mergeStoredUpdates } from "@roundtable/collab";

export interface StoredUpdate {
  documentId: string;
  update: Uint8Array;
  /** The person who made it; null for the server's own changes. */
  authorId: AuthorId;
}

export interface StoredState {
  /** The snapshot (when there is one) first, then every update not yet folded into it, in order. */
  updates: Uint8Array[];
  /** How many of `updates` are the log's (not the snapshot): what a compaction would fold. */
  tailLength: number;
  /** What kind of document it is (its model is then held to), or null when the storage does not know. */
  kind: DocumentKind | null;
}

export interface DocumentStorage {
  /** A document's stored state. Nothing committed before the call is missing from it. */
  load(documentId: string): Promise<StoredState>;
  /**
   * Write a batch of updates, in order, all of them or none (a failure leaves nothing written,
   * so the caller may retry the same batch). Resolves only once the batch is durable: the
   * registry tells people their edits are saved when it does.
   */
  appendBatch(updates: readonly StoredUpdate[]): Promise<void>;
  /**
   * Fold the document's log into its snapshot; returns how many log entries were folded
   * (0 when there was nothing to fold, or another compaction got there first). Entries appended
   * while it runs are kept. Throws UnfoldableDocumentError when the state cannot be folded.
   */
  compact(documentId: string): Promise<number>;
  /** Documents whose log holds more than `threshold` entries (for the start-up sweep). */
  needingCompaction(threshold: number): Promise<string[]>;
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

/** The snapshot with these updates applied, as one update: what every storage stores as the new snapshot. */
export function foldUpdates(documentId: string, snapshot: Uint8Array | null, rows: readonly { update: Uint8Array }[]): Uint8Array {
  try {
    return mergeStoredUpdates([...(snapshot ? [snapshot] : []), ...rows.map((r) => r.update)]);
  } catch (err) {
    throw new UnfoldableDocumentError(documentId, err);
  }
}
