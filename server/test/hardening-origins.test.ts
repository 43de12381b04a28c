/**
 * Cross-site websocket hijacking: a page on another origin that the browser sends the session
 * cookie from (a sibling subdomain shares the Lax cookie) must not open /collab or socket.io.
 * Browsers always send Origin on a websocket handshake; here `ws` and socket.io-client send the
 * Origin (and Sec-Fetch-Site) a browser would, with a valid session cookie.
 */
import { io } from "socket.io-client";
import { beforeAll, describe, expect, it } from "vitest";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { upgradeStatus } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";

const publicUrl = "https://roundtable.example.org";

// Trusting a proxy, so X-Forwarded-Host/Proto say what the browser's address bar held.
const server = useTestServer({ configure: (config) => Object.assign(config, { trustProxy: true, publicUrl }) });
let priya: SignedIn;
let documentId: string;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  documentId = (await carePlanOf(priya, "Jamie Walker")).documentId;
});

/** The HTTP status of a refused /collab upgrade, or "open". */
const collabUpgrade = ({ cookie, ...headers }: Record<string, string>) => upgradeStatus(server.url, documentId, cookie, headers);

/** Whether socket.io lets this handshake in, over the given transport. */
function socketIoConnects(headers: Record<string, string>, transport: "polling" | "websocket"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = io(server.url, { extraHeaders: headers, transports: [transport], reconnection: false });
    socket.on("connect", () => {
      resolve(true);
      socket.close();
    });
    socket.on("connect_error", () => {
      resolve(false);
      socket.close();
    });
  });
}

/** The status of a bare socket.io polling handshake (what a page's fetch would get). */
async function pollingHandshake(headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers });
  await res.arrayBuffer();
  return res.status;
}

const ownOrigin = () => server.url;
const siblingOrigin = () => `http://evil.${new URL(server.url).host}`;

describe("websockets opened from another website", () => {
  it("refuses a /collab upgrade from a foreign origin, even with a valid session", async () => {
    expect(await collabUpgrade({ cookie: priya.cookie, origin: "https://evil.example" })).toBe(403);
    expect(await collabUpgrade({ cookie: priya.cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe(403);
    expect(await collabUpgrade({ cookie: priya.cookie, origin: "null" })).toBe(403);
  });

  it("refuses a /collab upgrade from a sibling subdomain, and another port of this host", async () => {
    expect(await collabUpgrade({ cookie: priya.cookie, origin: siblingOrigin() })).toBe(403);
    expect(await collabUpgrade({ cookie: priya.cookie, origin: siblingOrigin(), "sec-fetch-site": "same-site" })).toBe(403);
    const { port } = new URL(server.url);
    expect(await collabUpgrade({ cookie: priya.cookie, origin: `http://localhost:${Number(port) + 1}` })).toBe(403);
  });

  it("refuses before looking at the session: no cookie is still 403, not 401", async () => {
    expect(await collabUpgrade({ origin: "https://evil.example" })).toBe(403);
    expect(await pollingHandshake({ origin: "https://evil.example" })).toBe(403);
  });

  it("opens /collab from the app's own origin, its public address and a trusted proxy's host", async () => {
    expect(await collabUpgrade({ cookie: priya.cookie, origin: ownOrigin(), "sec-fetch-site": "same-origin" })).toBe("open");
    expect(await collabUpgrade({ cookie: priya.cookie, origin: publicUrl })).toBe("open");
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "care.example.net" };
    expect(await collabUpgrade({ cookie: priya.cookie, ...forwarded, origin: "https://care.example.net" })).toBe("open");
    expect(await collabUpgrade({ cookie: priya.cookie, ...forwarded, origin: "http://care.example.net" })).toBe(403);
  });

  it("opens /collab for programs that are not browsers (no Origin), as stock y-websocket clients in Node are", async () => {
    expect(await collabUpgrade({ cookie: priya.cookie })).toBe("open");
  });

  it("refuses a socket.io handshake from a foreign origin or a sibling subdomain, over either transport", async () => {
    for (const transport of ["polling", "websocket"] as const) {
      expect([transport, await socketIoConnects({ cookie: priya.cookie, origin: "https://evil.example" }, transport)]).toEqual([transport, false]);
      expect([transport, await socketIoConnects({ cookie: priya.cookie, origin: siblingOrigin() }, transport)]).toEqual([transport, false]);
    }
    expect(await pollingHandshake({ cookie: priya.cookie, origin: siblingOrigin(), "sec-fetch-site": "same-site" })).toBe(403);
  });

  it("lets socket.io in from the app's own origin, its public address, and programs that send no Origin", async () => {
    for (const transport of ["polling", "websocket"] as const) {
      expect([transport, await socketIoConnects({ cookie: priya.cookie, origin: ownOrigin() }, transport)]).toEqual([transport, true]);
      expect([transport, await socketIoConnects({ cookie: priya.cookie, origin: publicUrl }, transport)]).toEqual([transport, true]);
      expect([transport, await socketIoConnects({ cookie: priya.cookie }, transport)]).toEqual([transport, true]);
    }
  });
});
