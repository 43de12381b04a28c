/** Cases: GET /api/cases, GET /api/cases/:caseId, GET /api/cases/:caseId/agencies, POST /api/cases/:caseId/documents. */
import { Hono } from "hono";
import { createDocumentBodySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { caseAgencies, getCase, listCases } from "./cases.js";
import { createDocument } from "../documents/documents.js";
import { listCaseMeetings } from "../meetings/meetings.js";

export function caseRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await listCases(db, c.get("person"))))
    .get("/:caseId", async (c) => {
      const caseId = parseOrThrow(uuidSchema, c.req.param("caseId"), "case id");
      return c.json(await getCase(db, c.get("person"), caseId));
    })
    .get("/:caseId/agencies", async (c) => {
      const caseId = parseOrThrow(uuidSchema, c.req.param("caseId"), "case id");
      return c.json(await caseAgencies(db, c.get("person"), caseId));
    })
    .get("/:caseId/meetings", async (c) => {
      const caseId = parseOrThrow(uuidSchema, c.req.param("caseId"), "case id");
      return c.json(await listCaseMeetings(db, c.get("person"), caseId));
    })
    .post("/:caseId/documents", jsonBody(createDocumentBodySchema), async (c) => {
      const caseId = parseOrThrow(uuidSchema, c.req.param("caseId"), "case id");
      return c.json(await createDocument(db, c.get("person"), caseId, c.req.valid("json")), 201);
    });
}
