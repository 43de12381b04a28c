/**
 * A case's consent records, under /api/cases/:caseId: GET|POST consents, POST
 * consents/:id/withdraw. The use-cases announce every change to who may see the case, so open
 * connections follow straight away.
 */
import { Hono } from "hono";
import { recordConsentBodySchema, uuidSchema, withdrawConsentBodySchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { listConsents, recordConsent, withdrawConsent } from "./consent.js";

export function consentRoutes(deps: AppDeps) {
  const { db } = deps;
  const id = (raw: string | undefined, what: string) => parseOrThrow(uuidSchema, raw, what);
  return new Hono<AppEnv>()
    .get("/:caseId/consents", async (c) => c.json(await listConsents(db, c.get("person"), id(c.req.param("caseId"), "case id"))))
    .post("/:caseId/consents", jsonBody(recordConsentBodySchema), async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const record = await recordConsent(deps, c.get("person"), caseId, c.req.valid("json"));
      return c.json(record, 201);
    })
    .post("/:caseId/consents/:consentId/withdraw", jsonBody(withdrawConsentBodySchema, { emptyIs: {} }), async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const consentId = id(c.req.param("consentId"), "consent id");
      const { note } = c.req.valid("json");
      const record = await withdrawConsent(deps, c.get("person"), caseId, consentId, note);
      return c.json(record);
    });
}
