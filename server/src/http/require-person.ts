/** Middleware: the request must carry a live session; the person is put on the context. */
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Db } from "@roundtable/db";
import { notSignedIn } from "../errors.js";
import { personForSession, sessionCookieName } from "../auth/sessions.js";
import type { AppEnv } from "./app-env.js";

export function requirePerson(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const person = await personForSession(db, getCookie(c, sessionCookieName));
    if (!person) throw notSignedIn();
    c.set("person", person);
    await next();
  };
}
