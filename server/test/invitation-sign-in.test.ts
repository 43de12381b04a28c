/**
 * Accepting an invitation as an existing account is signing in as it (issue #10, item 3): an
 * ICB lead with two-step sign-in on, invited to another child's case, gets no session — and no
 * professionals-only minutes — with the password alone; with the code from their app they do.
 * The attempts count against the same limits as the sign-in form.
 */
import type { CaseDetail, CreatedInvitation, Meeting } from "@roundtable/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { base32Decode, totpCode, totpStep, totpStepSeconds } from "../src/auth/totp.js";
import { caseNamed, demoEmail, demoPassword, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer({ configure: (config) => { config.signIn = { ...config.signIn, maxFailures: 4 }; } });
let priya: SignedIn;
let kai: CaseDetail;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  const kaiId = (await caseNamed(priya, "Kai Thompson")).id;
  kai = (await priya.get<CaseDetail>(`/api/cases/${kaiId}`)).body;
});

/** Codes are for 30-second steps: start well inside one, so "this step" means the same to the server. */
async function awayFromStepBoundary(): Promise<number> {
  const intoStep = (Date.now() / 1000) % totpStepSeconds;
  if (intoStep > totpStepSeconds - 3) await new Promise((r) => setTimeout(r, (totpStepSeconds - intoStep + 0.5) * 1000));
  return totpStep(new Date());
}

async function accept(token: string, body: unknown) {
  const res = await fetch(`${server.url}/api/invitations/${token}/accept`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { status: res.status, body: (await res.json()) as { error?: string; details?: Record<string, string>; caseId?: string }, cookie };
}

const statusWith = async (cookie: string, path: string) => (await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} })).status;

describe("accepting an invitation as an account with two-step sign-in on", () => {
  it("gives no session for the password alone, and a full one with the code from the app", async () => {
    // Helen, an ICB lead, turns two-step sign-in on.
    const helen = await signIn(server.url, "helen.morris");
    const setup = await helen.post<{ secret: string }>("/api/me/two-step/setup", {});
    const secret = base32Decode(setup.body.secret);
    const step = await awayFromStepBoundary();
    expect((await helen.post("/api/me/two-step/enable", { code: totpCode(secret, step - 1) })).status).toBe(200);

    // Kai's family agree to share with the ICB; a professionals-only meeting is booked about Kai.
    const icb = kai.agencies.find((a) => a.name === "NHS Northbridge Integrated Care Board")!.id;
    expect((await priya.post(`/api/cases/${kai.id}/consents`, { kind: "share-with-agency", decision: "given", givenBy: "Kai's mum", agencyId: icb })).status).toBe(201);
    const meeting = (await priya.post<Meeting>("/api/meetings", { type: "professionals", startsAt: "2026-12-15T10:00:00Z", caseId: kai.id })).body;
    expect(meeting.visibility).toBe("professionals");
    const minutes = `/api/documents/${meeting.minutesDocumentId}`;
    expect(await statusWith(helen.cookie, minutes)).toBe(404); // not on Kai's team yet

    const invitation = (await priya.post<CreatedInvitation>(`/api/cases/${kai.id}/invitations`, { email: demoEmail("helen.morris"), role: "icb-lead", agencyId: icb })).body;
    const token = invitation.link.slice(invitation.link.lastIndexOf("/") + 1);

    const passwordOnly = await accept(token, { password: demoPassword });
    expect(passwordOnly.status).toBe(401);
    expect(passwordOnly.body.details).toEqual({ code: "Enter the 6-digit code from your authenticator app" });
    expect(passwordOnly.cookie).toBe("");
    expect(await statusWith(passwordOnly.cookie, minutes)).toBe(401);
    const wrongCode = await accept(token, { password: demoPassword, code: totpCode(secret, step - 3) });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.cookie).toBe("");
    // Still not on the team: the invitation was not used up either.
    expect((await priya.get<CaseDetail>(`/api/cases/${kai.id}`)).body.team.some((m) => m.name === "Helen Morris")).toBe(false);

    const withCode = await accept(token, { password: demoPassword, code: totpCode(secret, step) });
    expect(withCode.status).toBe(200);
    expect(withCode.body.caseId).toBe(kai.id);
    expect(await statusWith(withCode.cookie, minutes)).toBe(200);
  });

  it("counts its attempts against the same limits as the sign-in form", async () => {
    const claire = demoEmail("claire.walker");
    // Ellie's, not Kai's: Kai (18) has said no to his parents or carers seeing his records (ADR 0026).
    const ellieId = (await caseNamed(priya, "Ellie Brooks")).id;
    const invitation = (await priya.post<CreatedInvitation>(`/api/cases/${ellieId}/invitations`, { email: claire, role: "parent" })).body;
    const token = invitation.link.slice(invitation.link.lastIndexOf("/") + 1);
    // Wrong passwords on the invitation, up to the limit...
    for (let i = 0; i < 4; i++) expect((await accept(token, { password: `wrong guess ${i}` })).status).toBe(401);
    // ...lock the address on the sign-in form too, even with the right password,
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: claire, password: demoPassword }) });
    expect(login.status).toBe(429);
    expect(login.headers.get("retry-after")).not.toBeNull();
    // ...and on the invitation.
    expect((await accept(token, { password: demoPassword })).status).toBe(429);
  });
});
