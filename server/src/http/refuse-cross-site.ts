/**
 * Requests from other websites: the one rule for what counts as one, used by the API (CSRF
 * protection for changes), the collab websocket and socket.io (cross-site websocket hijacking).
 * Browsers say where a request came from in Sec-Fetch-Site and Origin, which pages cannot forge.
 * Requests with neither header (curl, the tests' Node fetch, stock `ws`, y-websocket and
 * socket.io-client in Node — none of them sends Origin unless told to) carry no ambient browser
 * credentials to abuse and are let through. A browser always sends Origin on a websocket
 * handshake and on any cross-origin fetch, so no page can borrow the cookie without it.
 */
import type { MiddlewareHandler } from "hono";
import { HttpError } from "../errors.js";
import { requestOrigin, type RequestFacts } from "./request-origin.js";

export const stateChangingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface SiteConfig {
  trustProxy: boolean;
  publicUrl: string;
}

export const fromAnotherSiteMessage =
  "This request came from another website, so Roundtable did not act on it. If you were using Roundtable, reload the page and try again.";

/**
 * Whether a browser says this request came from a page that is not Roundtable's own: another
 * site, a sibling subdomain, or another scheme or port of this host.
 */
export function cameFromAnotherSite(req: RequestFacts, { trustProxy, publicUrl }: SiteConfig): boolean {
  // "same-site" is a different origin on the same registrable domain (another subdomain):
  // still not us. "same-origin" and "none" (typed into the address bar) are fine.
  const site = req.header("sec-fetch-site")?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return true;
  const origin = req.header("origin");
  if (origin === undefined) return false;
  // Behind a proxy that rewrites Host, the request's own origin is not what the browser saw;
  // PUBLIC_URL (the address people use) is accepted as well, so that case needs no TRUST_PROXY.
  return !sameOrigin(origin, [requestOrigin(req, trustProxy), new URL(publicUrl).origin]);
}

/** CSRF protection: a change (POST, PUT, PATCH, DELETE) from another website is refused with 403. */
export function refuseCrossSite(config: SiteConfig): MiddlewareHandler {
  return async (c, next) => {
    if (stateChangingMethods.has(c.req.method) && cameFromAnotherSite(c.req, config)) throw new HttpError(403, fromAnotherSiteMessage);
    await next();
  };
}

function sameOrigin(header: string, allowed: string[]): boolean {
  // "null" (sandboxed frames, some redirects) does not parse as a URL and is refused.
  if (!URL.canParse(header)) return false;
  return allowed.includes(new URL(header).origin);
}
