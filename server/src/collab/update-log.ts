/**
 * The durable update log with group commit: updates are queued as they are accepted and written
 * together every few milliseconds, one batch in flight at a time so the log keeps their order.
 * A failed write keeps its batch at the head of the queue and is retried, so nothing accepted
 * while the process lives is dropped. After each batch commits, `onPersisted` learns which
 * documents now have everything up to the batch's cut durable.
 */
import { schema, type Db } from "@roundtable/db";
import type { Logger } from "pino";

interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
  authorId: string | null;
}

export interface UpdateLogOptions {
  groupCommitMs: number;
  /** Called at the moment a batch is cut, to capture what the batch makes durable. */
  onCut(documentIds: ReadonlySet<string>): (() => void) | undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class UpdateLog {
  private queue: PendingUpdate[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private idleWaiters: (() => void)[] = [];
  /** Updates written since start; read by the benchmark and tests. */
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: UpdateLogOptions,
  ) {}

  append(documentId: string, update: Uint8Array, authorId: string): void {
    this.queue.push({ documentId, update, authorId: uuidPattern.test(authorId) ? authorId : null });
    this.schedule();
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once everything appended so far is written. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.inFlight) return Promise.resolve();
    this.schedule(0);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(delay = this.options.groupCommitMs): void {
    if (this.timer || this.inFlight) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight = this.writeBatch().finally(() => {
        this.inFlight = null;
        if (this.queue.length > 0) this.schedule();
        else for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    }, delay);
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    const documentIds = new Set(batch.map((u) => u.documentId));
    const afterCommit = this.options.onCut(documentIds);
    try {
      await this.db.insert(schema.documentUpdates).values(batch);
      this.written += batch.length;
      afterCommit?.();
    } catch (err) {
      this.log.error({ err, updates: batch.length }, "could not write updates; retrying");
      this.queue.unshift(...batch);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
