/**
 * "Forgot your password?", signed out (docs/adr/0019), under /api/auth/password-reset:
 *   POST /            — ask for a link by email; always the same answer, whatever the address.
 *   GET  /:token      — whether the link still works (404 not valid, 410 used or expired).
 *   POST /:token      — set a new password with it, once.
 */
import { Hono } from "hono";
import { z } from "zod";
import { passwordResetBodySchema, passwordResetRequestBodySchema, passwordResetRequestedMessage, type PasswordResetLink } from "@roundtable/domain";
import type { AppDeps } from "../http/app-env.js";
import { clientAddress } from "../http/request-origin.js";
import { jsonBody } from "../http/validate.js";
import { PasswordResetLimits } from "../auth/password-reset-limits.js";
import type { SignInCheck } from "../auth/sign-in-check.js";
import { createMailer } from "../notifications/mailer.js";
import { checkPasswordReset, completePasswordReset, createPasswordReset, passwordResetEmail, resetLinkNotValid } from "./password-reset.js";

/** A link's token: what `randomBytes(32).toString("base64url")` makes. Anything else is no link. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
function tokenFrom(raw: string): string {
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success) throw resetLinkNotValid();
  return parsed.data;
}

export function passwordResetRoutes({ db, config, log, onSignedOut, limiter }: AppDeps, signIn: SignInCheck) {
  const mailer = createMailer(config.mail.smtpUrl, config.mail.from, log);
  const limits = new PasswordResetLimits(config.passwordReset, limiter);
  const lifetimeSeconds = config.passwordReset.linkSeconds;

  /** Looks the address up, stores the link and emails it; off the request, so answers take the same time. */
  async function sendLink(email: string): Promise<void> {
    const reset = await createPasswordReset(db, email, lifetimeSeconds);
    if (!reset) return;
    if (!mailer) {
      log.warn("a password reset link was asked for, but no SMTP server is configured to send it");
      return;
    }
    const link = `${config.publicUrl}/password-reset/${reset.token}`;
    await mailer.send(passwordResetEmail(reset.account.email, link, reset.expiresAt, Math.round(lifetimeSeconds / 60)));
  }

  return new Hono()
    .post("/", jsonBody(passwordResetRequestBodySchema), async (c) => {
      const { email } = c.req.valid("json");
      await limits.count(clientAddress(c, config.trustProxy), email);
      sendLink(email).catch((err: unknown) => log.error({ err }, "could not make a password reset link"));
      return c.json({ message: passwordResetRequestedMessage }, 202);
    })
    .get("/:token", async (c) => c.json((await checkPasswordReset(db, tokenFrom(c.req.param("token")))) satisfies PasswordResetLink))
    .post("/:token", jsonBody(passwordResetBodySchema), async (c) => {
      const { password } = c.req.valid("json");
      const from = clientAddress(c, config.trustProxy);
      // A link tried is an attempt to prove who someone is, counted as sign-ins are (ADR 0007).
      await signIn.countAttemptFrom(from);
      const token = tokenFrom(c.req.param("token"));
      const { email, endedSessions } = await completePasswordReset(db, token, password);
      await signIn.attemptWentThrough(from);
      await signIn.passwordWasReset(email);
      for (const sessionId of endedSessions) await onSignedOut(sessionId);
      return c.body(null, 204);
    });
}
