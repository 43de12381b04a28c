/**
 * A case's team, consent and records of access, under /api/cases/:caseId:
 * POST members, PATCH|DELETE members/:personId; GET|POST consents, POST consents/:id/withdraw;
 * GET audit (senior keyworkers, service lead); GET access-report (the child's family);
 * POST young-person { personId, agreement } and POST young-person/unlink — the child's own
 * account (ADR 0012).
 * Every change to who may see the case is enforced on open connections straight away.
 */
import { Hono } from "hono";
import { addMemberBodySchema, changeMemberRoleBodySchema, linkYoungPersonBodySchema, recordConsentBodySchema, uuidSchema, withdrawConsentBodySchema } from "@roundtable/domain";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { pageSize } from "../http/page-size.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { accessReport, caseAuditTrail } from "../services/audit-trail.js";
import { addMember, changeMemberRole, listConsents, recordConsent, removeMember, withdrawConsent } from "../services/case-team.js";
import { linkedYoungPerson, linkYoungPerson, tellOfLinkChange, unlinkYoungPerson } from "../services/young-person-link.js";

const auditPageSchema = z.object({
  before: z.coerce.number().int().positive("before must be an event number").optional(),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(500, "limit can be at most 500").optional(),
});

export function caseTeamRoutes({ db, log, onCaseAccessChanged, notifier, config }: AppDeps) {
  const id = (raw: string | undefined, what: string) => parseOrThrow(uuidSchema, raw, what);
  return new Hono<AppEnv>()
    .post("/:caseId/members", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      await addMember(db, c.get("person"), caseId, await jsonBody(c, addMemberBodySchema));
      await onCaseAccessChanged(caseId);
      return c.body(null, 204);
    })
    .patch("/:caseId/members/:personId", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const { role } = await jsonBody(c, changeMemberRoleBodySchema);
      await changeMemberRole(db, c.get("person"), caseId, id(c.req.param("personId"), "person id"), role);
      await onCaseAccessChanged(caseId);
      return c.body(null, 204);
    })
    .delete("/:caseId/members/:personId", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      await removeMember(db, c.get("person"), caseId, id(c.req.param("personId"), "person id"));
      await onCaseAccessChanged(caseId);
      return c.body(null, 204);
    })
    .get("/:caseId/consents", async (c) => c.json(await listConsents(db, c.get("person"), id(c.req.param("caseId"), "case id"))))
    .post("/:caseId/consents", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const record = await recordConsent(db, c.get("person"), caseId, await jsonBody(c, recordConsentBodySchema));
      await onCaseAccessChanged(caseId);
      return c.json(record, 201);
    })
    .post("/:caseId/consents/:consentId/withdraw", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const consentId = id(c.req.param("consentId"), "consent id");
      const hasBody = (c.req.header("content-length") ?? "0") !== "0";
      const { note } = hasBody ? await jsonBody(c, withdrawConsentBodySchema) : { note: undefined };
      const record = await withdrawConsent(db, c.get("person"), caseId, consentId, note);
      await onCaseAccessChanged(caseId);
      return c.json(record);
    })
    .post("/:caseId/young-person", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const change = await linkYoungPerson(db, c.get("person"), caseId, await jsonBody(c, linkYoungPersonBodySchema));
      await onCaseAccessChanged(caseId);
      await tellOfLinkChange(db, notifier, change).catch((err: unknown) => log.error({ err, caseId }, "could not tell people of a young person's link"));
      return c.json(await linkedYoungPerson(db, caseId));
    })
    .post("/:caseId/young-person/unlink", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const change = await unlinkYoungPerson(db, c.get("person"), caseId);
      await onCaseAccessChanged(caseId);
      await tellOfLinkChange(db, notifier, change).catch((err: unknown) => log.error({ err, caseId }, "could not tell people of a young person's link"));
      return c.body(null, 204);
    })
    .get("/:caseId/audit", async (c) => {
      const asked = parseOrThrow(auditPageSchema, c.req.query(), "query");
      const page = { before: asked.before, limit: pageSize(asked.limit, 100, config.listMaxPageSize) };
      return c.json(await caseAuditTrail(db, c.get("person"), id(c.req.param("caseId"), "case id"), page));
    })
    .get("/:caseId/access-report", async (c) => c.json(await accessReport(db, c.get("person"), id(c.req.param("caseId"), "case id"))));
}
