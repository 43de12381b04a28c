import { describe, expect, it } from "vitest";
import { demoEmail, demoPassword, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServers } from "./support/test-server.js";

type Body = NonNullable<RequestInit["body"]>;

const [server, proxied] = useTestServers(
  {},
  // Behind a TLS proxy that keeps Host, or reached at the PUBLIC_URL.
  { configure: (config) => Object.assign(config, { trustProxy: true, publicUrl: "https://roundtable.example.org" }) },
);

const login = (base: string, headers: Record<string, string>, body: Body = JSON.stringify({ email: demoEmail("priya.shah"), password: demoPassword })) =>
  fetch(`${base}/api/auth/login`, { method: "POST", headers, body });

/** Sign out with the given headers; then whether the session still works. */
async function signOutWith(who: SignedIn, headers: Record<string, string>): Promise<{ status: number; error?: string; stillSignedIn: boolean }> {
  const res = await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { cookie: who.cookie, ...headers } });
  const text = await res.text();
  const stillSignedIn = (await who.get("/api/me")).status === 200;
  return { status: res.status, error: text ? (JSON.parse(text) as { error: string }).error : undefined, stillSignedIn };
}

describe("cross-site requests", () => {
  it("refuses a change a browser says came from another site, and does nothing", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const refused = await signOutWith(priya, { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    expect(refused).toEqual({ status: 403, error: expect.stringMatching(/another website/), stillSignedIn: true });
  });

  it("refuses a change from a sibling site on the same domain", async () => {
    const priya = await signIn(server.url, "priya.shah");
    expect(await signOutWith(priya, { "sec-fetch-site": "same-site" })).toMatchObject({ status: 403, stillSignedIn: true });
  });

  it("refuses a change whose Origin is not this server, even without Sec-Fetch-Site", async () => {
    const priya = await signIn(server.url, "priya.shah");
    expect(await signOutWith(priya, { origin: "https://evil.example" })).toMatchObject({ status: 403, stillSignedIn: true });
    expect(await signOutWith(priya, { origin: "null" })).toMatchObject({ status: 403, stillSignedIn: true });
    // Same host, other scheme or port: another origin.
    const { port } = new URL(server.url);
    expect(await signOutWith(priya, { origin: `https://localhost:${port}` })).toMatchObject({ status: 403, stillSignedIn: true });
    expect(await signOutWith(priya, { origin: `http://localhost:${Number(port) + 1}` })).toMatchObject({ status: 403, stillSignedIn: true });
  });

  it("accepts a change from the app's own pages", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const fromApp = await signOutWith(priya, { "sec-fetch-site": "same-origin", origin: server.url });
    expect(fromApp).toEqual({ status: 204, error: undefined, stillSignedIn: false });
  });

  it("accepts requests from programs that are not browsers (no Origin, no Sec-Fetch-Site)", async () => {
    const priya = await signIn(server.url, "priya.shah");
    expect(await signOutWith(priya, {})).toMatchObject({ status: 204, stillSignedIn: false });
  });

  it("does not stop reading: a cross-site GET is answered (CORS keeps the answer from the other site)", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const res = await fetch(`${server.url}/api/me`, { headers: { cookie: priya.cookie, "sec-fetch-site": "cross-site" } });
    expect(res.status).toBe(200);
  });

  it("accepts the public address and a trusted proxy's forwarded origin, and nothing else", async () => {
    const json = { "content-type": "application/json" };
    expect((await login(proxied.url, { ...json, origin: "https://roundtable.example.org" })).status).toBe(200);
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "care.example.net" };
    expect((await login(proxied.url, { ...json, ...forwarded, origin: "https://care.example.net" })).status).toBe(200);
    expect((await login(proxied.url, { ...json, ...forwarded, origin: "http://care.example.net" })).status).toBe(403);
    expect((await login(proxied.url, { ...json, origin: "https://evil.example" })).status).toBe(403);
    // Without TRUST_PROXY the forwarded host is not believed.
    expect((await login(server.url, { ...json, ...forwarded, origin: "https://care.example.net" })).status).toBe(403);
  });
});

describe("request bodies", () => {
  it("refuses bodies that are not declared as JSON with 415, so no HTML form can post to the API", async () => {
    const bodies: [string, Body, Record<string, string>][] = [
      // Bytes: fetch sends them without any Content-Type.
      ["no Content-Type", new TextEncoder().encode(JSON.stringify({ email: demoEmail("priya.shah"), password: demoPassword })), {}],
      ["text/plain", JSON.stringify({ email: demoEmail("priya.shah"), password: demoPassword }), { "content-type": "text/plain" }],
      ["url-encoded form", new URLSearchParams({ email: demoEmail("priya.shah"), password: demoPassword }), {}],
      ["multipart form", (() => {
        const form = new FormData();
        form.set("email", demoEmail("priya.shah"));
        form.set("password", demoPassword);
        return form;
      })(), {}],
    ];
    for (const [what, body, headers] of bodies) {
      const res = await login(server.url, headers, body);
      expect([what, res.status]).toEqual([what, 415]);
      expect(((await res.json()) as { error: string }).error).toMatch(/only accepts JSON.*Content-Type: application\/json/);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("checks PUT, PATCH and DELETE too, before anything else happens", async () => {
    const priya = await signIn(server.url, "priya.shah");
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await fetch(`${server.url}/api/cases/whatever`, { method, headers: { cookie: priya.cookie, "content-type": "text/plain" }, body: "{}" });
      expect([method, res.status]).toEqual([method, 415]);
    }
  });

  it("accepts JSON with a charset, and a sign-out with no body at all", async () => {
    const res = await login(server.url, { "content-type": "application/json; charset=UTF-8" });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
    const out = await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });
});
