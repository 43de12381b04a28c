/**
 * Document storage in memory: the same contract as the database's, kept in a Map and lost with
 * the process. For tests of the collab logic (group commit, compaction, unload) that should run
 * in milliseconds, and for measuring the collab path without a database. A test that needs
 * storage to fail or stall subclasses it and overrides a method.
 */
import type { DocumentKind } from "@roundtable/domain";
import { foldUpdates, type DocumentStorage, type StoredState, type StoredUpdate } from "./document-storage.js";

interface StoredDocument {
  snapshot: Uint8Array | null;
  log: StoredUpdate[];
  kind: DocumentKind | null;
}

export class MemoryDocumentStorage implements DocumentStorage {
  private readonly documents = new Map<string, StoredDocument>();

  async load(documentId: string): Promise<StoredState> {
    const { snapshot, log, kind } = this.stored(documentId);
    const tail = log.map((u) => u.update);
    return { updates: snapshot ? [snapshot, ...tail] : tail, tailLength: tail.length, kind };
  }

  /** Say what kind a document is (the registry then holds it to that kind's model); unknown until said. */
  setKind(documentId: string, kind: DocumentKind): void {
    this.documentFor(documentId).kind = kind;
  }

  async appendBatch(updates: readonly StoredUpdate[]): Promise<void> {
    // Copied: the caller's buffers may be reused, and the database would not see later changes either.
    for (const u of updates) this.documentFor(u.documentId).log.push({ ...u, update: u.update.slice() });
  }

  async compact(documentId: string): Promise<number> {
    const doc = this.documents.get(documentId);
    if (!doc || doc.log.length === 0) return 0;
    const folded = doc.log.length;
    doc.snapshot = foldUpdates(documentId, doc.snapshot, doc.log);
    doc.log = [];
    return folded;
  }

  async needingCompaction(threshold: number): Promise<string[]> {
    return [...this.documents].filter(([, doc]) => doc.log.length > threshold).map(([id]) => id);
  }

  /** What is stored for a document now (for tests and counting): its snapshot and its log. */
  stored(documentId: string): { readonly snapshot: Uint8Array | null; readonly log: readonly StoredUpdate[]; readonly kind: DocumentKind | null } {
    return this.documents.get(documentId) ?? { snapshot: null, log: [], kind: null };
  }

  private documentFor(documentId: string): StoredDocument {
    let doc = this.documents.get(documentId);
    if (!doc) {
      doc = { snapshot: null, log: [], kind: null };
      this.documents.set(documentId, doc);
    }
    return doc;
  }
}
