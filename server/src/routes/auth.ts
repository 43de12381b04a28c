/** Signing in and out: POST /api/auth/login, POST /api/auth/logout. */
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { schema } from "@roundtable/db";
import { loginBodySchema } from "@roundtable/domain";
import { eq, sql } from "drizzle-orm";
import { HttpError } from "../errors.js";
import type { AppDeps } from "../http/app-env.js";
import { jsonBody } from "../http/validate.js";
import { verifyPassword } from "../services/passwords.js";
import { createSession, deleteSession, personForSession, sessionCookieName } from "../services/sessions.js";
import { toMe } from "./me.js";

export function authRoutes({ db, config }: AppDeps) {
  return new Hono()
    .post("/login", async (c) => {
      const { email, password } = await jsonBody(c, loginBodySchema);
      const [account] = await db
        .select({ id: schema.people.id, passwordHash: schema.people.passwordHash })
        .from(schema.people)
        .where(eq(sql`lower(${schema.people.email})`, email))
        .limit(1);
      const ok = await verifyPassword(password, account?.passwordHash ?? null);
      if (!account || !ok) throw new HttpError(401, "Email or password is not right. Check them and try again.");
      const { token, expiresAt } = await createSession(db, account.id, config.sessionDays);
      setCookie(c, sessionCookieName, token, {
        httpOnly: true,
        sameSite: "Lax",
        path: "/",
        secure: new URL(c.req.url).protocol === "https:",
        expires: expiresAt,
      });
      const person = await personForSession(db, token);
      return c.json(toMe(person!));
    })
    .post("/logout", async (c) => {
      const token = getCookie(c, sessionCookieName);
      if (token) await deleteSession(db, token);
      deleteCookie(c, sessionCookieName, { path: "/" });
      return c.body(null, 204);
    });
}
