/** GET /api/health — is the server up, can it reach its database, and is it saving. Answers within a second. */
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppDeps } from "../http/app-env.js";

/** How long the health check waits for the database to answer `select 1`. */
const probeDeadlineMs = 500;

export function healthRoutes({ db, databaseKind, databaseState }: AppDeps) {
  return new Hono().get("/", async (c) => {
    // Known without asking: a database being restarted, or a disk below its reserve, is not saving.
    const state = databaseState();
    if (state.status !== "ok") return c.json({ ok: false as const, db: databaseKind, database: state.status, error: state.message }, 503);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), probeDeadlineMs)));
    try {
      const answer = await Promise.race([db.execute(sql`select 1`), deadline]);
      if (answer !== "late") return c.json({ ok: true as const, db: databaseKind });
    } catch {
      // Not answering, as below.
    } finally {
      clearTimeout(timer);
    }
    return c.json({ ok: false as const, db: databaseKind, database: "not-answering" as const, error: "The database is not answering." }, 503);
  });
}
