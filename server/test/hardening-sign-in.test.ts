import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { demoEmail, demoPassword } from "./support/api-client.js";
import { useTestServers } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const [server, httpsServer, limited] = useTestServers(
  {},
  // Reached at an https:// PUBLIC_URL through a TLS proxy that is not trusted; few attempts per IP.
  {
    configure: (config) =>
      Object.assign(config, {
        publicUrl: "https://roundtable.example.org",
        signIn: { ...config.signIn, maxAttemptsPerIp: 3 },
      }),
  },
  // Behind a trusted proxy, so each test can sign in from an IP address of its own, with small limits.
  {
    configure: (config) =>
      Object.assign(config, {
        trustProxy: true,
        signIn: { maxFailures: 3, failureWindowSeconds: 60, lockSeconds: 1, maxAttemptsPerIp: 6, ipWindowSeconds: 60 },
      }),
  },
);

let lastIp = 0;
const newIp = () => `203.0.113.${++lastIp}`;

function login(base: string, email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
}

/** Sign in to the limited server from `ip`: the status, and the message and Retry-After when refused. */
async function attempt(email: string, password: string, ip: string) {
  const res = await login(limited.url, email, password, { "x-forwarded-for": `198.51.100.7, ${ip}` });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, error: body.error, retryAfter: res.headers.get("retry-after") };
}

const attributes = (setCookie: string) => setCookie.split(";").map((part) => part.trim().toLowerCase());

describe("the session cookie", () => {
  it("is httpOnly and SameSite=Lax, and not Secure over plain HTTP", async () => {
    const res = await login(server.url, demoEmail("priya.shah"), demoPassword);
    const cookie = attributes(res.headers.getSetCookie()[0]!);
    expect(cookie).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(cookie).not.toContain("secure");
    // Forwarded headers are ignored without TRUST_PROXY.
    const spoofed = await login(server.url, demoEmail("priya.shah"), demoPassword, { "x-forwarded-proto": "https" });
    expect(attributes(spoofed.headers.getSetCookie()[0]!)).not.toContain("secure");
  });

  it("is Secure when the request came over HTTPS through a trusted proxy", async () => {
    const res = await login(limited.url, demoEmail("priya.shah"), demoPassword, { "x-forwarded-proto": "https", "x-forwarded-for": newIp() });
    expect(attributes(res.headers.getSetCookie()[0]!)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure"]));
  });

  it("is Secure when PUBLIC_URL is https, and signing out clears it with the same attributes", async () => {
    const res = await login(httpsServer.url, demoEmail("priya.shah"), demoPassword);
    const set = res.headers.getSetCookie()[0]!;
    expect(attributes(set)).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]));
    const out = await fetch(`${httpsServer.url}/api/auth/logout`, { method: "POST", headers: { cookie: set.split(";")[0]! } });
    expect(out.status).toBe(204);
    const cleared = attributes(out.headers.getSetCookie()[0]!);
    expect(cleared).toEqual(expect.arrayContaining(["rt_session=", "max-age=0", "path=/", "httponly", "samesite=lax", "secure"]));
  });
});

describe("sign-in limits", () => {
  it("locks an email address after too many failed sign-ins, even against the right password", async () => {
    const ip = newIp();
    const email = demoEmail("mark.davies");
    for (let i = 0; i < 3; i++) expect((await attempt(email, "wrong", ip)).status).toBe(401);
    const locked = await attempt(email, demoPassword, ip);
    expect(locked).toEqual({ status: 429, error: "There have been too many attempts to sign in. Wait a minute, then try again.", retryAfter: "1" });
    // Another IP address does not help: the lock is on the account's email.
    expect((await attempt(email, demoPassword, newIp())).status).toBe(429);
    // Other people can still sign in.
    expect((await attempt(demoEmail("claire.walker"), demoPassword, ip)).status).toBe(200);
  });

  it("unlocks the email address once the lock has run out", async () => {
    const email = demoEmail("angela.okafor");
    for (let i = 0; i < 3; i++) expect((await attempt(email, "wrong", newIp())).status).toBe(401);
    expect((await attempt(email, demoPassword, newIp())).status).toBe(429);
    await waitFor(async () => (await attempt(email, demoPassword, newIp())).status === 200, { timeoutMs: 5000, intervalMs: 200, what: "the lock to end" });
  });

  it("answers the same for an email address with no account, so it reveals nothing", async () => {
    const ip = newIp();
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 4; i++) known.push(await attempt(demoEmail("daniel.reid"), "wrong", ip));
    for (let i = 0; i < 4; i++) unknown.push(await attempt("nobody@roundtable.demo", "wrong", newIp()));
    expect(unknown).toEqual(known);
    expect(known.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 429]);
  });

  it("counts only failures: a successful sign-in starts the count again", async () => {
    const email = demoEmail("jamie.walker");
    const statuses: number[] = [];
    for (const password of ["wrong", "wrong", demoPassword, "wrong", "wrong", demoPassword]) {
      statuses.push((await attempt(email, password, newIp())).status);
    }
    expect(statuses).toEqual([401, 401, 200, 401, 401, 200]);
  });

  it("treats the email address case-insensitively", async () => {
    const statuses: number[] = [];
    for (const email of ["Someone.Else@roundtable.demo", "SOMEONE.ELSE@ROUNDTABLE.DEMO", " someone.else@Roundtable.Demo"]) {
      statuses.push((await attempt(email, "wrong", newIp())).status);
    }
    statuses.push((await attempt("someone.else@roundtable.demo", "wrong", newIp())).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("limits failed attempts from one IP address, whatever the accounts", async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await attempt(`guess${i}@roundtable.demo`, "wrong", ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    // Past the limit even the right password waits: one machine guessing many accounts is stopped.
    const seventh = await attempt(demoEmail("claire.walker"), demoPassword, ip);
    expect(seventh.status).toBe(429);
    expect(Number(seventh.retryAfter)).toBeGreaterThan(50);
    expect(seventh.error).toBe("There have been too many attempts to sign in. Wait a minute, then try again.");
    expect((await attempt(demoEmail("claire.walker"), demoPassword, newIp())).status).toBe(200);
  });

  it("does not count successful sign-ins against the IP address: a team behind one office network does not lock itself out", async () => {
    const office = newIp();
    const team = ["priya.shah", "tom.hughes", "claire.walker", "mark.davies", "helen.morris"];
    const statuses: number[] = [];
    // Far more sign-ins than the 6 failures the address is allowed, all of them right.
    for (let round = 0; round < 3; round++) for (const who of team) statuses.push((await attempt(demoEmail(who), demoPassword, office)).status);
    expect(statuses).toEqual(statuses.map(() => 200));
    // A colleague's typo or two is still fine, and the next person in still gets in.
    expect((await attempt(demoEmail("sophie.grant"), "wrong", office)).status).toBe(401);
    expect((await attempt(demoEmail("sophie.grant"), demoPassword, office)).status).toBe(200);
    // Failures from the office still add up to the limit.
    const failures: number[] = [];
    for (let i = 1; i <= 6; i++) failures.push((await attempt(`office.guess${i}@roundtable.demo`, "wrong", office)).status);
    expect(failures).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("does not believe X-Forwarded-For without TRUST_PROXY", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await login(httpsServer.url, `nobody${i}@roundtable.demo`, "wrong", { "x-forwarded-for": `192.0.2.${i}` })).status);
    }
    // The limit there is 3 per IP: had each header counted as an address of its own, all would pass.
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("sign-in limit configuration", () => {
  it("defaults to 5 failures per email in 15 minutes, a 15-minute lock, and 30 attempts per IP in 15 minutes", () => {
    expect(loadConfig({}).signIn).toEqual({ maxFailures: 5, failureWindowSeconds: 900, lockSeconds: 900, maxAttemptsPerIp: 30, ipWindowSeconds: 900 });
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it("reads the limits from the environment and says which one is wrong", () => {
    const config = loadConfig({
      LOGIN_MAX_FAILURES: "3",
      LOGIN_FAILURE_WINDOW_MINUTES: "10",
      LOGIN_LOCK_MINUTES: "30",
      LOGIN_MAX_ATTEMPTS_PER_IP: "100",
      LOGIN_IP_WINDOW_MINUTES: "5",
      TRUST_PROXY: "true",
    });
    expect(config.signIn).toEqual({ maxFailures: 3, failureWindowSeconds: 600, lockSeconds: 1800, maxAttemptsPerIp: 100, ipWindowSeconds: 300 });
    expect(config.trustProxy).toBe(true);
    expect(() => loadConfig({ LOGIN_MAX_FAILURES: "0" })).toThrow(/LOGIN_MAX_FAILURES/);
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
