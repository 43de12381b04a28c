/**
 * Communication needs (ADR 0023): GET and PUT /api/communication-needs/me — the person's own;
 * GET /cases/:caseId — the team's, for the child's keyworker; PUT /cases/:caseId/people/:personId
 * — a family member's, recorded by the keyworker; GET /meetings/:meetingId — the invitees', for the chair.
 */
import { communicationNeedsBodySchema, uuidSchema } from "@roundtable/domain";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { meetingNeeds, needsOf, recordTeamMemberNeeds, saveOwnNeeds, teamNeeds } from "./communication-needs.js";

export function communicationNeedsRoutes({ db }: AppDeps) {
  const id = (raw: string, what: string) => parseOrThrow(uuidSchema, raw, what);
  return new Hono<AppEnv>()
    .get("/me", async (c) => c.json(await needsOf(db, c.get("person").id)))
    .put("/me", jsonBody(communicationNeedsBodySchema), async (c) => c.json(await saveOwnNeeds(db, c.get("person"), c.req.valid("json"))))
    .get("/cases/:caseId", async (c) => c.json(await teamNeeds(db, c.get("person"), id(c.req.param("caseId"), "case id"))))
    .put("/cases/:caseId/people/:personId", jsonBody(communicationNeedsBodySchema), async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const personId = id(c.req.param("personId"), "person id");
      return c.json(await recordTeamMemberNeeds(db, c.get("person"), caseId, personId, c.req.valid("json")));
    })
    .get("/meetings/:meetingId", async (c) => c.json(await meetingNeeds(db, c.get("person"), id(c.req.param("meetingId"), "meeting id"))));
}
