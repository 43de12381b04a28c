/**
 * Actions: GET /api/actions, PATCH /api/actions/:id, GET /api/actions/:id/events, and its
 * escalations: GET and POST /api/actions/:id/escalations.
 */
import { Hono } from "hono";
import { actionListQuerySchema, escalationBodySchema, updateActionBodySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { pageSize } from "../http/page-size.js";
import { jsonBody, parseOrThrow, query } from "../http/validate.js";
import { getAction, listActionEvents, listActions, updateAction, type ActionDeps } from "./actions.js";
import { escalateAction, listEscalations, type EscalationDeps } from "./escalations.js";

/** Actions a list page holds when the request does not say. */
const defaultActionPage = 500;

export function actionRoutes(deps: ActionDeps & EscalationDeps & Pick<AppDeps, "config">) {
  const { db, config } = deps;
  return new Hono<AppEnv>()
    .get("/", query(actionListQuerySchema), async (c) => {
      const asked = c.req.valid("query");
      const page = { ...asked, limit: pageSize(asked.limit, defaultActionPage, config.listMaxPageSize) };
      // The request's signal: a client that goes away stops the work it asked for.
      return c.json(await listActions(db, c.get("person"), page, { signal: c.req.raw.signal }));
    })
    .get("/:id", async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "action id");
      return c.json(await getAction(db, c.get("person"), id));
    })
    .patch("/:id", jsonBody(updateActionBodySchema), async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "action id");
      const body = c.req.valid("json");
      return c.json(await updateAction(deps, c.get("person"), id, body));
    })
    .get("/:id/events", async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "action id");
      return c.json(await listActionEvents(db, c.get("person"), id));
    })
    .get("/:id/escalations", async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "action id");
      return c.json(await listEscalations(db, c.get("person"), id));
    })
    .post("/:id/escalations", jsonBody(escalationBodySchema), async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "action id");
      return c.json(await escalateAction(deps, c.get("person"), id, c.req.valid("json")), 201);
    });
}
