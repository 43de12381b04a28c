/**
 * Whether the database is answering and saving, as the rest of the server sees it, and the two
 * typed errors a call fails with when it is not: `DiskNearlyFullError` (a write refused because
 * the data directory's disk is below its free-space reserve; reads still work) and
 * `DatabaseUnavailableError` (the database did not answer in time, failed, or is reopening).
 * Both carry words a person can read. drizzle wraps what a query rejects with, so look for
 * them with `databaseFaultOf(err)`, which follows the `cause` chain.
 */

export type DatabaseStatus = "ok" | "disk-nearly-full" | "not-answering";

export interface DatabaseState {
  status: DatabaseStatus;
  /** For people: what is wrong and what it means for their changes; null when ok. */
  message: string | null;
  /** Since when (ms since the epoch) the database has been in this status. */
  since: number;
  /** For logs and developers: why it is not ok (no personal data); null when ok. */
  reason: string | null;
  /** Free bytes on the data directory's filesystem at the last look (embedded PGlite only). */
  freeBytes: number | null;
}

export const databaseMessages = {
  diskNearlyFull: "The server's disk is nearly full, so changes are not being saved just now. Anything you were typing stays on this device; please try again later.",
  notAnswering: "The server's database is not answering, so changes are not being saved just now. Anything you were typing stays on this device; please try again in a minute.",
} as const;

/** What every database fault has: a status for health and clients, and words for people. */
export abstract class DatabaseFaultError extends Error {
  abstract readonly status: Exclude<DatabaseStatus, "ok">;
  /** The HTTP status an API answer should carry. */
  readonly httpStatus = 503;
  /** What to tell a person (`message` is for developers and logs: no personal data either way). */
  get userMessage(): string {
    return this.status === "disk-nearly-full" ? databaseMessages.diskNearlyFull : databaseMessages.notAnswering;
  }
}

/** A write was refused before reaching the database: too little free disk space is left. */
export class DiskNearlyFullError extends DatabaseFaultError {
  readonly status = "disk-nearly-full";
  constructor(
    readonly freeBytes: number,
    readonly minFreeBytes: number,
  ) {
    super(`Write refused: the database's disk has ${freeBytes} bytes free, below the reserve of ${minFreeBytes}`);
    this.name = "DiskNearlyFullError";
  }
}

/**
 * The database could not answer this call: it did not answer in time (it is then restarted), it
 * failed, it is being reopened, or it is closed. Whether a write that timed out was applied is
 * not known; the update log's writes are Yjs updates, which may safely be written twice.
 */
export class DatabaseUnavailableError extends DatabaseFaultError {
  readonly status = "not-answering";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

/** The database fault behind an error, if it is one (drizzle wraps them in its own error). */
export function databaseFaultOf(err: unknown): DatabaseFaultError | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DatabaseFaultError) return e;
  }
  return null;
}

/** The state of a database that always answers for itself (Postgres: its outages show as failed writes). */
export function alwaysOkState(since: number): DatabaseState {
  return { status: "ok", message: null, reason: null, since, freeBytes: null };
}
