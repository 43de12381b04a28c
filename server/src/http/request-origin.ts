/**
 * How the browser reached us: the scheme and host it used, and the IP address it came from.
 * The one place that decides whether to believe a reverse proxy's X-Forwarded-* headers: only
 * when config.trustProxy is set, because without a proxy anyone can send them. It reads Hono's
 * requests and, for websocket upgrades that never reach Hono, Node's own (see nodeRequest).
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

// A host name or a bracketed IPv6 literal, with an optional port: nothing that could smuggle
// extra directives into a header we build from it.
const hostPattern = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** What these functions read of a request: a header, and the URL it was sent to. */
export interface RequestFacts {
  header(name: string): string | undefined;
  /** Absolute, built from the connection's scheme and the Host header (only its origin is read). */
  url: string;
}
type RequestLike = Context | RequestFacts;
const factsOf = (r: RequestLike): RequestFacts => ("req" in r ? r.req : r);

/**
 * A Node request (a websocket upgrade, which Hono never sees) as RequestFacts. A Host header
 * that is not a plain host name stands for no origin anyone could send (.invalid never resolves),
 * so only PUBLIC_URL can then match.
 */
export function nodeRequest(req: IncomingMessage): RequestFacts {
  const header = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const host = header("host") ?? "";
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? "https" : "http";
  return { header, url: `${scheme}://${hostPattern.test(host) ? host : "unknown-host.invalid"}/` };
}

// Proxies append to these lists; the first entry is what the browser's side of the proxy saw.
const firstForwarded = (r: RequestLike, name: string) => factsOf(r).header(name)?.split(",")[0]?.trim();

export function requestProtocol(c: RequestLike, trustProxy: boolean): "http" | "https" {
  if (trustProxy) {
    const forwarded = firstForwarded(c, "x-forwarded-proto")?.toLowerCase();
    if (forwarded === "https" || forwarded === "http") return forwarded;
  }
  return new URL(factsOf(c).url).protocol === "https:" ? "https" : "http";
}

export const cameOverHttps = (c: RequestLike, trustProxy: boolean) => requestProtocol(c, trustProxy) === "https";

/** The host (and port, when not the default) in the address bar, e.g. `roundtable.example.org`. */
export function requestHost(c: RequestLike, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = firstForwarded(c, "x-forwarded-host");
    if (forwarded && hostPattern.test(forwarded)) return forwarded.toLowerCase();
  }
  // @hono/node-server builds the URL from the Host header and has already checked it (and
  // nodeRequest does the same).
  return new URL(factsOf(c).url).host;
}

/** The request's own origin as a browser would write it in an Origin header. */
export function requestOrigin(c: RequestLike, trustProxy: boolean): string {
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
