/**
 * The durable update log with group commit: updates are queued as they are accepted and written
 * together a few milliseconds later, one batch in flight at a time so the log keeps their order,
 * and batches at least a write interval apart, so a stream of edits is a few INSERTs a second.
 * A batch is bounded in rows and bytes, so a backlog built up while the database was away is
 * written in chunks of a quick INSERT each once it is back.
 * Batches go to a DocumentStorage, which writes each one all or nothing.
 * A failed write keeps its batch at the head of the queue and is retried after a capped
 * exponential back-off, so nothing accepted while the process lives is dropped. After each
 * batch commits, `onPersisted` learns which documents now have everything up to the batch's
 * cut durable, and `onWritten` is handed the batch. Whether edits are being saved (`saving`) is reported as it changes.
 * Each update is numbered as it is appended (`append` returns its number), and the log is
 * written in that order, so a batch's commit makes durable every update numbered up to its last:
 * other processes are told just that number (ADR 0039).
 */
import type { AuthorId } from "@roundtable/domain";
import type { Logger } from "pino";
import { RateLimitedFailureLog } from "../database-failure.js";
import type { Backlog, UpdateLogLimits } from "../durability-config.js";
import type { DocumentStorage } from "./document-storage.js";

interface PendingUpdate {
  /** Its number in this process's log, in the order appended (and written). */
  seq: number;
  documentId: string;
  update: Uint8Array;
  authorId: AuthorId;
  queuedAt: number;
}

export interface UpdateLogOptions extends UpdateLogLimits {
  /** How long the first update of a batch waits for others before the batch is written. */
  groupCommitMs: number;
  /**
   * The least time from one batch's start to the next one's (0 for none): a lone edit is written
   * after groupCommitMs, but a steady stream is written this often, in fewer, larger INSERTs.
   */
  writeIntervalMs?: number;
  /** Called at the moment a batch is cut, to capture what the batch makes durable. */
  onCut(documentIds: ReadonlySet<string>): (() => void) | undefined;
  /** Told of each batch once it is written, in the order written (the fan-out publishes them, ADR 0039). */
  onWritten?(batch: readonly { seq: number; documentId: string }[]): void;
  /** Told when edits stop being saved (a write failed, or waited too long) and when they are saved again. */
  onSavingChanged?(saving: boolean): void;
}

const firstRetryMs = 100;
const stallCheckMs = 500;

export class UpdateLog {
  private queue: PendingUpdate[] = [];
  private writing: PendingUpdate[] = [];
  /** Updates per document in `queue` (not counting the batch being written). */
  private readonly queuedPerDocument = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private idleWaiters: (() => void)[] = [];
  private consecutiveFailures = 0;
  private savingNow = true;
  private stopped = false;
  private lastSeq = 0;
  /** When the last batch was started (performance.now()). */
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** The last update a drain waits for: batches up to it do not wait out the write interval. */
  private pressUpTo = 0;
  private readonly failures: RateLimitedFailureLog;
  private readonly stallCheck: NodeJS.Timeout;
  /** Updates written since start; read by the benchmark and tests. */
  written = 0;

  constructor(
    private readonly storage: DocumentStorage,
    private readonly log: Logger,
    private readonly options: UpdateLogOptions,
  ) {
    this.failures = new RateLimitedFailureLog(log, options.failureLogIntervalMs);
    // A write that never returns (a stuck database) fails nothing; notice it by the clock.
    this.stallCheck = setInterval(() => this.updateSaving(), stallCheckMs);
    this.stallCheck.unref();
  }

  /** Queue an update to be written; returns its number (see the header). */
  append(documentId: string, update: Uint8Array, authorId: AuthorId): number {
    const seq = ++this.lastSeq;
    this.queue.push({ seq, documentId, update, authorId, queuedAt: Date.now() });
    this.queuedPerDocument.set(documentId, (this.queuedPerDocument.get(documentId) ?? 0) + 1);
    this.schedule();
    return seq;
  }

  get pending(): number {
    return this.queue.length + this.writing.length;
  }

  get saving(): boolean {
    return this.savingNow;
  }

  backlog(): Backlog {
    const oldest = this.writing[0] ?? this.queue[0];
    return { waiting: this.pending, oldestWaitingMs: oldest ? Date.now() - oldest.queuedAt : 0, saving: this.savingNow };
  }

  /** Resolves once everything appended so far is written. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.inFlight) return Promise.resolve();
    this.pressUpTo = this.lastSeq;
    if (this.consecutiveFailures === 0) this.writeNow();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Like drain, but gives up after `timeoutMs`: true if everything was written. */
  async drainWithin(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.drain().then(() => true as const), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stop writing and watching for stalls (shutdown, after the last drain). Queued updates stay queued. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.stallCheck);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The next batch without waiting out the group commit or the write interval (drain). */
  private writeNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.schedule(0, true);
  }

  /** `pressing`: a drain waits for the next batch, so the write interval is not waited out. */
  private schedule(delay = this.options.groupCommitMs, pressing = false): void {
    if (this.timer || this.inFlight || this.stopped) return;
    const wait = pressing ? delay : Math.max(delay, this.lastWriteAt + (this.options.writeIntervalMs ?? 0) - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastWriteAt = performance.now();
      this.inFlight = this.writeBatch().finally(() => {
        this.inFlight = null;
        if (this.queue.length > 0) {
          this.schedule(this.consecutiveFailures > 0 ? this.retryDelay() : this.options.groupCommitMs, this.queue[0]!.seq <= this.pressUpTo);
        }
        else for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    }, wait);
  }

  /** Capped exponential back-off with jitter, so many servers do not retry in step. */
  private retryDelay(): number {
    const ceiling = Math.min(this.options.retryMaxMs, firstRetryMs * 2 ** (this.consecutiveFailures - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  /** Take the head of the queue, bounded in rows and bytes. */
  private cutBatch(): PendingUpdate[] {
    let rows = 0;
    let bytes = 0;
    while (rows < this.queue.length && rows < this.options.maxBatchRows) {
      const size = this.queue[rows]!.update.byteLength;
      if (rows > 0 && bytes + size > this.options.maxBatchBytes) break;
      bytes += size;
      rows++;
    }
    const batch = this.queue.splice(0, rows);
    for (const u of batch) {
      const left = (this.queuedPerDocument.get(u.documentId) ?? 1) - 1;
      if (left > 0) this.queuedPerDocument.set(u.documentId, left);
      else this.queuedPerDocument.delete(u.documentId);
    }
    return batch;
  }

  private async writeBatch(): Promise<void> {
    const batch = this.cutBatch();
    if (batch.length === 0) return;
    this.writing = batch;
    // A document with updates still queued behind this batch is only durable up to a point we
    // cannot name by its state vector: it is acknowledged when its last queued update is written.
    const documentIds = new Set(batch.map((u) => u.documentId).filter((id) => !this.queuedPerDocument.has(id)));
    const afterCommit = documentIds.size > 0 ? this.options.onCut(documentIds) : undefined;
    try {
      await this.storage.appendBatch(batch.map(({ documentId, update, authorId }) => ({ documentId, update, authorId })));
      this.written += batch.length;
      this.consecutiveFailures = 0;
      this.writing = [];
      afterCommit?.();
      this.options.onWritten?.(batch);
    } catch (err) {
      this.consecutiveFailures++;
      this.writing = [];
      this.queue.unshift(...batch);
      for (const u of batch) this.queuedPerDocument.set(u.documentId, (this.queuedPerDocument.get(u.documentId) ?? 0) + 1);
      const { waiting, oldestWaitingMs } = this.backlog();
      this.failures.failed(err, { updates: batch.length, waiting, oldestWaitingMs }, "could not write updates; retrying");
    }
    this.updateSaving();
  }

  private updateSaving(): void {
    const stalled = this.backlog().oldestWaitingMs > this.options.notSavingAfterMs;
    const saving = this.consecutiveFailures === 0 && !stalled;
    if (saving === this.savingNow) return;
    this.savingNow = saving;
    if (saving) this.log.info({ written: this.written }, "edits are being saved again");
    else this.log.warn(this.backlog(), "edits are not being saved");
    this.options.onSavingChanged?.(saving);
  }
}
