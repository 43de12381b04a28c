/**
 * GET /api/health — is the server up, can it reach its database, and are edits being saved.
 * It answers within a second whatever happens: what the database layer already knows (embedded
 * PGlite restarting, or its disk below the reserve) is answered without asking, and the ping is
 * time-boxed. 503 when the database is not saving or does not answer in time, when the update log
 * says it is not saving (a write failed, or one has waited past COLLAB_NOT_SAVING_AFTER_MS), or
 * when the oldest edit waiting to be saved is older than HEALTH_MAX_BACKLOG_AGE_SECONDS.
 */
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppDeps } from "./app-env.js";

type Ping = "ok" | "failed" | "timed out";

export function healthRoutes({ db, databaseKind, databaseState, saveBacklog, config }: AppDeps) {
  const { healthTimeoutMs, healthMaxBacklogAgeMs } = config.durability;

  async function ping(): Promise<Ping> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<Ping>((resolve) => (timer = setTimeout(() => resolve("timed out"), healthTimeoutMs)));
    const answered = db.execute(sql`select 1`).then(
      () => "ok" as const,
      () => "failed" as const,
    );
    const result = await Promise.race([answered, timedOut]);
    clearTimeout(timer);
    return result;
  }

  return new Hono().get("/", async (c) => {
    const { waiting, oldestWaitingMs, saving } = saveBacklog();
    const backlog = { waiting, oldestWaitingSeconds: Math.round(oldestWaitingMs / 100) / 10 };
    const state = databaseState();
    if (state.status !== "ok") {
      return c.json({ ok: false as const, db: databaseKind, database: state.status, saving: false, backlog, error: state.message }, 503);
    }
    const database = await ping();
    const body = { db: databaseKind, database, saving, backlog };
    if (database !== "ok") {
      return c.json({ ok: false as const, ...body, error: "The database is not answering." }, 503);
    }
    if (!saving) {
      return c.json({ ok: false as const, ...body, error: "Edits are not being saved just now: writing them to the database is failing or stuck." }, 503);
    }
    if (oldestWaitingMs > healthMaxBacklogAgeMs) {
      return c.json({ ok: false as const, ...body, error: "Edits are not being saved: the oldest has waited too long." }, 503);
    }
    return c.json({ ok: true as const, ...body });
  });
}
