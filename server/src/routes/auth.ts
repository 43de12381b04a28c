/** Signing in and out: POST /api/auth/login (with a code when two-step sign-in is on), POST /api/auth/logout. */
import { Hono, type Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { schema } from "@roundtable/db";
import { loginBodySchema, type ApiError } from "@roundtable/domain";
import { eq, sql } from "drizzle-orm";
import { HttpError } from "../errors.js";
import type { AppDeps } from "../http/app-env.js";
import { clientAddress } from "../http/request-origin.js";
import { endBrowserSession, sessionCookieOptions } from "../http/session-cookie.js";
import { SignInLimits } from "../http/sign-in-limits.js";
import { jsonBody } from "../http/validate.js";
import { verifyPassword } from "../services/passwords.js";
import { checkSignInCode } from "../services/two-step.js";
import { createSession, personForSession, sessionCookieName } from "../services/sessions.js";
import { toMe } from "./me.js";

export function authRoutes({ db, config, log, onSignedOut }: AppDeps) {
  const limits = new SignInLimits(config.signIn);

  // The same answer whichever limit was reached, so it says nothing about whether an account exists.
  const tooManyAttempts = (c: Context, waitMs: number, limit: "email" | "ip") => {
    log.warn({ limit }, "sign-in attempts paused");
    const minutes = Math.ceil(waitMs / 60_000);
    const body: ApiError = {
      error: `There have been too many attempts to sign in. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then try again.`,
    };
    return c.json(body, 429, { "Retry-After": String(Math.ceil(waitMs / 1000)) });
  };

  return new Hono()
    .post("/login", async (c) => {
      const ipWait = await limits.attemptFromIp(clientAddress(c, config.trustProxy));
      if (ipWait !== null) return tooManyAttempts(c, ipWait, "ip");
      const { email, password, code } = await jsonBody(c, loginBodySchema);
      const emailWait = await limits.attemptForEmail(email);
      if (emailWait !== null) return tooManyAttempts(c, emailWait, "email");
      const [account] = await db
        .select({ id: schema.people.id, passwordHash: schema.people.passwordHash })
        .from(schema.people)
        .where(eq(sql`lower(${schema.people.email})`, email))
        .limit(1);
      const ok = await verifyPassword(password, account?.passwordHash ?? null);
      if (!account || !ok) throw new HttpError(401, "Email or password is not right. Check them and try again.");
      // Two-step sign-in: the password was right; a missing or wrong code still counts as a failure.
      const second = await checkSignInCode(db, account.id, code);
      if (second === "missing") {
        throw new HttpError(401, "Enter the 6-digit code from your authenticator app to finish signing in.", { code: "Enter the 6-digit code from your authenticator app" });
      }
      if (second === "wrong") {
        throw new HttpError(401, "That code is not right. Check the code in your authenticator app and try again.", { code: "Enter the 6-digit code your app shows now" });
      }
      await limits.succeeded(email);
      // Someone else signed in on this browser before? Their session ends here, sockets and all.
      await endBrowserSession(c, db, onSignedOut);
      const { token, expiresAt } = await createSession(db, account.id, config.sessionDays);
      setCookie(c, sessionCookieName, token, { ...sessionCookieOptions(c, config), expires: expiresAt });
      const person = await personForSession(db, token);
      return c.json(toMe(person!));
    })
    .post("/logout", async (c) => {
      await endBrowserSession(c, db, onSignedOut);
      deleteCookie(c, sessionCookieName, sessionCookieOptions(c, config));
      return c.body(null, 204);
    });
}
