/** Signing in and out: POST /api/auth/login (with a code when two-step sign-in is on), POST /api/auth/logout. */
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { loginBodySchema } from "@roundtable/domain";
import type { AppDeps } from "../http/app-env.js";
import { clientAddress } from "../http/request-origin.js";
import { endBrowserSession, sessionCookieOptions } from "../http/session-cookie.js";
import type { SignInCheck } from "../auth/sign-in-check.js";
import { jsonBody } from "../http/validate.js";
import { createSession, personForSession, sessionCookieName } from "../auth/sessions.js";
import { toMe } from "./me-routes.js";

export function authRoutes({ db, config, onSignedOut }: AppDeps, signIn: SignInCheck) {
  return new Hono()
    .post("/login", jsonBody(loginBodySchema), async (c) => {
      const credentials = c.req.valid("json");
      const personId = await signIn.verify(clientAddress(c, config.trustProxy), credentials, "sign-in");
      // Someone else signed in on this browser before? Their session ends here, sockets and all.
      await endBrowserSession(c, db, onSignedOut);
      const { token, expiresAt } = await createSession(db, personId, config.sessionDays);
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
