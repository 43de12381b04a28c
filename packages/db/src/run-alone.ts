/**
 * Work that must not run on two server processes at once (a periodic job: ADR 0041) runs under a
 * Postgres advisory lock named after it. The lock is taken with pg_try_advisory_lock, so a
 * process that finds it held skips its run rather than waiting: the process holding it is doing
 * the same work. It is a session lock, held on a connection of its own (postgres.js's pool
 * would send the unlock down another connection), and it goes when that connection goes, so a
 * process that dies mid-run never leaves it held.
 *
 * On PGlite there is one process and one connection: the lock is taken there the same way, and
 * is always free.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "./database.js";
import { executeRows } from "./execute-rows.js";

/**
 * Run `work` unless another process is running work of the same name: true if it ran, false if
 * it was skipped. It does not keep two runs on this process apart (a session may take its own
 * lock twice); callers do that themselves.
 */
export type RunAlone = (name: string, work: () => Promise<void>) => Promise<boolean>;

export interface LockSession {
  runAlone: RunAlone;
  close(): Promise<void>;
}

/** Asks one session whether it got the lock of this name (`take`), or lets it go. */
type LockQuery = (what: "take" | "release", keyText: string) => Promise<boolean>;

function lockSession(query: LockQuery, close: () => Promise<void>): LockSession {
  return {
    runAlone: async (name, work) => {
      // A 64-bit hash of the name (hashtextextended), behind a prefix of ours so that other users of advisory locks do not meet ours.
      const keyText = `roundtable job: ${name}`;
      if (!(await query("take", keyText))) return false;
      try {
        await work();
      } finally {
        // If the connection was lost meanwhile, the lock went with it.
        await query("release", keyText).catch(() => false);
      }
      return true;
    },
    close,
  };
}

/** Postgres: one connection kept for the locks, opened on first use. */
export function postgresLockSession(url: string, connectTimeoutSeconds: number): LockSession {
  let client: postgres.Sql | null = null;
  const session = () => {
    // Never closed for being idle or old: closing it while a job runs would let go of that job's lock.
    client ??= postgres(url, { max: 1, onnotice: () => {}, connect_timeout: connectTimeoutSeconds, idle_timeout: 0, max_lifetime: null });
    return client;
  };
  return lockSession(
    async (what, keyText) => {
      const [row] =
        what === "take"
          ? await session()`select pg_try_advisory_lock(hashtextextended(${keyText}, 0)) as done`
          : await session()`select pg_advisory_unlock(hashtextextended(${keyText}, 0)) as done`;
      return row?.done === true;
    },
    async () => {
      await client?.end({ timeout: 5 });
    },
  );
}

/** PGlite: its one connection, through drizzle. */
export function pgliteLockSession(db: Db): LockSession {
  return lockSession(
    async (what, keyText) => {
      const key = sql`hashtextextended(${keyText}, 0)`;
      const [row] = await executeRows<{ done?: boolean }>(db, what === "take" ? sql`select pg_try_advisory_lock(${key}) as done` : sql`select pg_advisory_unlock(${key}) as done`);
      return row?.done === true;
    },
    () => Promise.resolve(),
  );
}
