/**
 * Inviting people onto a case's team.
 * Under /api/cases (signed in, the case's keyworkers and the service lead):
 *   POST :caseId/invitations, GET :caseId/invitations, POST :caseId/invitations/:invitationId/withdraw.
 * Under /api/invitations (public: the link is the credential):
 *   GET :token — what the invitation is; POST :token/accept — join, signed in as yourself.
 */
import { Hono } from "hono";
import { z } from "zod";
import { setCookie } from "hono/cookie";
import {
  acceptAsExistingAccountBodySchema,
  acceptAsNewAccountBodySchema,
  createInvitationBodySchema,
  uuidSchema,
  type AcceptInvitationBody,
  type CreatedInvitation,
  type InvitationAccepted,
} from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { clientAddress } from "../http/request-origin.js";
import { endBrowserSession, sessionCookieOptions } from "../http/session-cookie.js";
import type { SignInCheck } from "../auth/sign-in-check.js";
import { jsonBody, jsonBodyCheckedLater, parseOrThrow } from "../http/validate.js";
import { createMailer } from "../notifications/mailer.js";
import { invitationEmail } from "./invitation-email.js";
import { acceptInvitation, describeInvitation } from "./invitation-acceptance.js";
import { createInvitation, invitationNotValid, listInvitations, withdrawInvitation } from "./invitations.js";
import { createSession, personForSession, sessionCookieName } from "../auth/sessions.js";
import { tellOfLinkChange } from "../team/young-person-link.js";
import { toMe } from "../account/me-routes.js";
import type { Notifier } from "../notifications/notifier.js";

export function caseInvitationRoutes({ db, config, log }: AppDeps) {
  // Email only when an SMTP server is configured; the mailer logs a failed send and carries on.
  const mailer = createMailer(config.mail.smtpUrl, config.mail.from, log);
  const id = (raw: string | undefined, what: string) => parseOrThrow(uuidSchema, raw, what);
  return new Hono<AppEnv>()
    .post("/:caseId/invitations", jsonBody(createInvitationBodySchema), async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      const person = c.get("person");
      const body = c.req.valid("json");
      const created = await createInvitation(db, person, caseId, body);
      // The link goes back to the keyworker as well as by email: without email configured, or
      // when it does not arrive, they can pass it on themselves. This is the only time it is
      // known; the database keeps just its hash.
      const link = `${config.publicUrl}/invitations/${created.token}`;
      if (mailer) {
        await mailer.send(
          invitationEmail({ to: body.email, name: body.name ?? null, inviter: person, role: body.role, agency: created.invitation.agency?.name ?? null, link, expiresAt: created.invitation.expiresAt, accountExists: created.accountExists }),
        );
      }
      return c.json({ ...created.invitation, link, emailed: mailer !== null } satisfies CreatedInvitation, 201);
    })
    .get("/:caseId/invitations", async (c) => c.json(await listInvitations(db, c.get("person"), id(c.req.param("caseId"), "case id"))))
    .post("/:caseId/invitations/:invitationId/withdraw", async (c) => {
      const caseId = id(c.req.param("caseId"), "case id");
      return c.json(await withdrawInvitation(db, c.get("person"), caseId, id(c.req.param("invitationId"), "invitation id")));
    });
}

/** A link's token: what `randomBytes(32).toString("base64url")` makes. Anything else is no invitation. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
function tokenFrom(raw: string): string {
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success) throw invitationNotValid();
  return parsed.data;
}

export function invitationRoutes(deps: AppDeps & { notifier: Notifier }, signIn: SignInCheck) {
  const { db, config, log, notifier, onSignedOut } = deps;
  return new Hono()
    .get("/:token", async (c) => c.json(await describeInvitation(db, tokenFrom(c.req.param("token")))))
    .post("/:token/accept", jsonBodyCheckedLater<AcceptInvitationBody>(), async (c) => {
      const accepted = await acceptInvitation(deps, tokenFrom(c.req.param("token")), c.req.valid("json"), {
        parseNew: (value) => parseOrThrow(acceptAsNewAccountBodySchema, value, "request body"),
        // Accepting as an existing account signs in as it: the same check as /api/auth/login,
        // with the same counters, two-step code included (issue #10).
        async signInAs(email, value) {
          const { password, code } = parseOrThrow(acceptAsExistingAccountBodySchema, value, "request body");
          await signIn.verify(clientAddress(c, config.trustProxy), { email, password, code }, "invitation");
        },
      });
      if (accepted.linked) {
        await tellOfLinkChange(db, notifier, accepted.linked).catch((err: unknown) => log.error({ err, caseId: accepted.caseId }, "could not tell people of a young person's link"));
      }
      // Whoever was signed in on this browser before is signed out: it is the invited person now.
      await endBrowserSession(c, db, onSignedOut);
      const { token, expiresAt } = await createSession(db, accepted.personId, config.sessionDays);
      setCookie(c, sessionCookieName, token, { ...sessionCookieOptions(c, config), expires: expiresAt });
      const person = await personForSession(db, token);
      return c.json({ caseId: accepted.caseId, cetrId: accepted.cetrId, me: toMe(person!) } satisfies InvitationAccepted);
    });
}
