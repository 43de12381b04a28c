/**
 * Document storage in memory whose writes a test can hold back (a slow or stuck database) or
 * make fail (a database that is away), and which counts what it was asked to do.
 */
import type { StoredState, StoredUpdate } from "../../src/collab/document-storage.js";
import { MemoryDocumentStorage } from "../../src/collab/memory-document-storage.js";

export class ControlledStorage extends MemoryDocumentStorage {
  /** The size of each batch written, in order. */
  readonly batches: number[] = [];
  loads = 0;
  /** Writes waiting for `hold` to be let go. */
  waiting = 0;
  /** While set, every write fails with it (after any hold). */
  failure: Error | null = null;
  private held: Promise<void> | null = null;

  /** Hold every write back until the returned function is called. */
  hold(): () => void {
    let letGo!: () => void;
    this.held = new Promise<void>((resolve) => (letGo = resolve));
    return () => {
      this.held = null;
      letGo();
    };
  }

  override async load(documentId: string): Promise<StoredState> {
    this.loads++;
    return super.load(documentId);
  }

  override async appendBatch(updates: readonly StoredUpdate[]): Promise<void> {
    if (this.held) {
      this.waiting++;
      await this.held;
      this.waiting--;
    }
    if (this.failure) throw this.failure;
    this.batches.push(updates.length);
    return super.appendBatch(updates);
  }
}
