/** The service's agencies: GET /api/agencies, PUT /api/agencies/:id/escalation-contact (the service lead's). */
import { Hono } from "hono";
import { escalationContactBodySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { listAgencies, setEscalationContact } from "./agencies.js";

export function agencyRoutes({ db }: Pick<AppDeps, "db">) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await listAgencies(db, c.get("person"))))
    .put("/:id/escalation-contact", jsonBody(escalationContactBodySchema), async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "agency id");
      return c.json(await setEscalationContact(db, c.get("person"), id, c.req.valid("json")));
    });
}
