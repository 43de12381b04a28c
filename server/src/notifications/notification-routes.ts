/** Notifications: GET /api/notifications (mine, newest first), POST /api/notifications/:id/read. */
import { Hono } from "hono";
import { schema } from "@roundtable/db";
import { uuidSchema } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors.js";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { parseOrThrow } from "../http/validate.js";
import { listNotifications } from "./notifications.js";

export function notificationRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await listNotifications(db, c.get("person"))))
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
