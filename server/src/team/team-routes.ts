/**
 * A case's team, under /api/cases/:caseId: POST members, PATCH|DELETE members/:personId;
 * POST young-person { personId, agreement } and POST young-person/unlink — the child's own
 * account (ADR 0012). The use-cases announce every change to who may see the case, so open
 * connections follow straight away.
 */
import { Hono } from "hono";
import { addMemberBodySchema, changeMemberRoleBodySchema, linkYoungPersonBodySchema, uuidSchema } from "@roundtable/domain";
import { HttpError } from "../errors.js";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { addMember, changeMemberRole, removeMember } from "./case-team.js";
import { linkedYoungPerson, linkYoungPerson, tellOfLinkChange, unlinkYoungPerson } from "./young-person-link.js";
import type { Notifier } from "../notifications/notifier.js";

export function caseTeamRoutes(deps: AppDeps & { notifier: Notifier }) {
  const { db, log, notifier } = deps;
  const id = (raw: string | undefined, what: string) => parseOrThrow(uuidSchema, raw, what);
  return new Hono<AppEnv>()
    .post("/:caseId/members", jsonBody(addMemberBodySchema), async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      await addMember(deps, c.get("person"), caseId, c.req.valid("json"));
      return c.body(null, 204);
    })
    .patch("/:caseId/members/:personId", jsonBody(changeMemberRoleBodySchema), async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const { role } = c.req.valid("json");
      await changeMemberRole(deps, c.get("person"), caseId, id(c.req.param("personId"), "person id"), role);
      return c.body(null, 204);
    })
    .delete("/:caseId/members/:personId", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      await removeMember(deps, c.get("person"), caseId, id(c.req.param("personId"), "person id"));
      return c.body(null, 204);
    })
    .post("/:caseId/young-person", jsonBody(linkYoungPersonBodySchema), async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const change = await linkYoungPerson(deps, c.get("person"), caseId, c.req.valid("json"));
      await tellOfLinkChange(db, notifier, change).catch((err: unknown) => log.error({ err, caseId }, "could not tell people of a young person's link"));
      const linked = await linkedYoungPerson(db, caseId);
      // Only an unlink at the same moment leaves no link to answer with: the link was made (and
      // people told), so say so rather than that it failed.
      if (!linked) throw new HttpError(409, "The account was linked, but someone changed the link at the same moment. Reload the page to see who is linked now.");
      return c.json(linked);
    })
    .post("/:caseId/young-person/unlink", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const change = await unlinkYoungPerson(deps, c.get("person"), caseId);
      await tellOfLinkChange(db, notifier, change).catch((err: unknown) => log.error({ err, caseId }, "could not tell people of a young person's link"));
      return c.body(null, 204);
    });
}
