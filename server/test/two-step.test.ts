import { describe, expect, it } from "vitest";
import { base32Decode, totpCode, totpStep, totpStepSeconds } from "../src/auth/totp.js";
import { demoEmail, demoPassword, signIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();


async function login(body: Record<string, string>) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { error?: string; details?: Record<string, string> } };
}

/** Codes are for 30-second steps: start well inside one, so "this step" means the same to the server. */
async function awayFromStepBoundary(): Promise<number> {
  const intoStep = (Date.now() / 1000) % totpStepSeconds;
  if (intoStep > totpStepSeconds - 3) await new Promise((r) => setTimeout(r, (totpStepSeconds - intoStep + 0.5) * 1000));
  return totpStep(new Date());
}

describe("two-step sign-in", () => {
  it("is set up with an authenticator app, then asks for a code after the password, never accepting one twice", async () => {
    const mark = await signIn(server.url, "mark.davies");
    expect((await mark.get("/api/me/two-step")).body).toEqual({ available: true, enabled: false });
    const setup = await mark.post<{ secret: string; otpauthUri: string }>("/api/me/two-step/setup", {});
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUri).toContain(`secret=${setup.body.secret}`);
    const secret = base32Decode(setup.body.secret);

    const step = await awayFromStepBoundary();
    expect((await mark.post("/api/me/two-step/enable", { code: "000000" === totpCode(secret, step - 1) ? "111111" : "000000" })).status).toBe(400);
    expect((await mark.post("/api/me/two-step/enable", { code: totpCode(secret, step - 1) })).body).toEqual({ available: true, enabled: true });

    const credentials = { email: demoEmail("mark.davies"), password: demoPassword };
    const noCode = await login(credentials);
    expect(noCode.status).toBe(401);
    expect(noCode.body.details).toEqual({ code: "Enter the 6-digit code from your authenticator app" });
    expect((await login({ ...credentials, code: totpCode(secret, step - 3) })).status).toBe(401);
    expect((await login({ ...credentials, password: "wrong password", code: totpCode(secret, step) })).status).toBe(401);
    expect((await login({ ...credentials, code: totpCode(secret, step) })).status).toBe(200);
    // The same code again — someone who saw it over a shoulder — is refused.
    expect((await login({ ...credentials, code: totpCode(secret, step) })).status).toBe(401);

    expect((await mark.post("/api/me/two-step/disable", { code: totpCode(secret, step + 1) })).body).toEqual({ available: true, enabled: false });
    expect((await login(credentials)).status).toBe(200);
  });

  it("is for staff and professionals, not family accounts, and refuses bad codes clearly", async () => {
    const claire = await signIn(server.url, "claire.walker");
    expect((await claire.get("/api/me/two-step")).body).toEqual({ available: false, enabled: false });
    expect((await claire.post("/api/me/two-step/setup", {})).status).toBe(403);
    const priya = await signIn(server.url, "priya.shah");
    expect((await priya.post("/api/me/two-step/enable", { code: "123456" })).status).toBe(409);
    const bad = await priya.post<{ details: Record<string, string> }>("/api/me/two-step/enable", { code: "12ab" });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual({ code: "Enter the 6-digit code from your authenticator app" });
    expect((await login({ email: demoEmail("priya.shah"), password: demoPassword, code: "12" })).status).toBe(400);
  });
});
