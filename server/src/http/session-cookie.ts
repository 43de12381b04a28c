/**
 * The session cookie's attributes, in one place so that signing out clears exactly the cookie
 * signing in set: httpOnly (no script can read it), SameSite=Lax (not sent on cross-site posts),
 * and Secure whenever the app is reached over HTTPS.
 */
import type { Db } from "@roundtable/db";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";
import { deleteSession, sessionCookieName, sessionIdOf } from "../auth/sessions.js";
import type { Config } from "../config.js";
import { cameOverHttps } from "./request-origin.js";

export function sessionCookieOptions(c: Context, config: Pick<Config, "trustProxy" | "publicUrl">): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    // PUBLIC_URL counts too: behind a TLS proxy without TRUST_PROXY the request itself looks like HTTP.
    secure: cameOverHttps(c, config.trustProxy) || config.publicUrl.startsWith("https://"),
  };
}

/**
 * End the session this browser holds, if any (signing out, or signing in as someone else): it is
 * deleted, and the websockets opened with it are closed, so nothing stays open as the person
 * who was signed in before.
 */
export async function endBrowserSession(c: Context, db: Db, onSignedOut: (sessionId: string) => Promise<void>): Promise<void> {
  const token = getCookie(c, sessionCookieName);
  if (!token) return;
  await deleteSession(db, token);
  await onSignedOut(sessionIdOf(token));
}
