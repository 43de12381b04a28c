/** Configuration from environment variables, parsed once into a typed object. */
import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL").optional(),
  SEED_DEMO_DATA: z.enum(["true", "false"]).default("true"),
  CLIENT_DIST: z.string().optional(),
  SESSION_DAYS: z.coerce.number().positive().default(7),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
  COLLAB_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().optional(),
  COLLAB_GROUP_COMMIT_MS: z.coerce.number().int().min(0).optional(),
  COLLAB_UNLOAD_AFTER_MS: z.coerce.number().int().min(0).optional(),
  COLLAB_COMPACT_AFTER_UPDATES: z.coerce.number().int().positive().optional(),
  OVERDUE_CHECK_SECONDS: z.coerce.number().positive().default(60),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().default("Roundtable <no-reply@roundtable.local>"),
  PUBLIC_URL: z.string().url("PUBLIC_URL must be the address people use, like https://roundtable.example.org").optional(),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  seedDemoData: boolean;
  clientDist: string;
  sessionDays: number;
  logLevel: string;
  /** How often the overdue-actions job looks for actions whose due date has passed. */
  overdueCheckMs: number;
  /** Email: only sent when an SMTP server is configured. */
  mail: { smtpUrl: string | undefined; from: string; digestHour: number };
  /** The address in links we send (emails, calendar invites). */
  publicUrl: string;
  /** Collab tuning, overridable by tests and the benchmark. */
  collab: CollabConfig;
}

export interface CollabConfig {
  /** Frames bigger than this close the connection (bytes). */
  maxMessageBytes: number;
  /** How long updates wait to be written together (ms). */
  groupCommitMs: number;
  /** Unload a document this long after its last connection leaves (ms). */
  unloadAfterMs: number;
  /** Fold the update log into the snapshot once a document has this many updates. */
  compactAfterUpdates: number;
}

export const defaultCollabConfig: CollabConfig = {
  maxMessageBytes: 1024 * 1024,
  groupCommitMs: 2,
  unloadAfterMs: 30_000,
  compactAfterUpdates: 500,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Configuration is not valid: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    // Relative to where the person ran `pnpm start` (pnpm runs the server inside server/).
    dataDir: e.DATABASE_URL ? undefined : path.resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    seedDemoData: e.SEED_DEMO_DATA === "true",
    clientDist: path.resolve(e.CLIENT_DIST ?? new URL("../../client/dist", import.meta.url).pathname),
    sessionDays: e.SESSION_DAYS,
    logLevel: e.LOG_LEVEL,
    overdueCheckMs: e.OVERDUE_CHECK_SECONDS * 1000,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, digestHour: e.DIGEST_HOUR },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    collab: {
      maxMessageBytes: e.COLLAB_MAX_MESSAGE_BYTES ?? defaultCollabConfig.maxMessageBytes,
      groupCommitMs: e.COLLAB_GROUP_COMMIT_MS ?? defaultCollabConfig.groupCommitMs,
      unloadAfterMs: e.COLLAB_UNLOAD_AFTER_MS ?? defaultCollabConfig.unloadAfterMs,
      compactAfterUpdates: e.COLLAB_COMPACT_AFTER_UPDATES ?? defaultCollabConfig.compactAfterUpdates,
    },
  };
}
