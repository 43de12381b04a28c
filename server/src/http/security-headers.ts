/**
 * Security headers on every response, API and client alike: a Content-Security-Policy that lets
 * the built single-page app talk only to its own origin, no framing, no sniffing, no referrer,
 * and HSTS when the request came over HTTPS.
 */
import type { Context, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { cameOverHttps, requestHost } from "./request-origin.js";

/**
 * Tiptap (3.x) adds one <style> element with the editor's base rules (white-space: pre-wrap and
 * friends) when an editor starts. Allowing exactly that text by its hash keeps `style-src` free of
 * 'unsafe-inline'. test/hardening-headers.test.ts recomputes the hash from the installed
 * @tiptap/core and fails when an upgrade changes the rules: update it then, or better, set
 * `injectCSS: false` in the client and ship those rules in its own stylesheet.
 */
export const tiptapBaseStyleHash = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='";

/** The NHS.UK frontend's Frutiger web font is served from NHS England's asset host. */
const nhsFontHost = "https://assets.nhs.uk";

/**
 * `pageStyleHashes` and `pageScriptHashes`: the built page's inline <style> and <script>
 * elements, by hash (its static shell's rules, and the early collab connection; see
 * client-page.ts).
 */
export function securityHeaders({
  trustProxy,
  pageStyleHashes = [],
  pageScriptHashes = [],
}: {
  trustProxy: boolean;
  pageStyleHashes?: string[];
  pageScriptHashes?: string[];
}): MiddlewareHandler {
  // CSP3 browsers treat 'self' as covering ws:/wss: to the same host, but older Safari does not,
  // so the collab websocket (/collab/...) and socket.io are allowed explicitly for this host.
  const sameHostWebSockets = (c: Context) => {
    const host = requestHost(c, trustProxy);
    return cameOverHttps(c, trustProxy) ? `wss://${host}` : `ws://${host} wss://${host}`;
  };
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...pageScriptHashes],
      styleSrc: ["'self'", tiptapBaseStyleHash, ...pageStyleHashes],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", nhsFontHost],
      connectSrc: ["'self'", sameHostWebSockets],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    crossOriginOpenerPolicy: "same-origin",
    // Sent below, and only over HTTPS: browsers ignore it over plain HTTP anyway.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  });
  return async (c, next) => {
    // A route may answer with a policy of its own, stricter than the app's (a map's picture
    // allows nothing at all): it is kept.
    let own: string | null = null;
    await headers(c, async () => {
      await next();
      own = c.res.headers.get("Content-Security-Policy");
    });
    if (own) c.res.headers.set("Content-Security-Policy", own);
    if (cameOverHttps(c, trustProxy)) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}
