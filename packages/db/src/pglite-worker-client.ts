/**
 * The main-thread side of PGlite-in-a-worker. PGlite runs its WASM Postgres and its file I/O
 * synchronously on the thread that calls it, so it lives in a worker thread
 * (./pglite-worker.mjs) and this client forwards queries to it by message. The client offers
 * exactly what drizzle's PGlite session uses — `query(sql, params, { rowMode })` and
 * `transaction(fn)` whose transaction object has `query` — so `drizzle-orm/pglite` can wrap it.
 *
 * A transaction is held open in the worker (PGlite's own `transaction()`, so other queries wait
 * for it as they do in-process) from `begin` until `commit` or `rollback`. If the worker dies,
 * every pending and later call rejects with an error saying so; nothing waits forever.
 */
import { Worker } from "node:worker_threads";
import type { Results, RowMode } from "@electric-sql/pglite";

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

export const pgliteWorkerUrl = new URL("./pglite-worker.mjs", import.meta.url);

export class PgliteWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #nextTxId = 1;
  /** Set once the worker can no longer answer: every call from then on rejects with it. */
  #unavailable: Error | null = null;
  #closing: Promise<void> | null = null;
  readonly #ready: Promise<unknown>;

  /** Starts the worker and resolves once PGlite is open and migrated. */
  static async start(data: WorkerStartData): Promise<PgliteWorkerClient> {
    // execArgv: [] — the worker is plain JavaScript and needs none of the parent's loaders (tsx).
    const worker = new Worker(pgliteWorkerUrl, { workerData: data satisfies WorkerStartData, execArgv: [], name: "pglite" });
    return PgliteWorkerClient.attach(worker);
  }

  /** Wraps an already started worker speaking the protocol above (tests use a stand-in). */
  static async attach(worker: Worker): Promise<PgliteWorkerClient> {
    const client = new PgliteWorkerClient(worker);
    try {
      await client.#ready;
    } catch (err) {
      await worker.terminate();
      throw err;
    }
    return client;
  }

  private constructor(worker: Worker) {
    this.#worker = worker;
    this.#ready = this.#expect(0);
    worker.on("message", (response: WorkerResponse) => this.#settle(response));
    worker.on("error", (err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      this.#fail(new Error(`The PGlite worker thread crashed: ${reason}`, { cause: err }));
    });
    worker.on("messageerror", (err) => {
      // A reply that could not be read belongs to some pending call we can no longer identify.
      this.#fail(new Error(`A message from the PGlite worker thread could not be read: ${err.message}`, { cause: err }));
      void worker.terminate();
    });
    worker.on("exit", (code) => {
      this.#fail(
        this.#closing
          ? new Error(`The PGlite worker thread exited (exit code ${code}) while the database was closing`)
          : new Error(`The PGlite worker thread exited unexpectedly (exit code ${code}); the database is unavailable`),
      );
    });
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

  /** Closes PGlite (which finishes writing the data directory), then stops the worker. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        if (!this.#unavailable) await this.#request({ op: "close" });
      } finally {
        this.#unavailable ??= new Error("The database is closed");
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
    if (this.#closing && message.op !== "close") return Promise.reject(new Error("The database is closed"));
    const id = this.#nextId++;
    const reply = this.#expect(id);
    try {
      this.#worker.postMessage({ ...message, id } as WorkerRequest);
    } catch (err) {
      // e.g. a parameter that cannot be cloned: only this call fails.
      this.#pending.get(id)?.reject(err instanceof Error ? err : new Error(String(err)));
    }
    return reply;
  }

  #expect(id: number): Promise<WorkerQueryResult | null> {
    return new Promise((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (result) => {
          this.#forget(id);
          resolve(result);
        },
        reject: (error) => {
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
    if (response.ok) pending.resolve(response.result);
    else pending.reject(deserializeError(response.error));
  }

  #fail(error: Error): void {
    this.#unavailable ??= error;
    for (const pending of [...this.#pending.values()]) pending.reject(error);
  }
}

/** A normal Error carrying what Postgres reported (code, detail, constraint…) as properties. */
function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  Object.assign(error, serialized.fields);
  error.name = serialized.name;
  if (serialized.stack) error.stack = `${serialized.stack}\n    at (the PGlite worker thread)`;
  return error;
}
