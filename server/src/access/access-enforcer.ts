/**
 * The server's AccessAnnouncer: re-checks open connections when a use-case says who may see a
 * case changed, and keeps trying a re-check the database could not answer (ADR 0015). While it
 * cannot, nobody is disconnected — a passing fault must not close a family's care plan and
 * clear the edits kept on their device — and once the database answers, a revocation made
 * during the fault takes effect. Failures are logged by code only, one line per interval.
 */
import { closeCodes } from "@roundtable/collab";
import type { Logger } from "pino";
import { RateLimitedFailureLog } from "../database-failure.js";
import type { AccessAnnouncer } from "./access-announcer.js";
import type { AccessChange, AccessChanges } from "./access-changes.js";

export interface AccessEnforcerDeps {
  /** Re-check every open connection to a case's records (enforceCaseAccess); throws, having disconnected nobody, when it cannot. */
  recheck(caseId: string): Promise<void>;
  registry: { disconnectAll(documentId: string, code: number, reason: string): void };
  accessChanges: AccessChanges;
  log: Logger;
  /** Tell the other server processes, which re-check their own connections (the fan-out, ADR 0039). */
  tellOtherProcesses?(change: AccessChange): void;
}

export interface AccessRecheckRetry {
  /** The first wait before trying a failed re-check again; it doubles after each round that fails. */
  firstMs: number;
  /** The longest wait between rounds. */
  maxMs: number;
  /** At most one log line per this interval about failed re-checks (the rest are counted). */
  failureLogIntervalMs: number;
}

export class AccessEnforcer implements AccessAnnouncer {
  /** Cases whose re-check failed, with the number of the latest re-check of each that failed. */
  private readonly waiting = new Map<string, number>();
  private rechecksStarted = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private retrying = false;
  private nextDelayMs: number;
  private closed = false;
  private readonly failures: RateLimitedFailureLog;
  private failed = 0;

  constructor(
    private readonly deps: AccessEnforcerDeps,
    private readonly retry: AccessRecheckRetry,
  ) {
    this.nextDelayMs = retry.firstMs;
    this.failures = new RateLimitedFailureLog(deps.log, retry.failureLogIntervalMs);
  }

  async caseAccessChanged(caseId: string): Promise<void> {
    this.deps.tellOtherProcesses?.({ kind: "case", caseId });
    await this.caseChangedHere(caseId);
  }

  editingEnded(documentId: string, reason: string): void {
    this.deps.tellOtherProcesses?.({ kind: "editing-ended", documentId, reason });
    this.editingEndedHere(documentId, reason);
  }

  /**
   * Act on this process's connections only, and tell nobody: a change made on another server
   * process, or one that every process finds out for itself (a birthday, ADR 0041).
   */
  async changedElsewhere(change: Exclude<AccessChange, { kind: "session-ended" }>): Promise<void> {
    if (change.kind === "case") await this.caseChangedHere(change.caseId);
    else this.editingEndedHere(change.documentId, change.reason);
  }

  private async caseChangedHere(caseId: string): Promise<void> {
    // Connections being let in right now ask again before joining (see AccessChanges).
    this.deps.accessChanges.changed();
    await this.recheck(caseId);
  }

  private editingEndedHere(documentId: string, reason: string): void {
    this.deps.accessChanges.changed(); // an editor being let in right now asks again, and finds it read-only
    this.deps.registry.disconnectAll(documentId, closeCodes.policy, reason);
  }

  /** How many re-checks have failed since the server started. */
  get failedRechecks(): number {
    return this.failed;
  }

  /** The cases whose connections are still to be re-checked, because the database could not answer. */
  waitingCases(): string[] {
    return [...this.waiting.keys()];
  }

  /** Stop trying (shutting down). */
  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** True when the re-check was made. */
  private async recheck(caseId: string): Promise<boolean> {
    const number = ++this.rechecksStarted;
    try {
      await this.deps.recheck(caseId);
    } catch (err) {
      this.failed++;
      this.failures.failed(err, { caseId }, "could not re-check open connections after an access change; nobody was disconnected, trying again");
      this.waiting.set(caseId, Math.max(number, this.waiting.get(caseId) ?? 0));
      this.scheduleRetry();
      return false;
    }
    // Made after every failed one had begun, this re-check saw every change they were for.
    const failed = this.waiting.get(caseId);
    if (failed !== undefined && failed < number) this.waiting.delete(caseId);
    return true;
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer || this.retrying) return;
    const delay = this.nextDelayMs;
    this.nextDelayMs = Math.min(delay * 2, this.retry.maxMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retryWaiting();
    }, delay);
    this.retryTimer.unref();
  }

  private async retryWaiting(): Promise<void> {
    this.retrying = true;
    try {
      // One case at a time: a database that is struggling gets one question at a time.
      for (const caseId of this.waitingCases()) {
        if (this.closed) return;
        await this.recheck(caseId);
      }
    } finally {
      this.retrying = false;
    }
    if (this.waiting.size === 0) this.nextDelayMs = this.retry.firstMs;
    else this.scheduleRetry();
  }
}
