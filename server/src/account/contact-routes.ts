/** The signed-in person's own contact details: GET /api/me/contact, PUT /api/me/contact { phone, workingHours }. */
import { Hono } from "hono";
import { contactDetailsBodySchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody } from "../http/validate.js";
import { changeOwnContactDetails, ownContactDetails } from "./contact-details.js";

export function contactRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await ownContactDetails(db, c.get("person"))))
    .put("/", jsonBody(contactDetailsBodySchema), async (c) => c.json(await changeOwnContactDetails(db, c.get("person"), c.req.valid("json"))));
}
