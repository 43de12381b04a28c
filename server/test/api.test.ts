import type { CaseDetail, CaseSummary, DocumentDetail, Me } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { schema } from "@roundtable/db";
import { addMissingPlanParts } from "../src/documents/documents.js";
import { caseNamed, carePlanOf, demoEmail, signIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

// The health contract, not its one-second deadline (tried in the fault scenarios): a busy
// machine must not turn a slow ping into a failed contract.
const server = useTestServer({
  configure: (config) => {
    config.durability.healthTimeoutMs = 15_000;
  },
});

describe("the REST contracts", () => {
  it("reports health, which database it uses, and whether edits are being saved", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      db: process.env.DATABASE_URL ? "postgres" : "pglite",
      database: "ok",
      saving: true,
      backlog: { waiting: 0, oldestWaitingSeconds: 0 },
    });
  });

  it("signs in with an httpOnly session cookie and says who is signed in", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: demoEmail("priya.shah"), password: "roundtable-demo" }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie()[0] ?? "";
    expect(setCookie).toMatch(/^rt_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0]!;
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(((await me.json()) as Me).name).toBe("Priya Shah");
  });

  it("refuses a wrong password with 401 and a plain message", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: demoEmail("priya.shah"), password: "wrong" }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toMatch(/not right/);
  });

  it("answers a malformed body with 400 and a message per field", async () => {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "not-an-email" }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: Record<string, string> };
    expect(Object.keys(body.details).sort()).toEqual(["email", "password"]);
    const notJson = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(notJson.status).toBe(400);
    // A body that does not even say it is JSON (as an HTML form would send) is refused outright.
    expect((await fetch(`${server.url}/api/auth/login`, { method: "POST", body: "{oops" })).status).toBe(415);
  });

  it("needs a session for cases, and ends it on sign out", async () => {
    expect((await fetch(`${server.url}/api/cases`)).status).toBe(401);
    const priya = await signIn(server.url, "priya.shah");
    expect((await priya.get("/api/cases")).status).toBe(200);
    await priya.post("/api/auth/logout", {});
    expect((await priya.get("/api/cases")).status).toBe(401);
  });

  it("lists only the cases a professional is on, highest risk first", async () => {
    const mark = await signIn(server.url, "mark.davies");
    const cases = (await mark.get<CaseSummary[]>("/api/cases")).body;
    expect(cases.map((c) => c.name)).toEqual(["Jamie Walker", "Aisha Reid"]);
    expect(cases[0]).toMatchObject({ ragRating: "red", keyworker: { name: "Priya Shah" } });
  });

  it("shows a case with its team and documents, and hides other cases with 404", async () => {
    const claire = await signIn(server.url, "claire.walker");
    const { caseId, documentId } = await carePlanOf(claire, "Jamie Walker");
    const detail = (await claire.get<CaseDetail>(`/api/cases/${caseId}`)).body;
    expect(detail.team.map((m) => m.name)).toContain("Dr Ben Carter");
    // Not Jamie's own page (his and his keyworker's) nor the professionals meeting's minutes.
    expect(detail.documents).toEqual([
      { id: documentId, kind: "care-plan", title: "Jamie's care plan", visibility: "family" },
      { id: expect.any(String), kind: "young-person-views", title: "In my own words (Jamie's care plan)", visibility: "family" },
      { id: expect.any(String), kind: "family-views", title: "What my family says (Jamie's care plan)", visibility: "family" },
    ]);
    const priya = await signIn(server.url, "priya.shah");
    const aisha = await caseNamed(priya, "Aisha Reid");
    expect((await claire.get(`/api/cases/${aisha.id}`)).status).toBe(404);
    expect((await claire.get(`/api/cases/not-a-uuid`)).status).toBe(400);
  });

  it("says what a person may do with a document", async () => {
    const angela = await signIn(server.url, "angela.okafor");
    const { documentId } = await carePlanOf(angela, "Jamie Walker");
    expect((await angela.get<DocumentDetail>(`/api/documents/${documentId}`)).body.access).toBe("read");
    const claire = await signIn(server.url, "claire.walker");
    // Parents comment on the care plan and write their own part of it.
    const plan = (await claire.get<DocumentDetail>(`/api/documents/${documentId}`)).body;
    expect(plan).toMatchObject({ access: "comment", caseName: "Jamie Walker", partOf: null });
    expect(plan.parts.map((p) => [p.kind, p.access])).toEqual([["young-person-views", "comment"], ["family-views", "edit"]]);
    const part = (await claire.get<DocumentDetail>(`/api/documents/${plan.parts[1]!.id}`)).body;
    expect(part).toMatchObject({ kind: "family-views", access: "edit", partOf: { id: documentId, title: "Jamie's care plan" } });
  });

  it("creates a new care plan from the template", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const { caseId } = await carePlanOf(priya, "Kai Thompson");
    const created = await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "care-plan", title: "Kai's step-down plan" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "care-plan", visibility: "family", access: "edit" });
    expect(created.body.parts.map((p) => p.kind)).toEqual(["young-person-views", "family-views"]);
    const bad = await priya.post<{ details: Record<string, string> }>(`/api/cases/${caseId}/documents`, { kind: "poem", title: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(["kind", "title"]);
  });

  it("gives the family their own part only of a care plan they can see, when made and at start-up", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const { caseId } = await carePlanOf(priya, "Kai Thompson");
    for (const visibility of ["professionals", "young-person"] as const) {
      const plan = await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "care-plan", title: `A ${visibility} plan`, visibility });
      expect(plan.status).toBe(201);
      expect(plan.body.parts).toEqual([]);
    }
    // Start-up adds missing parts to older plans: none of these is one the family may write in.
    const { db } = server.database;
    await db.insert(schema.documents).values({ caseId, kind: "care-plan", title: "An older family plan", visibility: "family" });
    for (const kind of ["family-views", "young-person-views"] as const) {
      expect(await addMissingPlanParts(db, kind)).toBe(1);
      expect(await addMissingPlanParts(db, kind)).toBe(0);
    }
  });

  it("answers unknown API paths with JSON 404, and only to someone signed in", async () => {
    const anonymous = await fetch(`${server.url}/api/nothing-here`);
    expect(anonymous.status).toBe(401);
    const priya = await signIn(server.url, "priya.shah");
    const res = await priya.get<{ error: string }>("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body).toHaveProperty("error");
  });
});
