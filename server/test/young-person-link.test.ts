/**
 * The child's own account (issue #10, item 4; ADR 0012). A case manager can no longer read a
 * child's private page through an invented young person: only the child's own keyworker links
 * (or invites) the young person, with their agreement; a young-person account on the team that
 * is not the linked child opens nothing of the case over HTTP, the collab websocket or
 * socket.io; every change to the link is on the trail and told to the keyworker and service lead.
 */
import { createHash, randomBytes } from "node:crypto";
import { schema } from "@roundtable/db";
import type { Action, AuditAction, AuditEvent, CaseDetail, CaseSummary, CreatedInvitation, DocumentDetail } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseNamed, clientWithCookie, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { inventedYoungPerson } from "./support/team-accounts.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let priya: SignedIn;
let tom: SignedIn;
let jamie: CaseDetail;
let ownPage: string;
const clients: CollabClient[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  [priya, tom] = [await signIn(server.url, "priya.shah"), await signIn(server.url, "tom.hughes")];
  const jamieId = (await caseNamed(priya, "Jamie Walker")).id;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${jamieId}`)).body;
  ownPage = jamie.documents.find((d) => d.visibility === "young-person")!.id;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.close();
});

const db = () => server.database.db;
const madeUpEmail = () => `made.up.${randomBytes(4).toString("hex")}@example.org`;

async function accept(token: string, body: unknown) {
  const res = await fetch(`${server.url}/api/invitations/${token}/accept`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as { error?: string; me?: { id: string } }, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

async function joins(cookie: string, room: string): Promise<boolean> {
  const socket = io(server.url, { extraHeaders: { cookie }, transports: ["websocket"] });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return ((await socket.emitWithAck("presence:join", { room })) as { ok: boolean }).ok;
}

const trail = async (caseId: string, action: AuditAction) =>
  db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.action, action)));

const notificationsOf = async (personId: string, kind: string) =>
  db().select().from(schema.notifications).where(and(eq(schema.notifications.personId, personId), eq(schema.notifications.kind, kind)));

describe("an invented young person", () => {
  it("cannot be invited by a senior keyworker who is not the child's own keyworker, and an old invitation of theirs links nothing", async () => {
    const email = madeUpEmail();
    const sent = await tom.post<{ error: string }>(`/api/cases/${jamie.id}/invitations`, { email, role: "young-person", youngPersonAgreement: "He said yes" });
    expect(sent.status).toBe(403);
    expect(sent.body.error).toBe("Only Jamie Walker's own keyworker can invite them: accepting links their own account to this case.");

    // One Tom sent before this change, as the database holds it: accepting it makes no account.
    const token = randomBytes(32).toString("base64url");
    await db().insert(schema.invitations).values({
      caseId: jamie.id,
      email,
      role: "young-person",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      invitedBy: tom.personId,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const accepted = await accept(token, { name: "Jamie W", password: "a long enough password" });
    expect(accepted.status).toBe(409);
    expect(accepted.cookie).toBe("");
    expect(await db().select().from(schema.people).where(eq(schema.people.email, email))).toEqual([]);
  });

  it("on the team (as earlier versions let anyone running the case add one) opens nothing of the child's, on any channel", async () => {
    const login = await inventedYoungPerson(db(), jamie.id);
    const madeUp = await signIn(server.url, login);
    // Something on the page to read and an action on it, as the child's own account would see.
    const planActions = (await priya.get<Action[]>(`/api/actions?caseId=${jamie.id}`)).body;
    expect((await priya.post(`/api/documents/${ownPage}/comments`, { body: "Jamie's own thoughts" })).status).toBe(201);

    expect((await madeUp.get(`/api/cases/${jamie.id}`)).status).toBe(404);
    expect((await madeUp.get<CaseSummary[]>("/api/cases")).body).toEqual([]);
    expect((await madeUp.get<DocumentDetail>(`/api/documents/${ownPage}`)).status).toBe(404);
    expect((await madeUp.get(`/api/documents/${ownPage}/comments`)).status).toBe(404);
    expect((await madeUp.post(`/api/documents/${ownPage}/comments`, { body: "I read it" })).status).toBe(404);
    expect((await madeUp.get(`/api/documents/${jamie.documents.find((d) => d.kind === "care-plan")!.id}`)).status).toBe(404);
    expect((await madeUp.get<Action[]>(`/api/actions?caseId=${jamie.id}`)).body).toEqual([]);
    expect((await madeUp.get(`/api/actions/${planActions[0]!.id}`)).status).toBe(404);
    expect(await upgradeStatus(server.url, ownPage, madeUp.cookie)).toBe(404);
    expect(await joins(madeUp.cookie, `document:${ownPage}`)).toBe(false);
    expect(await joins(madeUp.cookie, `case:${jamie.id}`)).toBe(false);

    // The child's own account, linked, still does.
    const child = await signIn(server.url, "jamie.walker");
    expect((await child.get(`/api/documents/${ownPage}`)).status).toBe(200);
    expect(await upgradeStatus(server.url, ownPage, child.cookie)).toBe("open");
    expect(await joins(child.cookie, `document:${ownPage}`)).toBe(true);
  });
});

describe("linking the child's own account", () => {
  it("is for the child's own keyworker, with the young person's agreement; unlinking closes their page at once; both are on the trail and told", async () => {
    const child = await signIn(server.url, "jamie.walker");
    const angela = await signIn(server.url, "angela.okafor"); // the service lead
    expect((await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.youngPerson).toMatchObject({ personId: child.personId, name: "Jamie Walker", linkedBy: { name: "Priya Shah" } });

    const page = await connectCollab(server.url, ownPage, child.cookie);
    clients.push(page);
    const closed = new Promise<number>((resolve) => page.provider.once("connection-close", (event) => resolve(event?.code ?? 0)));

    expect((await tom.post(`/api/cases/${jamie.id}/young-person/unlink`, {})).status).toBe(403);
    expect((await priya.post(`/api/cases/${jamie.id}/young-person/unlink`, {})).status).toBe(204);
    expect(await closed).toBeGreaterThanOrEqual(4000);
    expect((await child.get(`/api/documents/${ownPage}`)).status).toBe(404);
    expect((await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.youngPerson).toBeNull();
    expect((await trail(jamie.id, "young-person-unlinked")).map((e) => [e.personName, (e.detail as { personId: string }).personId])).toEqual([["Priya Shah", child.personId]]);
    expect(await notificationsOf(angela.personId, "young-person-unlinked")).toHaveLength(1);
    // Still on the team, so the keyworker can link them again; but removing them waits for that choice.
    expect((await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team.some((m) => m.personId === child.personId)).toBe(true);

    const link = (who: SignedIn, body: unknown) => who.post<{ error?: string; details?: Record<string, string> }>(`/api/cases/${jamie.id}/young-person`, body);
    expect((await link(tom, { personId: child.personId, agreement: "He said yes" })).status).toBe(403);
    expect((await link(priya, { personId: child.personId, agreement: " " })).body.details).toEqual({ agreement: "Say how the young person agreed" });
    expect((await link(priya, { personId: priya.personId, agreement: "Yes" })).status).toBe(400);
    const agreement = "Jamie said yes on the phone on Tuesday, and his mum heard him.";
    expect((await link(priya, { personId: child.personId, agreement })).status).toBe(200);
    expect((await link(priya, { personId: child.personId, agreement })).status).toBe(409);
    expect((await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.youngPerson).toMatchObject({ personId: child.personId, agreement, linkedBy: { name: "Priya Shah" } });
    expect((await child.get(`/api/documents/${ownPage}`)).status).toBe(200);
    const linked = (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit`)).body.find((e) => e.action === "young-person-linked");
    expect(linked).toMatchObject({ person: { name: "Priya Shah" }, detail: { personId: child.personId, agreement } });
    const told = await notificationsOf(angela.personId, "young-person-linked");
    expect(told.map((n) => n.body)).toEqual([`Priya Shah linked Jamie Walker's account as Jamie's own. How Jamie agreed: ${agreement}`]);
    // The linked child cannot be taken off the team without unlinking first.
    expect((await priya.delete(`/api/cases/${jamie.id}/members/${child.personId}`)).status).toBe(409);
  });

  it("is what inviting the young person does: accepting the keyworker's invitation links the account, once", async () => {
    const kaiId = (await caseNamed(priya, "Kai Thompson")).id;
    const page = (await priya.post<DocumentDetail>(`/api/cases/${kaiId}/documents`, { kind: "notes", title: "Kai's own page", visibility: "young-person" })).body;
    const agreement = "Kai asked for his own account at our last session.";
    expect((await tom.post(`/api/cases/${kaiId}/invitations`, { email: madeUpEmail(), role: "young-person", youngPersonAgreement: agreement })).status).toBe(403);
    const noAgreement = await priya.post<{ details: Record<string, string> }>(`/api/cases/${kaiId}/invitations`, { email: madeUpEmail(), role: "young-person" });
    expect(noAgreement.body.details).toEqual({ youngPersonAgreement: "Say how the young person agreed to have their own account" });
    // Adding a young-person account straight onto the team is not a way round it.
    const jamieAccount = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.youngPerson!.personId;
    expect((await priya.post(`/api/cases/${kaiId}/members`, { personId: jamieAccount })).status).toBe(400);

    const sent = (await priya.post<CreatedInvitation>(`/api/cases/${kaiId}/invitations`, { email: madeUpEmail(), role: "young-person", youngPersonAgreement: agreement })).body;
    expect((await priya.post(`/api/cases/${kaiId}/invitations`, { email: madeUpEmail(), role: "young-person", youngPersonAgreement: agreement })).status).toBe(409);
    const accepted = await accept(sent.link.slice(sent.link.lastIndexOf("/") + 1), { name: "Kai Thompson", password: "a long enough password" });
    expect(accepted.status).toBe(200);
    const kai = clientWithCookie(server.url, accepted.cookie, accepted.body.me!.id);
    expect((await priya.get<CaseDetail>(`/api/cases/${kaiId}`)).body.youngPerson).toMatchObject({ personId: kai.personId, agreement, linkedBy: { name: "Priya Shah" } });
    expect((await kai.get(`/api/documents/${page.id}`)).status).toBe(200);
    expect((await trail(kaiId, "young-person-linked")).map((e) => (e.detail as { invitationId?: string }).invitationId)).toEqual([sent.id]);
    // One child per case: no second invitation now.
    expect((await priya.post(`/api/cases/${kaiId}/invitations`, { email: madeUpEmail(), role: "young-person", youngPersonAgreement: agreement })).status).toBe(409);
    const [angela] = await db().select().from(schema.people).where(eq(schema.people.email, "angela.okafor@roundtable.demo"));
    expect((await notificationsOf(angela!.id, "young-person-linked")).map((n) => n.title)).toContain("Kai's own account was linked");
  });
});
