/**
 * A case's records of access, under /api/cases/:caseId: GET audit (senior keyworkers, service
 * lead) and GET access-report (the child's family), each filtered and a page at a time, and each
 * with GET …/choices: the people and records its filters offer.
 */
import { Hono } from "hono";
import { auditQuerySchema, uuidSchema, type AuditQuery } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { pageSize } from "../http/page-size.js";
import { parseOrThrow, query } from "../http/validate.js";
import { accessReport, accessReportChoices, caseAuditChoices, caseAuditTrail, type AuditPage } from "./audit-trail.js";

export function caseAuditRoutes({ db, config }: AppDeps) {
  const id = (raw: string | undefined) => parseOrThrow(uuidSchema, raw, "case id");
  const page = ({ before, asOf, limit, ...filter }: AuditQuery): AuditPage => ({ filter, before, asOf, limit: pageSize(limit, 100, config.listMaxPageSize) });
  return new Hono<AppEnv>()
    .get("/:caseId/audit", query(auditQuerySchema), async (c) => c.json(await caseAuditTrail(db, c.get("person"), id(c.req.param("caseId")), page(c.req.valid("query")))))
    .get("/:caseId/audit/choices", async (c) => c.json(await caseAuditChoices(db, c.get("person"), id(c.req.param("caseId")))))
    .get("/:caseId/access-report", query(auditQuerySchema), async (c) =>
      c.json(await accessReport(db, c.get("person"), id(c.req.param("caseId")), page(c.req.valid("query")))),
    )
    .get("/:caseId/access-report/choices", async (c) => c.json(await accessReportChoices(db, c.get("person"), id(c.req.param("caseId")))));
}
