/**
 * CSRF protection: a state-changing API request (POST, PUT, PATCH, DELETE) that a browser says
 * came from another site is refused with 403. Browsers say so in Sec-Fetch-Site and Origin,
 * which pages cannot forge. Requests with neither header (curl, the tests' Node fetch, other
 * servers) carry no ambient browser credentials to abuse and are let through; the session cookie
 * is SameSite=Lax as well, so a cross-site form post would not carry it anyway.
 */
import type { MiddlewareHandler } from "hono";
import { HttpError } from "../errors.js";
import { requestOrigin } from "./request-origin.js";

export const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function refuseCrossSite({ trustProxy, publicUrl }: { trustProxy: boolean; publicUrl: string }): MiddlewareHandler {
  // Behind a proxy that rewrites Host, the request's own origin is not what the browser saw;
  // PUBLIC_URL (the address people use) is accepted as well, so that case needs no TRUST_PROXY.
  const publicOrigin = new URL(publicUrl).origin;
  return async (c, next) => {
    if (stateChangingMethods.has(c.req.method)) {
      // "same-site" is a different origin on the same registrable domain (another subdomain):
      // still not us. "same-origin" and "none" (typed into the address bar) are fine.
      const site = c.req.header("sec-fetch-site")?.toLowerCase();
      const origin = c.req.header("origin");
      const crossSite = site === "cross-site" || site === "same-site";
      if (crossSite || (origin !== undefined && !sameOrigin(origin, [requestOrigin(c, trustProxy), publicOrigin]))) {
        throw new HttpError(403, "This request came from another website, so Roundtable did not act on it. If you were using Roundtable, reload the page and try again.");
      }
    }
    await next();
  };
}

function sameOrigin(header: string, allowed: string[]): boolean {
  // "null" (sandboxed frames, some redirects) does not parse as a URL and is refused.
  if (!URL.canParse(header)) return false;
  return allowed.includes(new URL(header).origin);
}
