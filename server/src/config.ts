/** Configuration from environment variables, parsed once into a typed object. */
import path from "node:path";
import { maxNestingDepth } from "@roundtable/domain";
import { defaultPgliteLimits, type PgliteLimits } from "@roundtable/db";
import { z } from "zod";
import { durabilityConfig, durabilityEnv, type DurabilityConfig } from "./durability-config.js";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL").optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\/./, "REDIS_URL must start with redis:// or rediss://").optional(),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, "REDIS_PREFIX may hold letters, digits and _ : . - (at most 64)").default("roundtable:"),
  SEED_DEMO_DATA: z.enum(["true", "false"]).default("true"),
  CLIENT_DIST: z.string().optional(),
  SESSION_DAYS: z.coerce.number().positive().default(7),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  PGLITE_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(defaultPgliteLimits.requestTimeoutMs),
  PGLITE_OPEN_TIMEOUT_MS: z.coerce.number().int().positive().default(defaultPgliteLimits.openTimeoutMs),
  PGLITE_MIN_FREE_BYTES: z.coerce.number().int().min(0).default(defaultPgliteLimits.minFreeBytes),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().optional(),
  COLLAB_GROUP_COMMIT_MS: z.coerce.number().int().min(0).optional(),
  COLLAB_WRITE_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).optional(),
  COLLAB_REMOTE_SAVE_WAIT_MS: z.coerce.number().int().positive().optional(),
  COLLAB_UNLOAD_AFTER_MS: z.coerce.number().int().min(0).optional(),
  COLLAB_COMPACT_AFTER_UPDATES: z.coerce.number().int().positive().optional(),
  COLLAB_MAX_MESSAGES_PER_SECOND: z.coerce.number().positive().optional(),
  COLLAB_MESSAGE_BURST: z.coerce.number().int().positive().optional(),
  COLLAB_MAX_BYTES_PER_SECOND: z.coerce.number().int().positive().optional(),
  COLLAB_BYTE_BURST: z.coerce.number().int().positive().optional(),
  COLLAB_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().optional(),
  // Never below the editor's own limit: an ordinary indent would be refused for good.
  COLLAB_MAX_NESTING_DEPTH: z.coerce.number().int().min(maxNestingDepth, `COLLAB_MAX_NESTING_DEPTH cannot be below the editor's limit, ${maxNestingDepth}`).optional(),
  COLLAB_MAX_CONNECTIONS_PER_PERSON: z.coerce.number().int().positive().optional(),
  COLLAB_MAX_BYTES_PER_PERSON_PER_SECOND: z.coerce.number().int().positive().optional(),
  COLLAB_PERSON_BYTE_BURST: z.coerce.number().int().positive().optional(),
  COLLAB_MAX_AWARENESS_BYTES: z.coerce.number().int().positive().optional(),
  COLLAB_QUERY_AWARENESS_INTERVAL_MS: z.coerce.number().int().min(0).optional(),
  COLLAB_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().optional(),
  PRESENCE_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  PRESENCE_MAX_CONNECTIONS_PER_PERSON: z.coerce.number().int().positive().default(20),
  PRESENCE_MAX_ROOM_CHANGES_PER_SECOND: z.coerce.number().positive().default(10),
  LIST_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(1000),
  OVERDUE_CHECK_SECONDS: z.coerce.number().positive().default(60),
  SESSION_CHECK_SECONDS: z.coerce.number().positive().default(60),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().default("Roundtable <no-reply@roundtable.local>"),
  PUBLIC_URL: z.string().url("PUBLIC_URL must be the address people use, like https://roundtable.example.org").optional(),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  API_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  SERVE_SOURCE_MAPS: z.enum(["true", "false"]).default("false"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(30),
  LOGIN_IP_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  PASSWORD_RESET_LINK_MINUTES: z.coerce.number().positive().max(24 * 60).default(30),
  PASSWORD_RESET_MAX_PER_EMAIL: z.coerce.number().int().positive().default(3),
  PASSWORD_RESET_MAX_PER_IP: z.coerce.number().int().positive().default(10),
  PASSWORD_RESET_WINDOW_MINUTES: z.coerce.number().positive().default(60),
  VERSION_SAVES_PER_MINUTE: z.coerce.number().int().positive().default(6),
  REFERRALS_WAITING_PER_DAY: z.coerce.number().int().positive().default(50),
  MAP_DRAWING_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  MAP_DRAWING_QUEUE: z.coerce.number().int().min(0).max(100).default(4),
  MAP_DRAWING_DEADLINE_SECONDS: z.coerce.number().positive().default(120),
  MAP_DRAWING_WORKER_MEMORY_MB: z.coerce.number().int().min(64).default(512),
  MAP_DRAWINGS_PER_PERSON: z.coerce.number().int().positive().default(10),
  MAP_DRAWINGS_WINDOW_MINUTES: z.coerce.number().positive().default(10),
  ...durabilityEnv,
});

export interface PresenceLimitsConfig {
  /** A socket.io connection with more than this waiting to be sent to it is closed (bytes). */
  maxBufferedBytes: number;
  /** Presence connections one person may have open at once (one per open tab). */
  maxConnectionsPerPerson: number;
  /** Room joins and leaves one connection may make a second (twice that at once). */
  maxRoomChangesPerSecond: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  /**
   * Embedded PGlite only: a call not answered within requestTimeoutMs restarts the database
   * (see docs/adr/0006), and writes are refused while its disk has less than minFreeBytes free.
   */
  pglite: PgliteLimits;
  seedDemoData: boolean;
  clientDist: string;
  sessionDays: number;
  logLevel: string;
  /** How often the overdue-actions job looks for actions whose due date has passed. */
  overdueCheckMs: number;
  /** How often open websockets are checked for sessions that have expired since they opened. */
  sessionCheckMs: number;
  /**
   * Email: only sent when an SMTP server is configured. `digestHour`: from which hour (in England)
   * the daily email goes out; null, never by itself (tests that send digests themselves).
   */
  mail: { smtpUrl: string | undefined; from: string; digestHour: number | null };
  /** The address in links we send (emails, calendar invites). */
  publicUrl: string;
  /** Collab tuning, overridable by tests and the benchmark. */
  collab: CollabConfig;
  /**
   * Set when a reverse proxy (one hop) terminates TLS in front of the server: then its
   * X-Forwarded-Proto, -Host and -For say how the browser reached us. Off, they are ignored,
   * because anyone can send them.
   */
  trustProxy: boolean;
  /** How many sign-in attempts are allowed before we pause them (see docs/adr/0007). */
  signIn: SignInLimitsConfig;
  /** "Forgot your password?" links: how long one works, and how many may be asked for (docs/adr/0019). */
  passwordReset: PasswordResetConfig;
  /** Named versions one person may save in a minute, across every document (ADR 0022). */
  versionSavesPerMinute: number;
  /** Referrals one person may have made in the last day that are still waiting for triage. */
  referralsWaitingPerDay: number;
  /** Network maps drawn for download (map.png, a care plan's PDF with maps) on worker threads (ADR 0037). */
  mapDrawing: MapDrawingConfig;
  /** The largest API request body (bytes): JSON forms are kilobytes; larger is refused with 413. */
  apiMaxBodyBytes: number;
  /** The most rows one page of any list (actions, the audit trail) may hold; each list's own ceiling still applies. */
  listMaxPageSize: number;
  /** Whether the client's source maps (its full source) are served; off unless asked for. */
  serveSourceMaps: boolean;
  /** socket.io: what one connection may hold back, one person may open, and one connection may ask. */
  presence: PresenceLimitsConfig;
  /** When the database fails: update-log batches and retries, health, reconnects, shutdown waits. */
  durability: DurabilityConfig;
  /**
   * Several server processes sharing documents, socket.io and access changes through Redis
   * (ADR 0039); null for one process on its own. `prefix` starts every channel and key name.
   */
  redis: { url: string; prefix: string } | null;
}

export interface SignInLimitsConfig {
  /** Failed sign-ins allowed for one email address within `failureWindowSeconds`… */
  maxFailures: number;
  failureWindowSeconds: number;
  /** …after which that email address cannot sign in for this long. */
  lockSeconds: number;
  /** Failed sign-in attempts allowed from one IP address within `ipWindowSeconds` (successes do not count). */
  maxAttemptsPerIp: number;
  ipWindowSeconds: number;
}

export interface MapDrawingConfig {
  /** Drawings at once in this process, each on a worker thread of its own… */
  workers: number;
  /** …and how many more may wait for one; past that, 503 "busy". */
  queued: number;
  /** A drawing not finished within this long is stopped (its worker with it): 503 (ms). */
  deadlineMs: number;
  /** A worker's JavaScript heap, at most; past it the worker dies and only its drawing fails (MB). */
  workerMemoryMb: number;
  /** Drawings one person may ask for within `windowSeconds`; past that, 429. */
  perPerson: number;
  windowSeconds: number;
  /** Tests only: a stand-in worker that answers the same messages (see map-drawing-jobs.ts). */
  workerFile?: URL;
}

export interface PasswordResetConfig {
  /** How long an emailed link works. */
  linkSeconds: number;
  /** Links that may be asked for one email address from one IP address, and from one IP address, within `windowSeconds`. */
  maxPerEmail: number;
  maxPerIp: number;
  windowSeconds: number;
}

export interface CollabConfig {
  /** Frames bigger than this close the connection (bytes). */
  maxMessageBytes: number;
  /** How long updates wait to be written together (ms). */
  groupCommitMs: number;
  /** The least time between the starts of two writes to the update log (ms; see UpdateLog). */
  writeIntervalMs: number;
  /**
   * With several processes: how long an update heard from another process may wait for that
   * process to say it is saved before this one writes it itself (ms; ADR 0039).
   */
  remoteSaveWaitMs: number;
  /** Unload a document this long after its last connection leaves (ms). */
  unloadAfterMs: number;
  /** Fold the update log into the snapshot once a document has this many updates. */
  compactAfterUpdates: number;
  /**
   * Per-connection rate limits, as token buckets: a connection may send this many frames (and
   * pings) a second on average, and up to `messageBurst` at once. Beyond that it is closed with
   * closeCodes.rateLimited and its client reconnects.
   */
  maxMessagesPerSecond: number;
  messageBurst: number;
  /** The same for bytes; the burst is never below maxMessageBytes, so one largest frame fits. */
  maxBytesPerSecond: number;
  byteBurst: number;
  /** Updates that would take a document's stored size past this are refused (bytes). */
  maxDocumentBytes: number;
  /** Updates nesting content deeper than this are refused (the editor refuses the same). */
  maxNestingDepth: number;
  /** Collab connections one person may have open at once, across every document and tab. */
  maxConnectionsPerPerson: number;
  /**
   * Bytes a second one person may send across all their connections (a token bucket shared by
   * them), so opening more connections does not multiply the per-connection limit.
   */
  maxBytesPerPersonPerSecond: number;
  personByteBurst: number;
  /** One person's presence state (name, colour, caret) bigger than this closes the connection (bytes). */
  maxAwarenessBytes: number;
  /** A connection's query for everyone's presence is answered at most once in this long (ms). */
  queryAwarenessIntervalMs: number;
  /** A connection with more than this waiting to be sent to it (it stopped reading) is closed (bytes). */
  maxBufferedBytes: number;
}

export const defaultCollabConfig: CollabConfig = {
  maxMessageBytes: 1024 * 1024,
  groupCommitMs: 2,
  // Under a steady stream of edits, one INSERT every 20 ms instead of every few: each write wakes
  // the database, and at 500 edits a second that cost the server a quarter of its CPU (ADR 0040).
  writeIntervalMs: 20,
  // Far beyond a group commit; short enough that a client moved here by its process dying is soon told its edits are saved.
  remoteSaveWaitMs: 3000,
  unloadAfterMs: 30_000,
  compactAfterUpdates: 500,
  // Typing is a few updates a second plus cursor moves; 200 a second is far beyond any person.
  maxMessagesPerSecond: 200,
  messageBurst: 400,
  maxBytesPerSecond: 2 * 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
  // A care plan is kilobytes; 10 MiB is generous and still quick for everyone to download.
  maxDocumentBytes: 10 * 1024 * 1024,
  maxNestingDepth,
  // Several tabs with a few documents each; a runaway script with dozens is not a person.
  maxConnectionsPerPerson: 20,
  maxBytesPerPersonPerSecond: 4 * 1024 * 1024,
  personByteBurst: 8 * 1024 * 1024,
  maxAwarenessBytes: 4096,
  queryAwarenessIntervalMs: 1000,
  // Checked before each send, so one message of any size still goes out; this must stay well
  // above the largest document, or a client on a slow line could never finish opening one.
  maxBufferedBytes: 16 * 1024 * 1024,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Configuration is not valid: ${problems}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error("Configuration is not valid: REDIS_URL needs DATABASE_URL too: several server processes cannot share the embedded database");
  }
  return {
    port: e.PORT,
    host: e.HOST,
    // Relative to where the person ran `pnpm start` (pnpm runs the server inside server/).
    dataDir: e.DATABASE_URL ? undefined : path.resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    pglite: { requestTimeoutMs: e.PGLITE_REQUEST_TIMEOUT_MS, openTimeoutMs: e.PGLITE_OPEN_TIMEOUT_MS, minFreeBytes: e.PGLITE_MIN_FREE_BYTES },
    seedDemoData: e.SEED_DEMO_DATA === "true",
    clientDist: path.resolve(e.CLIENT_DIST ?? new URL("../../client/dist", import.meta.url).pathname),
    sessionDays: e.SESSION_DAYS,
    logLevel: e.LOG_LEVEL,
    overdueCheckMs: e.OVERDUE_CHECK_SECONDS * 1000,
    sessionCheckMs: e.SESSION_CHECK_SECONDS * 1000,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, digestHour: e.DIGEST_HOUR },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    collab: {
      maxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES ?? defaultCollabConfig.maxMessageBytes,
      groupCommitMs: e.COLLAB_GROUP_COMMIT_MS ?? defaultCollabConfig.groupCommitMs,
      // Not with PGlite: there the interval raised the first start's memory at rest from 287–294
      // MiB to 303–325 (pnpm bench:memory), past the 300 MiB it must stay under (ADR 0040).
      writeIntervalMs: e.COLLAB_WRITE_INTERVAL_MS ?? (e.DATABASE_URL ? defaultCollabConfig.writeIntervalMs : 0),
      remoteSaveWaitMs: e.COLLAB_REMOTE_SAVE_WAIT_MS ?? defaultCollabConfig.remoteSaveWaitMs,
      unloadAfterMs: e.COLLAB_UNLOAD_AFTER_MS ?? defaultCollabConfig.unloadAfterMs,
      compactAfterUpdates: e.COLLAB_COMPACT_AFTER_UPDATES ?? defaultCollabConfig.compactAfterUpdates,
      maxMessagesPerSecond: e.COLLAB_MAX_MESSAGES_PER_SECOND ?? defaultCollabConfig.maxMessagesPerSecond,
      messageBurst: e.COLLAB_MESSAGE_BURST ?? defaultCollabConfig.messageBurst,
      maxBytesPerSecond: e.COLLAB_MAX_BYTES_PER_SECOND ?? defaultCollabConfig.maxBytesPerSecond,
      byteBurst: e.COLLAB_BYTE_BURST ?? defaultCollabConfig.byteBurst,
      maxDocumentBytes: e.COLLAB_MAX_DOCUMENT_BYTES ?? defaultCollabConfig.maxDocumentBytes,
      maxNestingDepth: e.COLLAB_MAX_NESTING_DEPTH ?? defaultCollabConfig.maxNestingDepth,
      maxConnectionsPerPerson: e.COLLAB_MAX_CONNECTIONS_PER_PERSON ?? defaultCollabConfig.maxConnectionsPerPerson,
      maxBytesPerPersonPerSecond: e.COLLAB_MAX_BYTES_PER_PERSON_PER_SECOND ?? defaultCollabConfig.maxBytesPerPersonPerSecond,
      personByteBurst: e.COLLAB_PERSON_BYTE_BURST ?? defaultCollabConfig.personByteBurst,
      maxAwarenessBytes: e.COLLAB_MAX_AWARENESS_BYTES ?? defaultCollabConfig.maxAwarenessBytes,
      queryAwarenessIntervalMs: e.COLLAB_QUERY_AWARENESS_INTERVAL_MS ?? defaultCollabConfig.queryAwarenessIntervalMs,
      maxBufferedBytes: e.COLLAB_MAX_BUFFERED_BYTES ?? defaultCollabConfig.maxBufferedBytes,
    },
    trustProxy: e.TRUST_PROXY === "true",
    apiMaxBodyBytes: e.API_MAX_BODY_BYTES,
    versionSavesPerMinute: e.VERSION_SAVES_PER_MINUTE,
    referralsWaitingPerDay: e.REFERRALS_WAITING_PER_DAY,
    mapDrawing: {
      workers: e.MAP_DRAWING_WORKERS,
      queued: e.MAP_DRAWING_QUEUE,
      deadlineMs: e.MAP_DRAWING_DEADLINE_SECONDS * 1000,
      workerMemoryMb: e.MAP_DRAWING_WORKER_MEMORY_MB,
      perPerson: e.MAP_DRAWINGS_PER_PERSON,
      windowSeconds: e.MAP_DRAWINGS_WINDOW_MINUTES * 60,
    },
    serveSourceMaps: e.SERVE_SOURCE_MAPS === "true",
    listMaxPageSize: e.LIST_MAX_PAGE_SIZE,
    signIn: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      failureWindowSeconds: e.LOGIN_FAILURE_WINDOW_MINUTES * 60,
      lockSeconds: e.LOGIN_LOCK_MINUTES * 60,
      maxAttemptsPerIp: e.LOGIN_MAX_ATTEMPTS_PER_IP,
      ipWindowSeconds: e.LOGIN_IP_WINDOW_MINUTES * 60,
    },
    passwordReset: {
      linkSeconds: e.PASSWORD_RESET_LINK_MINUTES * 60,
      maxPerEmail: e.PASSWORD_RESET_MAX_PER_EMAIL,
      maxPerIp: e.PASSWORD_RESET_MAX_PER_IP,
      windowSeconds: e.PASSWORD_RESET_WINDOW_MINUTES * 60,
    },
    presence: {
      maxBufferedBytes: e.PRESENCE_MAX_BUFFERED_BYTES,
      maxConnectionsPerPerson: e.PRESENCE_MAX_CONNECTIONS_PER_PERSON,
      maxRoomChangesPerSecond: e.PRESENCE_MAX_ROOM_CHANGES_PER_SECOND,
    },
    durability: durabilityConfig(e),
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
  };
}
