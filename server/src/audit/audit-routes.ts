/**
 * A case's records of access, under /api/cases/:caseId: GET audit (senior keyworkers, service
 * lead) and GET access-report (the child's family).
 */
import { Hono } from "hono";
import { uuidSchema } from "@roundtable/domain";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { pageSize } from "../http/page-size.js";
import { parseOrThrow, query } from "../http/validate.js";
import { accessReport, caseAuditTrail } from "./audit-trail.js";

const auditPageSchema = z.object({
  before: z.coerce.number().int().positive("before must be an event number").optional(),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(500, "limit can be at most 500").optional(),
});

export function caseAuditRoutes({ db, config }: AppDeps) {
  const id = (raw: string | undefined, what: string) => parseOrThrow(uuidSchema, raw, what);
  return new Hono<AppEnv>()
    .get("/:caseId/audit", query(auditPageSchema), async (c) => {
      const asked = c.req.valid("query");
      const page = { before: asked.before, limit: pageSize(asked.limit, 100, config.listMaxPageSize) };
      return c.json(await caseAuditTrail(db, c.get("person"), id(c.req.param("caseId"), "case id"), page));
    })
    .get("/:caseId/access-report", async (c) => c.json(await accessReport(db, c.get("person"), id(c.req.param("caseId"), "case id"))));
}
