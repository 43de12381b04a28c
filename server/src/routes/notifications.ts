/** Notifications: GET /api/notifications (mine, newest first), POST /api/notifications/:id/read. */
import { Hono } from "hono";
import { schema } from "@roundtable/db";
import { uuidSchema } from "@roundtable/domain";
import { and, desc, eq } from "drizzle-orm";
import { notFound } from "../errors.js";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { parseOrThrow } from "../http/validate.js";

export function notificationRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const rows = await db
        .select()
        .from(schema.notifications)
        .where(eq(schema.notifications.personId, c.get("person").id))
        .orderBy(desc(schema.notifications.createdAt))
        .limit(50);
      return c.json(rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })));
    })
    .post("/:id/read", async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "notification id");
      const updated = await db
        .update(schema.notifications)
        .set({ readAt: new Date() })
        .where(and(eq(schema.notifications.id, id), eq(schema.notifications.personId, c.get("person").id)))
        .returning({ id: schema.notifications.id });
      if (updated.length === 0) throw notFound("That notification");
      return c.body(null, 204);
    });
}
