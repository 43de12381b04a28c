/** GET /api/health — is the server up and can it reach its database. */
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppDeps } from "../http/app-env.js";

export function healthRoutes({ db, databaseKind }: AppDeps) {
  return new Hono().get("/", async (c) => {
    try {
      await db.execute(sql`select 1`);
      return c.json({ ok: true as const, db: databaseKind });
    } catch {
      return c.json({ ok: false as const, db: databaseKind, error: "The database is not answering." }, 503);
    }
  });
}
