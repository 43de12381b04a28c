/**
 * GET /api/health — is the server up, can it reach its database, and are edits being saved.
 * It answers within a second whatever happens: the database ping is time-boxed. 503 when the
 * database does not answer in time, or when the oldest edit waiting to be saved is older than
 * HEALTH_MAX_BACKLOG_AGE_SECONDS (edits are accepted but not reaching the database).
 */
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppDeps } from "../http/app-env.js";

type Ping = "ok" | "failed" | "timed out";

export function healthRoutes({ db, databaseKind, registry, config }: AppDeps) {
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
    const database = await ping();
    const { waiting, oldestWaitingMs, saving } = registry.updateLog.backlog();
    const backlog = { waiting, oldestWaitingSeconds: Math.round(oldestWaitingMs / 100) / 10 };
    const body = { db: databaseKind, database, saving, backlog };
    if (database !== "ok") {
      return c.json({ ok: false as const, ...body, error: "The database is not answering." }, 503);
    }
    if (oldestWaitingMs > healthMaxBacklogAgeMs) {
      return c.json({ ok: false as const, ...body, error: "Edits are not being saved: the oldest has waited too long." }, 503);
    }
    return c.json({ ok: true as const, ...body });
  });
}
