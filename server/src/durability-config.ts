/**
 * Configuration for what happens when the database fails: how the update log writes a backlog
 * and retries, what health reports, how fast the Postgres client reconnects, and how long
 * shutdown waits. Parsed as part of config.ts; kept here so that file stays short.
 */
import { z } from "zod";

export interface UpdateLogLimits {
  /** Rows in one INSERT: a backlog is written in chunks, each quick to send and to commit. */
  maxBatchRows: number;
  /** Bytes of updates in one INSERT (at least one row is always written). */
  maxBatchBytes: number;
  /** Longest wait between retries of a failed write; the wait doubles from 100 ms up to this. */
  retryMaxMs: number;
  /** Edits waiting longer than this count as "not saving" even if no write has failed yet (a stuck database). */
  notSavingAfterMs: number;
  /** At most one log line per this interval about failed writes (the rest are counted). */
  failureLogIntervalMs: number;
}

/** What the update log has not yet made durable: for the health check and the saving signals. */
export interface Backlog {
  /** Updates accepted but not yet durable (queued or being written). */
  waiting: number;
  /** How long the oldest of them has waited, in ms (0 when none wait). */
  oldestWaitingMs: number;
  /** False while writes are failing or stuck. */
  saving: boolean;
}

export const defaultUpdateLogLimits: UpdateLogLimits = {
  maxBatchRows: 1000,
  maxBatchBytes: 8 * 1024 * 1024,
  retryMaxMs: 2000,
  notSavingAfterMs: 5000,
  failureLogIntervalMs: 10_000,
};

export const durabilityEnv = {
  COLLAB_WRITE_BATCH_ROWS: z.coerce.number().int().min(1).max(20_000).optional(),
  COLLAB_WRITE_BATCH_BYTES: z.coerce.number().int().positive().optional(),
  COLLAB_WRITE_RETRY_MAX_MS: z.coerce.number().int().positive().optional(),
  COLLAB_NOT_SAVING_AFTER_MS: z.coerce.number().int().positive().optional(),
  DATABASE_FAILURE_LOG_SECONDS: z.coerce.number().min(0).default(10),
  ACCESS_RECHECK_RETRY_MAX_MS: z.coerce.number().int().positive().default(5000),
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().positive().default(5),
  DATABASE_RECONNECT_MAX_MS: z.coerce.number().int().positive().default(1000),
  HEALTH_MAX_BACKLOG_AGE_SECONDS: z.coerce.number().positive().default(30),
  HEALTH_TIMEOUT_MS: z.coerce.number().int().positive().max(5000).default(500),
  SHUTDOWN_SAVE_WAIT_SECONDS: z.coerce.number().min(0).default(4),
  SHUTDOWN_STEP_WAIT_SECONDS: z.coerce.number().positive().default(2),
};

export interface DurabilityConfig {
  updateLog: UpdateLogLimits;
  /** postgres.js: give up on one connection attempt after this long. */
  databaseConnectTimeoutSeconds: number;
  /** postgres.js: longest wait between reconnection attempts (it doubles from 50 ms). */
  databaseReconnectMaxMs: number;
  /** Health answers 503 once the oldest unsaved edit is older than this. */
  healthMaxBacklogAgeMs: number;
  /** Health's database ping gives up after this long, so health answers within a second. */
  healthTimeoutMs: number;
  /**
   * A re-check of open connections after an access change that the database could not answer
   * is tried again, 100 ms doubling to this, until it is made (ADR 0015).
   */
  accessRecheckRetryMaxMs: number;
  /** Shutdown waits this long for unsaved edits to be written before closing connections. */
  shutdownSaveWaitMs: number;
  /** Every other shutdown step (projector, audit, presence, database) waits at most this long. */
  shutdownStepWaitMs: number;
}

type DurabilityEnv = z.infer<z.ZodObject<typeof durabilityEnv>>;

export function durabilityConfig(e: DurabilityEnv): DurabilityConfig {
  return {
    updateLog: {
      maxBatchRows: e.COLLAB_WRITE_BATCH_ROWS ?? defaultUpdateLogLimits.maxBatchRows,
      maxBatchBytes: e.COLLAB_WRITE_BATCH_BYTES ?? defaultUpdateLogLimits.maxBatchBytes,
      retryMaxMs: e.COLLAB_WRITE_RETRY_MAX_MS ?? defaultUpdateLogLimits.retryMaxMs,
      notSavingAfterMs: e.COLLAB_NOT_SAVING_AFTER_MS ?? defaultUpdateLogLimits.notSavingAfterMs,
      failureLogIntervalMs: e.DATABASE_FAILURE_LOG_SECONDS * 1000,
    },
    databaseConnectTimeoutSeconds: e.DATABASE_CONNECT_TIMEOUT_SECONDS,
    databaseReconnectMaxMs: e.DATABASE_RECONNECT_MAX_MS,
    healthMaxBacklogAgeMs: e.HEALTH_MAX_BACKLOG_AGE_SECONDS * 1000,
    healthTimeoutMs: e.HEALTH_TIMEOUT_MS,
    accessRecheckRetryMaxMs: e.ACCESS_RECHECK_RETRY_MAX_MS,
    shutdownSaveWaitMs: e.SHUTDOWN_SAVE_WAIT_SECONDS * 1000,
    shutdownStepWaitMs: e.SHUTDOWN_STEP_WAIT_SECONDS * 1000,
  };
}
