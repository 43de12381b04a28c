/**
 * The main-thread side of PGlite-in-a-worker. PGlite runs its WASM Postgres and its file I/O
 * synchronously on the thread that calls it, so it lives in a worker thread
 * (./pglite-worker.mjs) and this client forwards queries to it by message. The client offers
 * exactly what drizzle's PGlite session uses — `query(sql, params, { rowMode })` and
 * `transaction(fn)` whose transaction object has `query` — so `drizzle-orm/pglite` can wrap it.
 *
 * A transaction is held open in the worker (PGlite's own `transaction()`, so other queries wait
 * for it as they do in-process) from `begin` until `commit` or `rollback`.
 *
 * Nothing waits forever. Every request has a deadline; one that passes it means PGlite is stuck
 * (after a failed WAL write on a full disk it never answers again), and so does an error that
 * leaves PGlite unusable (a full disk, an I/O error, an internal error, a WASM abort). Either
 * way the worker is terminated and every pending and later call rejects with a
 * DatabaseUnavailableError; ./pglite-database.ts then opens a new one on the same data.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Results, RowMode } from "@electric-sql/pglite";
import { DatabaseUnavailableError } from "./database-state.js";

// ---- The message protocol, shared with ./pglite-worker.mjs through JSDoc imports. ----

export interface WorkerStartData {
  /** PGlite's data directory; undefined for an in-memory database. */
  dataDir: string | undefined;
  migrationsFolder: string;
}

export type WorkerRequest =
  | { op: "query"; id: number; sql: string; params: unknown[]; rowMode: RowMode; txId: number | null }
  | { op: "begin"; id: number; txId: number }
  | { op: "commit"; id: number; txId: number }
  | { op: "rollback"; id: number; txId: number }
  | { op: "close"; id: number };

/** Everything an error carried in the worker that can cross a thread (Postgres code, detail…). */
export interface SerializedError {
  name: string;
  message: string;
  stack: string | undefined;
  fields: Record<string, unknown>;
}

export type WorkerQueryResult = Omit<Results, "blob">;

/** Request id 0 is the start-up handshake: the worker answers it once migrations have run. */
export type WorkerResponse =
  | { id: number; ok: true; result: WorkerQueryResult | null }
  | { id: number; ok: false; error: SerializedError };

// ---- The client. ----

export interface WorkerQueryOptions {
  rowMode?: RowMode | undefined;
  // drizzle also passes `parsers`: identity functions for date/time types, which the worker
  // applies itself because functions cannot be sent to another thread. Other options are ignored.
}

export interface PgliteWorkerTransaction {
  query<T>(sql: string, params?: unknown[], options?: WorkerQueryOptions): Promise<Results<T>>;
  readonly closed: boolean;
}

type Outgoing = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Pending {
  resolve(result: WorkerQueryResult | null): void;
  reject(error: Error): void;
}

export interface WorkerClientLimits {
  /** A request not answered within this long means the worker is stuck (ms). */
  requestTimeoutMs: number;
  /** Opening PGlite (crash recovery included) and applying migrations may take this long (ms). */
  startTimeoutMs: number;
  /** Told once when the worker stops answering for good, unless it was closed on purpose. */
  onUnavailable?(error: DatabaseUnavailableError): void;
}

export const defaultWorkerClientLimits: WorkerClientLimits = { requestTimeoutMs: 15_000, startTimeoutMs: 120_000 };

export const pgliteWorkerUrl = new URL("./pglite-worker.mjs", import.meta.url);

export class PgliteWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #nextTxId = 1;
  /** Set once the worker can no longer answer: every call from then on rejects with it. */
  #unavailable: DatabaseUnavailableError | null = null;
  #closing: Promise<void> | null = null;
  /** Set once open: a failure before then is the caller's failed start, not a later outage. */
  #started = false;
  readonly #ready: Promise<unknown>;
  readonly #limits: WorkerClientLimits;

  /** Starts the worker and resolves once PGlite is open and migrated. */
  static async start(data: WorkerStartData, limits: WorkerClientLimits = defaultWorkerClientLimits): Promise<PgliteWorkerClient> {
    if (data.dataDir && !existsSync(path.join(data.dataDir, "PG_VERSION"))) {
      // A new database: PGlite makes it with initdb on two WebAssembly instances of its own, which
      // it then drops, but V8 may not collect them for the life of the worker (about 300 MB the
      // server kept at rest; ADR 0038). So one worker makes and migrates the database and is
      // stopped, and the worker that serves opens it as on any later start.
      const { onUnavailable: _, ...startOnly } = limits;
      await (await PgliteWorkerClient.attach(spawnWorker(data), startOnly)).close();
    }
    return PgliteWorkerClient.attach(spawnWorker(data), limits);
  }

  /** Wraps an already started worker speaking the protocol above (tests use a stand-in). */
  static async attach(worker: Worker, limits: WorkerClientLimits = defaultWorkerClientLimits): Promise<PgliteWorkerClient> {
    const client = new PgliteWorkerClient(worker, limits);
    try {
      await client.#ready;
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    client.#started = true;
    return client;
  }

  private constructor(worker: Worker, limits: WorkerClientLimits) {
    this.#worker = worker;
    this.#limits = limits;
    this.#ready = this.#expect(0, limits.startTimeoutMs);
    worker.on("message", (response: WorkerResponse) => this.#settle(response));
    worker.on("error", (err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      this.#fail(new DatabaseUnavailableError(`The PGlite worker thread crashed: ${reason}`, { cause: err }));
    });
    worker.on("messageerror", (err) => {
      // A reply that could not be read belongs to some pending call we can no longer identify.
      this.#fail(new DatabaseUnavailableError(`A message from the PGlite worker thread could not be read: ${err.message}`, { cause: err }));
    });
    worker.on("exit", (code) => {
      this.#fail(
        this.#closing
          ? new DatabaseUnavailableError(`The PGlite worker thread exited (exit code ${code}) while the database was closing`)
          : new DatabaseUnavailableError(`The PGlite worker thread exited unexpectedly (exit code ${code}); the database is unavailable`),
      );
    });
  }

  /** True once this worker can no longer answer (failed, stuck or closed). */
  get unavailable(): boolean {
    return this.#unavailable !== null;
  }

  query<T>(sql: string, params: unknown[] = [], options?: WorkerQueryOptions): Promise<Results<T>> {
    return this.#query(sql, params, options, null);
  }

  async transaction<T>(fn: (tx: PgliteWorkerTransaction) => Promise<T>): Promise<T> {
    const txId = this.#nextTxId++;
    await this.#request({ op: "begin", txId });
    let open = true;
    const tx: PgliteWorkerTransaction = {
      query: <R>(sql: string, params: unknown[] = [], options?: WorkerQueryOptions) =>
        open ? this.#query<R>(sql, params, options, txId) : Promise.reject(new Error("Transaction is closed")),
      get closed() {
        return !open;
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      open = false;
      // The caller's error is the one that matters; a failed rollback ends the transaction anyway.
      await this.#request({ op: "rollback", txId }).catch(() => {});
      throw err;
    }
    open = false;
    await this.#request({ op: "commit", txId });
    return result;
  }

  /**
   * Closes PGlite (which finishes writing the data directory), then stops the worker. A worker
   * that does not close in time is stopped anyway: the next open recovers from the WAL, as
   * after a crash.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        if (!this.#unavailable) await this.#request({ op: "close" });
      } finally {
        this.#unavailable ??= new DatabaseUnavailableError("The database is closed");
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }

  async #query<T>(sql: string, params: unknown[], options: WorkerQueryOptions | undefined, txId: number | null): Promise<Results<T>> {
    const result = await this.#request({ op: "query", sql, params, rowMode: options?.rowMode ?? "object", txId });
    return result as Results<T>;
  }

  #request(message: Outgoing): Promise<WorkerQueryResult | null> {
    if (this.#unavailable) return Promise.reject(this.#unavailable);
    if (this.#closing && message.op !== "close") return Promise.reject(new DatabaseUnavailableError("The database is closed"));
    const id = this.#nextId++;
    const reply = this.#expect(id, this.#limits.requestTimeoutMs);
    try {
      this.#worker.postMessage({ ...message, id } as WorkerRequest);
    } catch (err) {
      // e.g. a parameter that cannot be cloned: only this call fails.
      this.#pending.get(id)?.reject(err instanceof Error ? err : new Error(String(err)));
    }
    return reply;
  }

  #expect(id: number, timeoutMs: number): Promise<WorkerQueryResult | null> {
    return new Promise((resolve, reject) => {
      // One request not answered in time means the worker is stuck: PGlite answers in order,
      // so nothing queued behind it would be answered either.
      const deadline = setTimeout(() => {
        const what = id === 0 ? "open" : "answer";
        this.#fail(new DatabaseUnavailableError(`The database did not ${what} within ${timeoutMs} ms; it is being restarted`));
      }, timeoutMs);
      deadline.unref();
      this.#pending.set(id, {
        resolve: (result) => {
          clearTimeout(deadline);
          this.#forget(id);
          resolve(result);
        },
        reject: (error) => {
          clearTimeout(deadline);
          this.#forget(id);
          reject(error);
        },
      });
      // The worker keeps the process alive only while a call is waiting for it, as an
      // in-process PGlite would: an idle open database does not stop the process exiting.
      if (this.#pending.size === 1) this.#worker.ref();
    });
  }

  #forget(id: number): void {
    if (this.#pending.delete(id) && this.#pending.size === 0) this.#worker.unref();
  }

  #settle(response: WorkerResponse): void {
    const pending = this.#pending.get(response.id);
    if (!pending) return;
    if (response.ok) {
      pending.resolve(response.result);
      return;
    }
    const error = deserializeError(response.error);
    const fatal = fatalReason(response.error);
    // After a fatal error this call and every other fail with the typed error; what PGlite said stays as its cause.
    if (fatal) this.#fail(new DatabaseUnavailableError(`${fatal}; the database is being restarted`, { cause: error }));
    else pending.reject(error);
  }

  /** The worker can no longer answer: reject everything, stop it, and say so once. */
  #fail(error: DatabaseUnavailableError): void {
    const first = this.#unavailable === null;
    this.#unavailable ??= error;
    for (const pending of [...this.#pending.values()]) pending.reject(error);
    if (!first) return;
    void this.#worker.terminate();
    if (this.#started && !this.#closing) this.#limits.onUnavailable?.(error);
  }
}

function spawnWorker(data: WorkerStartData): Worker {
  // execArgv: [] — the worker is plain JavaScript and needs none of the parent's loaders (tsx).
  return new Worker(pgliteWorkerUrl, { workerData: data satisfies WorkerStartData, execArgv: [], name: "pglite" });
}

/**
 * Why an error from PGlite means it cannot be trusted to answer again, or null for an ordinary
 * error (a constraint, a syntax error…). After a failed WAL write PGlite answered nothing more
 * ("XLogBeginInsert was already called" is the same state seen by the next insert), so a full
 * disk, an I/O error, an internal error or a WASM abort all restart it; a restart of a healthy
 * PGlite costs a few seconds and loses nothing committed.
 */
function fatalReason(error: SerializedError): string | null {
  const code = typeof error.fields.code === "string" ? error.fields.code : null;
  const severity = error.fields.severity;
  if (code === "53100") return "The database's disk is full (53100)";
  if (code?.startsWith("58")) return `The database could not read or write its files (${code})`;
  if (code === "XX000" || code === "XX001" || code === "XX002") return `The database reported an internal error (${code})`;
  if (severity === "PANIC" || severity === "FATAL") return `The database reported a ${severity} error`;
  if (error.name === "RuntimeError" || /^Aborted\(|PGlite is closed/.test(error.message)) return "The database's WASM runtime stopped";
  return null;
}

/** A normal Error carrying what Postgres reported (code, detail, constraint…) as properties. */
function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  Object.assign(error, serialized.fields);
  error.name = serialized.name;
  if (serialized.stack) error.stack = `${serialized.stack}\n    at (the PGlite worker thread)`;
  return error;
}
