/**
 * How the browser reached us: the scheme and host it used, and the IP address it came from.
 * The one place that decides whether to believe a reverse proxy's X-Forwarded-* headers: only
 * when config.trustProxy is set, because without a proxy anyone can send them.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

// A host name or a bracketed IPv6 literal, with an optional port: nothing that could smuggle
// extra directives into a header we build from it.
const hostPattern = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

// Proxies append to these lists; the first entry is what the browser's side of the proxy saw.
const firstForwarded = (c: Context, name: string) => c.req.header(name)?.split(",")[0]?.trim();

export function requestProtocol(c: Context, trustProxy: boolean): "http" | "https" {
  if (trustProxy) {
    const forwarded = firstForwarded(c, "x-forwarded-proto")?.toLowerCase();
    if (forwarded === "https" || forwarded === "http") return forwarded;
  }
  return new URL(c.req.url).protocol === "https:" ? "https" : "http";
}

export const cameOverHttps = (c: Context, trustProxy: boolean) => requestProtocol(c, trustProxy) === "https";

/** The host (and port, when not the default) in the address bar, e.g. `roundtable.example.org`. */
export function requestHost(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = firstForwarded(c, "x-forwarded-host");
    if (forwarded && hostPattern.test(forwarded)) return forwarded.toLowerCase();
  }
  // @hono/node-server builds the URL from the Host header and has already checked it.
  return new URL(c.req.url).host;
}

/** The request's own origin as a browser would write it in an Origin header. */
export function requestOrigin(c: Context, trustProxy: boolean): string {
  return new URL(`${requestProtocol(c, trustProxy)}://${requestHost(c, trustProxy)}`).origin;
}

/** The IP address a request came from: the socket's peer, or the proxy's last X-Forwarded-For hop. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // Only the last entry was written by our proxy; earlier ones are whatever the client sent.
    const hops = c.req.header("x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean);
    const last = hops?.at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // not running under @hono/node-server (e.g. app.request in a unit test)
  }
}
