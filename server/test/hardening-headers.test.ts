import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tiptapBaseStyleHash } from "../src/http/security-headers.js";
import { signIn } from "./support/api-client.js";
import { useTestServers } from "./support/test-server.js";

let clientDist: string;
/** Stand-ins for the built page's inline style (its shell) and script (the early collab connection). */
const shellStyle = "body { margin: 0; }";
const earlyScript = "window.early = 1;";
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

beforeAll(async () => {
  // A stand-in for the built client, so the static files go through the real serveStatic.
  clientDist = mkdtempSync(path.join(tmpdir(), "roundtable-dist-"));
  mkdirSync(path.join(clientDist, "assets"));
  writeFileSync(
    path.join(clientDist, "index.html"),
    `<!doctype html><style>${shellStyle}</style><script>${earlyScript}</script><div id="root"></div><script type="module" src="/assets/app.js"></script>`,
  );
  writeFileSync(path.join(clientDist, "assets", "app.js"), "console.log('hello');");
});
afterAll(async () => {
  rmSync(clientDist, { recursive: true, force: true });
});
const [server, proxied] = useTestServers(
  { configure: (config) => Object.assign(config, { clientDist }) },
  { configure: (config) => Object.assign(config, { trustProxy: true }) },
);

function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get("content-security-policy");
  expect(header, "Content-Security-Policy header").toBeTruthy();
  const directives = new Map<string, string[]>();
  for (const part of header!.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

/** A GET with a Host header of our choosing (fetch does not let a caller set Host). */
function getWithHost(url: string, host: string): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.headers));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("security headers", () => {
  it("sends a strict Content-Security-Policy with the client's index page", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    const policy = csp(res);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // The page's own inline script and style, exactly those texts, by hash; nothing else inline.
    expect(policy.get("script-src")).toEqual(["'self'", sha256(earlyScript)]);
    expect(policy.get("style-src")).toEqual(["'self'", tiptapBaseStyleHash, sha256(shellStyle)]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("font-src")).toEqual(["'self'", "https://assets.nhs.uk"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    // Nothing anywhere may run inline script or styles, or load from anywhere.
    for (const values of policy.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain("*");
    }
  });

  it("lets the page open websockets to its own host only", async () => {
    const port = new URL(server.url).port;
    const res = await fetch(`${server.url}/cases/some-case`);
    expect(res.status).toBe(200); // a screen of the single-page app
    expect(csp(res).get("connect-src")).toEqual(["'self'", `ws://localhost:${port}`, `wss://localhost:${port}`]);

    const viaOtherName = await getWithHost(`${server.url}/`, `roundtable.test:${port}`);
    expect(viaOtherName["content-security-policy"]).toContain(`connect-src 'self' ws://roundtable.test:${port} wss://roundtable.test:${port};`);
  });

  it("sends the same protective headers on every kind of response", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const responses = {
      page: await fetch(`${server.url}/`),
      asset: await fetch(`${server.url}/assets/app.js`),
      api: await fetch(`${server.url}/api/me`, { headers: { cookie: priya.cookie } }),
      notSignedIn: await fetch(`${server.url}/api/cases`),
      unknownApi: await fetch(`${server.url}/api/no-such-thing`, { headers: { cookie: priya.cookie } }),
      refused: await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { "sec-fetch-site": "cross-site" } }),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([what, res]) => [what, res.status]))).toEqual({
      page: 200,
      asset: 200,
      api: 200,
      notSignedIn: 401,
      unknownApi: 404,
      refused: 403,
    });
    for (const [what, res] of Object.entries(responses)) {
      const h = (name: string) => [what, res.headers.get(name)];
      expect(h("content-security-policy")[1], what).toContain("default-src 'self'");
      expect(h("x-content-type-options")).toEqual([what, "nosniff"]);
      expect(h("referrer-policy")).toEqual([what, "no-referrer"]);
      expect(h("x-frame-options")).toEqual([what, "DENY"]);
      expect(h("cross-origin-opener-policy")).toEqual([what, "same-origin"]);
      expect(h("permissions-policy")).toEqual([what, "camera=(), microphone=(), geolocation=(), payment=(), usb=()"]);
      // Plain HTTP: HSTS would be ignored, and must not be sent.
      expect(h("strict-transport-security")).toEqual([what, null]);
    }
  });

  it("tells browsers and proxies not to keep API answers, which hold personal data", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie: priya.cookie } });
    expect(me.headers.get("cache-control")).toBe("no-store");
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("asks for HTTPS from then on only when the request came over HTTPS through a trusted proxy", async () => {
    const overHttps = await fetch(`${proxied.url}/api/health`, { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(overHttps.headers.get("content-security-policy")).toMatch(/connect-src 'self' wss:\/\/localhost:\d+;/);

    const overHttp = await fetch(`${proxied.url}/api/health`, { headers: { "x-forwarded-proto": "http" } });
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();

    // Without TRUST_PROXY, anyone could send the header: it is ignored.
    const untrusted = await fetch(`${server.url}/api/health`, { headers: { "x-forwarded-proto": "https" } });
    expect(untrusted.headers.get("strict-transport-security")).toBeNull();
  });

  it("builds connect-src from a trusted proxy's X-Forwarded-Host, and ignores one that could inject directives", async () => {
    const res = await fetch(`${proxied.url}/api/health`, { headers: { "x-forwarded-proto": "https", "x-forwarded-host": "roundtable.example.org" } });
    expect(csp(res).get("connect-src")).toEqual(["'self'", "wss://roundtable.example.org"]);

    const port = new URL(proxied.url).port;
    const sneaky = await fetch(`${proxied.url}/api/health`, { headers: { "x-forwarded-host": "evil.example; script-src *" } });
    expect(csp(sneaky).get("connect-src")).toEqual(["'self'", `ws://localhost:${port}`, `wss://localhost:${port}`]);
    expect(csp(sneaky).get("script-src")).toEqual(["'self'"]);
  });

  it("allows exactly the base styles the installed Tiptap editor injects, and no other inline style", () => {
    // If this fails after upgrading Tiptap, update tiptapBaseStyleHash in security-headers.ts
    // (or move the rules into the client's stylesheet with injectCSS: false).
    const fromClient = createRequire(path.resolve(import.meta.dirname, "../../client/package.json"));
    const tiptapCore = readFileSync(fromClient.resolve("@tiptap/core"), "utf8");
    const injected = /const style = `([^`]*)`;/.exec(tiptapCore)?.[1];
    expect(injected, "Tiptap's injected base style").toContain(".ProseMirror");
    const hash = createHash("sha256").update(injected!, "utf8").digest("base64");
    expect(tiptapBaseStyleHash).toBe(`'sha256-${hash}'`);
  });
});
