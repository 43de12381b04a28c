/**
 * A meeting's carried actions (ADR 0027): GET /api/meetings/:id/carried-actions, and
 * POST /api/meetings/:id/carried-actions/:actionId to confirm, update or close one.
 */
import { Hono } from "hono";
import { carriedActionDecisionBodySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import type { ActionDeps } from "./actions.js";
import { decideCarriedAction, listCarriedActions } from "./carried-actions.js";

export function carriedActionRoutes(deps: ActionDeps & Pick<AppDeps, "onMeetingChanged">) {
  const { db } = deps;
  const meetingId = (raw: string) => parseOrThrow(uuidSchema, raw, "meeting id");
  return new Hono<AppEnv>()
    .get("/:id/carried-actions", async (c) => c.json(await listCarriedActions(db, c.get("person"), meetingId(c.req.param("id")))))
    .post("/:id/carried-actions/:actionId", jsonBody(carriedActionDecisionBodySchema), async (c) => {
      const id = meetingId(c.req.param("id"));
      const actionId = parseOrThrow(uuidSchema, c.req.param("actionId"), "action id");
      const sections = await decideCarriedAction(deps, c.get("person"), id, actionId, c.req.valid("json"));
      deps.onMeetingChanged(id);
      return c.json(sections);
    });
}
