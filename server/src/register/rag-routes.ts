/**
 * A child's RAG rating, under /api/cases/:caseId: GET rag-history (oldest first), GET rag-levels
 * (the service's levels with their criteria), POST rag { rating, reason } → 201 with the change.
 * Professionals only; the family and the young person are answered 404 (ADR 0025).
 */
import { Hono } from "hono";
import { ragChangeBodySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { changeRagRating, ragHistory, ragLevelsForCase, type RagRatingDeps } from "./rag-rating.js";

export function ragRoutes({ db, config, onCaseChanged }: AppDeps) {
  const deps: RagRatingDeps = { db, onCaseChanged, maxRows: config.listMaxPageSize };
  const caseIdOf = (raw: string | undefined) => parseOrThrow(uuidSchema, raw, "case id");
  return new Hono<AppEnv>()
    .get("/:caseId/rag-history", async (c) => c.json(await ragHistory(deps, c.get("person"), caseIdOf(c.req.param("caseId")))))
    .get("/:caseId/rag-levels", async (c) => c.json(await ragLevelsForCase(db, c.get("person"), caseIdOf(c.req.param("caseId")))))
    .post("/:caseId/rag", jsonBody(ragChangeBodySchema), async (c) => {
      const change = await changeRagRating(deps, c.get("person"), caseIdOf(c.req.param("caseId")), c.req.valid("json"));
      return c.json(change, 201);
    });
}
