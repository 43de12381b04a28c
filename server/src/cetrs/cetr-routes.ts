/**
 * CETRs over HTTP. Under /api/cases: POST /:caseId/cetrs (request one), GET /:caseId/cetrs.
 * Under /api/cetrs: GET /:id (the stable contract), GET /:id/page (what its page shows),
 * POST /:id/commands (arrange, hold, agree-report, withdraw), POST /:id/panel (a place, or an
 * invitation to one for someone with no account), POST /:id/panel/invitations/:invitationId/withdraw,
 * GET /:id/papers,
 * GET and POST /:id/carried-actions[/:actionId], GET /:id/pdf (the report with its actions table).
 */
import { Hono } from "hono";
import { addPanelMemberBodySchema, cetrCarriedDecisionBodySchema, cetrCommandSchema, requestCetrBodySchema, ukDayOf, uuidSchema, type PanelPlaceGiven } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { createMailer } from "../notifications/mailer.js";
import { panelInvitationEmail } from "../invitations/invitation-email.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import type { ActionDeps } from "../actions/actions.js";
import {
  addPanelMember,
  cetrOwners,
  commandCetr,
  describeCetr,
  getCetr,
  listCaseCetrs,
  listMyCetrs,
  openCetr,
  requestCetr,
  withdrawPanelPlaceInvitation,
  type CetrDeps,
} from "./cetrs.js";
import { decideCetrCarried, describeCetrCarried } from "./cetr-carry-over.js";
import { papersFor } from "./cetr-papers.js";
import { cetrPdf } from "./cetr-pdf.js";
import { mayDecideCetrCarriedAction } from "@roundtable/domain";

const caseIdOf = (raw: string) => parseOrThrow(uuidSchema, raw, "case id");
const cetrIdOf = (raw: string) => parseOrThrow(uuidSchema, raw, "CETR id");

export function caseCetrRoutes(deps: Pick<CetrDeps, "db" | "notifier">) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .post("/:caseId/cetrs", jsonBody(requestCetrBodySchema), async (c) => c.json(await requestCetr(deps, c.get("person"), caseIdOf(c.req.param("caseId")), c.req.valid("json")), 201))
    .get("/:caseId/cetrs", async (c) => c.json(await listCaseCetrs(db, c.get("person"), caseIdOf(c.req.param("caseId")))));
}

export function cetrRoutes(deps: CetrDeps & ActionDeps & Pick<AppDeps, "config" | "log">) {
  const { db, config } = deps;
  // Email only when an SMTP server is configured; the link goes back to the ICB lead either way.
  const mailer = createMailer(config.mail.smtpUrl, config.mail.from, deps.log);
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await listMyCetrs(db, c.get("person"))))
    .get("/:id", async (c) => c.json(await getCetr(db, c.get("person"), cetrIdOf(c.req.param("id")))))
    .get("/:id/page", async (c) => c.json(await describeCetr(db, c.get("person"), cetrIdOf(c.req.param("id")))))
    .post("/:id/commands", jsonBody(cetrCommandSchema), async (c) => c.json(await commandCetr(deps, c.get("person"), cetrIdOf(c.req.param("id")), c.req.valid("json"))))
    .post("/:id/panel", jsonBody(addPanelMemberBodySchema), async (c) => {
      const person = c.get("person");
      const { detail, invited } = await addPanelMember(deps, person, cetrIdOf(c.req.param("id")), c.req.valid("json"));
      if (!invited) return c.json({ ...detail, invited: null } satisfies PanelPlaceGiven, 201);
      // As for a case invitation: this is the only time the link is known (only its hash is kept).
      const link = `${config.publicUrl}/invitations/${invited.token}`;
      const { email, name, place, expiresAt } = invited.invitation;
      if (mailer) await mailer.send(panelInvitationEmail({ to: email, name, inviter: person, place, link, expiresAt, accountExists: false }));
      return c.json({ ...detail, invited: { ...invited.invitation, link, emailed: mailer !== null } } satisfies PanelPlaceGiven, 201);
    })
    .post("/:id/panel/invitations/:invitationId/withdraw", async (c) => {
      const invitationId = parseOrThrow(uuidSchema, c.req.param("invitationId"), "invitation id");
      return c.json(await withdrawPanelPlaceInvitation(deps, c.get("person"), cetrIdOf(c.req.param("id")), invitationId));
    })
    .get("/:id/pdf", async (c) => {
      const { filename, pdf } = await cetrPdf(deps, c.get("person"), cetrIdOf(c.req.param("id")));
      return c.body(new Uint8Array(pdf), 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      });
    })
    .get("/:id/owners", async (c) => c.json(await cetrOwners(db, c.get("person"), cetrIdOf(c.req.param("id")))))
    .get("/:id/papers", async (c) => {
      const { cetr, standing } = await openCetr(db, c.get("person"), cetrIdOf(c.req.param("id")));
      if (standing === "family") return c.json({ withheld: { reason: "The papers are for the CETR panel." }, items: [] });
      return c.json(await papersFor(db, cetr, standing === "panel"));
    })
    .get("/:id/carried-actions", async (c) => {
      const person = c.get("person");
      const id = cetrIdOf(c.req.param("id"));
      await getCetr(db, person, id);
      const { cetr, standing } = await openCetr(db, person, id);
      return c.json(await describeCetrCarried(db, person, cetr, mayDecideCetrCarriedAction(standing, cetr.status)));
    })
    .post("/:id/carried-actions/:actionId", jsonBody(cetrCarriedDecisionBodySchema), async (c) => {
      const person = c.get("person");
      const { cetr, standing } = await openCetr(db, person, cetrIdOf(c.req.param("id")));
      const actionId = parseOrThrow(uuidSchema, c.req.param("actionId"), "action id");
      const heldAs = cetr.heldOn ? `CETR on ${ukDayOf(new Date(`${cetr.heldOn}T12:00:00Z`))}` : `CETR requested ${ukDayOf(cetr.requestedAt)}`;
      await decideCetrCarried(deps, person, cetr, standing, actionId, c.req.valid("json"), heldAs);
      const after = await openCetr(db, person, cetr.id);
      return c.json(await describeCetrCarried(db, person, after.cetr, mayDecideCetrCarriedAction(after.standing, after.cetr.status)));
    });
}
