/**
 * Notifications, the signed-in person's own: GET /api/notifications (a page, newest first),
 * GET /unread-count (for the header), POST /:id/read, POST /read-all, and GET/PUT
 * /email-preferences (how they want to hear of each kind by email).
 */
import { Hono } from "hono";
import { emailPreferencesBodySchema, uuidSchema } from "@roundtable/domain";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { pageSize } from "../http/page-size.js";
import { jsonBody, parseOrThrow, query } from "../http/validate.js";
import { emailPreferencesOf, saveEmailPreferences } from "./email-preferences.js";
import { listInbox, markAllRead, markRead, unreadCount } from "./inbox.js";

const inboxPageSchema = z.object({
  older: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit can be at most 100").optional(),
});

export function notificationRoutes({ db, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", query(inboxPageSchema), async (c) => {
      const asked = c.req.valid("query");
      return c.json(await listInbox(db, c.get("person"), { older: asked.older, limit: pageSize(asked.limit, 20, config.listMaxPageSize) }));
    })
    .get("/unread-count", async (c) => c.json(await unreadCount(db, c.get("person"))))
    .post("/read-all", async (c) => c.json(await markAllRead(db, c.get("person"))))
    .post("/:id/read", async (c) => {
      await markRead(db, c.get("person"), parseOrThrow(uuidSchema, c.req.param("id"), "notification id"));
      return c.body(null, 204);
    })
    .get("/email-preferences", async (c) => c.json(await emailPreferencesOf(db, c.get("person").id)))
    .put("/email-preferences", jsonBody(emailPreferencesBodySchema), async (c) => c.json(await saveEmailPreferences(db, c.get("person").id, c.req.valid("json"))));
}
