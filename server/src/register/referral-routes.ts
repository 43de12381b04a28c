/**
 * Referrals and allocation over HTTP. Under /api/referrals: GET / (?status=&mine=), POST / → 201,
 * POST /:id/decision { accept | decline }, GET /keyworkers (whom a triager or allocator may
 * choose), GET /rag-levels (the service's levels, for a first rating). Under /api/cases: GET and PUT /:caseId/allocation.
 */
import { Hono } from "hono";
import { allocationBodySchema, referralBodySchema, referralDecisionBodySchema, referralListQuerySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow, query } from "../http/validate.js";
import type { Notifier } from "../notifications/notifier.js";
import { caseAllocation, changeAllocation, keyworkerChoices } from "./allocation.js";
import { decideReferral } from "./referral-decision.js";
import { listReferrals, makeReferral, triageRagLevels, type ReferralDeps } from "./referrals.js";

export function referralRoutes(deps: AppDeps & { notifier: Notifier }) {
  const { db, config } = deps;
  const referrals: ReferralDeps = { db, waitingPerDay: config.referralsWaitingPerDay, maxRows: config.listMaxPageSize };
  return new Hono<AppEnv>()
    .get("/", query(referralListQuerySchema), async (c) => c.json(await listReferrals(referrals, c.get("person"), c.req.valid("query"))))
    .post("/", jsonBody(referralBodySchema), async (c) => c.json(await makeReferral(referrals, c.get("person"), c.req.valid("json")), 201))
    .get("/keyworkers", async (c) => c.json(await keyworkerChoices(db, c.get("person"))))
    .get("/rag-levels", async (c) => c.json(await triageRagLevels(db, c.get("person"))))
    .post("/:id/decision", jsonBody(referralDecisionBodySchema), async (c) => {
      const id = parseOrThrow(uuidSchema, c.req.param("id"), "referral id");
      return c.json(await decideReferral(deps, c.get("person"), id, c.req.valid("json")));
    });
}

export function allocationRoutes(deps: AppDeps) {
  const caseIdOf = (raw: string) => parseOrThrow(uuidSchema, raw, "case id");
  return new Hono<AppEnv>()
    .get("/:caseId/allocation", async (c) => c.json(await caseAllocation(deps.db, c.get("person"), caseIdOf(c.req.param("caseId")))))
    .put("/:caseId/allocation", jsonBody(allocationBodySchema), async (c) => c.json(await changeAllocation(deps, c.get("person"), caseIdOf(c.req.param("caseId")), c.req.valid("json"))));
}
