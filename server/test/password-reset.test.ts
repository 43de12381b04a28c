/**
 * "Forgot your password?" beyond the authorisation matrix (docs/adr/0019): links expire, asking
 * is limited the same way whatever the address (per address from one IP, and per IP, so that a
 * stranger's asking cannot use up the owner's), and a reset lifts the sign-in lock.
 */
import { schema } from "@roundtable/db";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { demoEmail, demoPassword } from "./support/api-client.js";
import { useSmtpSink } from "./support/smtp-sink.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const smtp = useSmtpSink();
const server = useTestServer({
  configure: (config) =>
    Object.assign(config, {
      trustProxy: true,
      mail: { ...config.mail, smtpUrl: smtp.url },
      passwordReset: { linkSeconds: 2, maxPerEmail: 2, maxPerIp: 4, windowSeconds: 60 },
      signIn: { ...config.signIn, maxFailures: 2, lockSeconds: 600 },
    }),
});

let lastIp = 0;
const newIp = () => `203.0.113.${++lastIp}`;
const post = async (p: string, body: unknown, ip: string) => {
  const res = await fetch(`${server.url}${p}`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.text() };
};
const ask = (email: string, ip = newIp()) => post("/api/auth/password-reset", { email }, ip);
const linkFor = (email: string) =>
  waitFor(() => smtp.messages.findLast((m) => m.to.includes(email) && m.subject === "Reset your Roundtable password")?.body.match(/\/password-reset\/([A-Za-z0-9_-]+)/)?.[1], {
    what: `a reset email to ${email}`,
  });

describe("password reset", () => {
  it("keeps only a hash of the link, and the link stops working when it expires", async () => {
    smtp.messages.length = 0;
    expect((await ask(demoEmail("tom.hughes"))).status).toBe(202);
    const token = await linkFor(demoEmail("tom.hughes"));
    const stored = await server.database.db.select({ tokenHash: schema.passwordResets.tokenHash }).from(schema.passwordResets);
    expect(stored.map((r) => r.tokenHash)).not.toContain(token);
    expect((await fetch(`${server.url}/api/auth/password-reset/${token}`)).status).toBe(200);
    await waitFor(async () => (await fetch(`${server.url}/api/auth/password-reset/${token}`)).status === 410, { timeoutMs: 5000, intervalMs: 200, what: "the link to expire" });
    const late = await post(`/api/auth/password-reset/${token}`, { password: "a password set too late" }, newIp());
    expect(late.status).toBe(410);
    expect(JSON.parse(late.body).error).toBe("This link has already been used, or it has expired. If you still need to reset your password, ask for a new link.");
  });

  it("limits requests per email address from one IP address, the same for an address with no account", async () => {
    const [ip, otherIp] = [newIp(), newIp()];
    const known = [await ask(demoEmail("sophie.grant"), ip), await ask(demoEmail("sophie.grant"), ip), await ask(demoEmail("sophie.grant"), ip)];
    const unknown = [await ask("no.one@roundtable.demo", otherIp), await ask("no.one@roundtable.demo", otherIp), await ask("no.one@roundtable.demo", otherIp)];
    expect(known.map((a) => a.status)).toEqual([202, 202, 429]);
    expect(unknown).toEqual(known);
    expect(JSON.parse(known[2]!.body).error).toBe("There have been too many requests to reset a password. Wait a minute, then try again.");
  });

  it("does not let a stranger asking for someone's links stop them getting one", async () => {
    const email = demoEmail("angela.okafor");
    const stranger = newIp();
    const asked = [await ask(email, stranger), await ask(email, stranger), await ask(email, stranger)];
    expect(asked.map((a) => a.status)).toEqual([202, 202, 429]);
    smtp.messages.length = 0;
    expect((await ask(email, newIp())).status).toBe(202);
    expect(await linkFor(email)).toBeTruthy();
  });

  it("limits requests from one IP address, whatever the addresses", async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await ask(`someone${i}@roundtable.demo`, ip)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
  });

  it("lifts the sign-in lock of the account whose password it sets", async () => {
    const email = demoEmail("helen.morris");
    const login = (password: string) => post("/api/auth/login", { email, password }, newIp());
    for (let i = 0; i < 3; i++) await login("wrong");
    expect((await login(demoPassword)).status).toBe(429);
    smtp.messages.length = 0;
    await ask(email);
    const token = await linkFor(email);
    expect((await post(`/api/auth/password-reset/${token}`, { password: "helen's new password" }, newIp())).status).toBe(204);
    expect((await login("helen's new password")).status).toBe(200);
  });

  it("reads its settings from the environment", () => {
    expect(loadConfig({}).passwordReset).toEqual({ linkSeconds: 1800, maxPerEmail: 3, maxPerIp: 10, windowSeconds: 3600 });
    expect(loadConfig({ PASSWORD_RESET_LINK_MINUTES: "10", PASSWORD_RESET_MAX_PER_EMAIL: "1", PASSWORD_RESET_MAX_PER_IP: "5", PASSWORD_RESET_WINDOW_MINUTES: "30" }).passwordReset).toEqual({
      linkSeconds: 600,
      maxPerEmail: 1,
      maxPerIp: 5,
      windowSeconds: 1800,
    });
    expect(() => loadConfig({ PASSWORD_RESET_LINK_MINUTES: "0" })).toThrow(/PASSWORD_RESET_LINK_MINUTES/);
  });
});
