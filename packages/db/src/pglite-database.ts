/**
 * Embedded PGlite as the server uses it: one worker at a time (./pglite-worker-client.ts) behind
 * a client that stays the same for drizzle, so that a stuck or failed worker can be replaced
 * without anyone noticing but the calls that were waiting on it. It also refuses writes while
 * the data directory's disk is below its free-space reserve (./free-space.ts), and keeps the
 * database's state (ok / disk nearly full / not answering) for health and the collab layer.
 *
 * While the worker is down every call fails at once with DatabaseUnavailableError: nothing
 * queues behind a database that is not there. It is reopened on the same data directory, with
 * backoff, and only while the disk has its reserve free (on a full disk PGlite cannot open, and
 * what a reopen writes could fill it again). Reopening recovers from the WAL as after a crash,
 * including after a WAL segment that could not be written for lack of space.
 */
import type { Results } from "@electric-sql/pglite";
import { DatabaseUnavailableError, databaseMessages, type DatabaseState, type DatabaseStatus } from "./database-state.js";
import { FreeSpace } from "./free-space.js";
import {
  PgliteWorkerClient,
  type PgliteWorkerTransaction,
  type WorkerClientLimits,
  type WorkerQueryOptions,
  type WorkerStartData,
} from "./pglite-worker-client.js";
import { isReadOnlyStatement } from "./read-only-statement.js";

export interface PgliteLimits {
  /** A call to the database not answered within this long restarts it (ms). */
  requestTimeoutMs: number;
  /** Opening the database (recovery and migrations included) may take this long (ms). */
  openTimeoutMs: number;
  /** Writes are refused while the data directory's disk has less free than this (bytes; 0: never). */
  minFreeBytes: number;
}

export const defaultPgliteLimits: PgliteLimits = {
  requestTimeoutMs: 15_000,
  openTimeoutMs: 120_000,
  // Room for a new 16 MB WAL segment, a checkpoint and what is written between two looks.
  minFreeBytes: 64 * 1024 * 1024,
};

const reopenFirstDelayMs = 250;
const reopenMaxDelayMs = 15_000;
/** How often to look again while waiting for disk space before reopening. */
const spaceWaitMs = 1000;

export type DatabaseStateListener = (state: DatabaseState) => void;

export class PgliteDatabase {
  #client: PgliteWorkerClient | null = null;
  /** Why the worker is not answering, while it is not. */
  #downReason: string | null = "The database is opening";
  readonly #space: FreeSpace | null;
  #state: DatabaseState;
  readonly #listeners = new Set<DatabaseStateListener>();
  #reopenTimer: NodeJS.Timeout | null = null;
  #reopening: Promise<void> | null = null;
  #failedOpens = 0;
  #closed = false;

  /** Opens PGlite (in memory when dataDir is undefined) and resolves once it is migrated. */
  static async open(data: WorkerStartData, limits: PgliteLimits = defaultPgliteLimits): Promise<PgliteDatabase> {
    const database = new PgliteDatabase(data, limits);
    try {
      await database.#space?.look();
      database.#attach(await PgliteWorkerClient.start(data, database.#workerLimits()));
    } catch (err) {
      database.#space?.stop();
      const space = database.#space;
      if (space?.belowReserve) {
        throw new DatabaseUnavailableError(
          `PGlite could not open ${data.dataDir}: its disk has ${space.freeBytes} bytes free, below the reserve of ${space.minFreeBytes}`,
          { cause: err },
        );
      }
      throw err;
    }
    return database;
  }

  private constructor(
    private readonly data: WorkerStartData,
    private readonly limits: PgliteLimits,
  ) {
    this.#space = data.dataDir ? new FreeSpace(data.dataDir, limits.minFreeBytes, () => this.#update()) : null;
    this.#state = { status: "not-answering", message: databaseMessages.notAnswering, reason: this.#downReason, since: Date.now(), freeBytes: null };
  }

  /** Whether the database is answering and has room to save, as of now; never waits. */
  state(): DatabaseState {
    return { ...this.#state, freeBytes: this.#space?.freeBytes ?? null };
  }

  /** Calls the listener whenever the status changes; returns a function that stops that. Listeners must not throw. */
  onStateChange(listener: DatabaseStateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- What drizzle's PGlite session calls. ----

  async query<T>(sql: string, params: unknown[] = [], options?: WorkerQueryOptions): Promise<Results<T>> {
    if (!isReadOnlyStatement(sql)) await this.#space?.ensureRoomToWrite();
    return this.#current().query<T>(sql, params, options);
  }

  async transaction<T>(fn: (tx: PgliteWorkerTransaction) => Promise<T>): Promise<T> {
    return this.#current().transaction((tx) =>
      fn({
        query: async <R>(sql: string, params: unknown[] = [], options?: WorkerQueryOptions) => {
          if (!isReadOnlyStatement(sql)) await this.#space?.ensureRoomToWrite();
          return tx.query<R>(sql, params, options);
        },
        get closed() {
          return tx.closed;
        },
      }),
    );
  }

  /** Closes PGlite and stops watching and reopening; later calls fail with DatabaseUnavailableError. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#reopenTimer) clearTimeout(this.#reopenTimer);
    this.#space?.stop();
    await this.#reopening;
    const client = this.#client;
    this.#client = null;
    this.#downReason = "The database is closed";
    await client?.close();
  }

  #current(): PgliteWorkerClient {
    if (this.#client && !this.#client.unavailable) return this.#client;
    throw new DatabaseUnavailableError(this.#downReason ?? "The database is not answering");
  }

  #workerLimits(): WorkerClientLimits {
    return {
      requestTimeoutMs: this.limits.requestTimeoutMs,
      startTimeoutMs: this.limits.openTimeoutMs,
      onUnavailable: (error) => this.#lost(error),
    };
  }

  #attach(client: PgliteWorkerClient): void {
    this.#client = client;
    this.#downReason = null;
    this.#failedOpens = 0;
    this.#update();
  }

  /** The worker stopped answering (timed out, failed or exited): reopen it. */
  #lost(error: DatabaseUnavailableError): void {
    this.#client = null;
    // An in-memory database (tests) lost everything with its worker; opening an empty one would hide that.
    this.#downReason = this.data.dataDir ? error.message : `${error.message}; an in-memory database cannot be reopened`;
    this.#update();
    if (this.data.dataDir) this.#scheduleReopen(0);
  }

  #scheduleReopen(delayMs: number): void {
    if (this.#closed) return;
    this.#reopenTimer = setTimeout(() => {
      this.#reopenTimer = null;
      this.#reopening = this.#reopen().finally(() => (this.#reopening = null));
    }, delayMs);
    this.#reopenTimer.unref();
  }

  async #reopen(): Promise<void> {
    const space = this.#space;
    await space?.look();
    if (space?.belowReserve) {
      this.#downReason = `Waiting for disk space to reopen the database: ${space.freeBytes} bytes free, the reserve is ${space.minFreeBytes}`;
      this.#update();
      this.#scheduleReopen(spaceWaitMs);
      return;
    }
    try {
      const client = await PgliteWorkerClient.start(this.data, this.#workerLimits());
      if (this.#closed) await client.close();
      else this.#attach(client);
    } catch (err) {
      this.#failedOpens++;
      this.#downReason = `The database could not be reopened (attempt ${this.#failedOpens}): ${err instanceof Error ? err.message : String(err)}`;
      this.#update();
      this.#scheduleReopen(Math.min(reopenFirstDelayMs * 2 ** this.#failedOpens, reopenMaxDelayMs));
    }
  }

  #update(): void {
    const space = this.#space;
    const status: DatabaseStatus = !this.#client ? "not-answering" : space?.belowReserve ? "disk-nearly-full" : "ok";
    const reason =
      status === "not-answering"
        ? this.#downReason
        : status === "disk-nearly-full"
          ? `The database's disk has ${space?.freeBytes} bytes free, below the reserve of ${space?.minFreeBytes}`
          : null;
    const message = status === "ok" ? null : status === "disk-nearly-full" ? databaseMessages.diskNearlyFull : databaseMessages.notAnswering;
    const changed = status !== this.#state.status;
    this.#state = { status, message, reason, since: changed ? Date.now() : this.#state.since, freeBytes: space?.freeBytes ?? null };
    if (changed && !this.#closed) for (const listener of this.#listeners) listener(this.state());
  }
}
