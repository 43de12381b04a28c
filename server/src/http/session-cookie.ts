/**
 * The session cookie's attributes, in one place so that signing out clears exactly the cookie
 * signing in set: httpOnly (no script can read it), SameSite=Lax (not sent on cross-site posts),
 * and Secure whenever the app is reached over HTTPS.
 */
import type { Context } from "hono";
import type { CookieOptions } from "hono/utils/cookie";
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
