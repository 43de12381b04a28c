import type {
  AccessReportEntry,
  AccessRevoked,
  Action,
  AuditEvent,
  CaseDetail,
  ClientToServerEvents,
  ConsentRecord,
  DocumentDetail,
  Meeting,
  ServerToClientEvents,
} from "@roundtable/domain";
import { io, type Socket as ClientSocket } from "socket.io-client";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@roundtable/db";
import { eq } from "drizzle-orm";
import { sessionIdOf } from "../src/auth/sessions.js";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, typeInto, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer({ configure: (config) => { config.sessionCheckMs = 200; } });
let priya: SignedIn;
let tom: SignedIn;
let jamie: CaseDetail;
let planId: string;
type Socket = ClientSocket<ServerToClientEvents, ClientToServerEvents>;
const clients: CollabClient[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  tom = await signIn(server.url, "tom.hughes");
  const plan = await carePlanOf(priya, "Jamie Walker");
  planId = plan.documentId;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${plan.caseId}`)).body;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.close();
});

async function openPlan(who: SignedIn): Promise<{ client: CollabClient; closed: Promise<{ code: number; reason: string; at: number }> }> {
  const client = await connectCollab(server.url, planId, who.cookie);
  clients.push(client);
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
    client.provider.once("connection-close", (event) => resolve({ code: event?.code ?? 0, reason: event?.reason ?? "", at: performance.now() })),
  );
  return { client, closed };
}

async function presenceSocket(who: SignedIn, room: string): Promise<Socket> {
  const socket: Socket = io(server.url, { extraHeaders: { cookie: who.cookie }, transports: ["websocket"] });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  expect(await socket.emitWithAck("presence:join", { room })).toMatchObject({ ok: true });
  return socket;
}

const sharingConsent = async (agencyName: string) =>
  (await priya.get<ConsentRecord[]>(`/api/cases/${jamie.id}/consents`)).body.find((c) => c.kind === "share-with-agency" && c.agency?.name === agencyName && c.withdrawn === null)!;

describe("changes to who may see a case take effect at once", () => {
  it("closes a professional's open care plan within a second when the family withdraws sharing consent, and reopens it when given again", async () => {
    const mark = await signIn(server.url, "mark.davies"); // Riverside Academy
    const { closed } = await openPlan(mark);
    const school = await sharingConsent("Riverside Academy");
    const started = performance.now();
    const withdrawn = await priya.post<ConsentRecord>(`/api/cases/${jamie.id}/consents/${school.id}/withdraw`, { note: "Claire asked us to stop sharing with school for now." });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawn).toMatchObject({ by: { name: "Priya Shah" } });
    const close = await closed;
    expect(close.code).toBe(4403);
    expect(close.at - started).toBeLessThan(1000);

    const refused = await mark.get<{ error: string }>(`/api/documents/${planId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/Riverside Academy cannot open this case's records/);
    expect(await upgradeStatus(server.url, planId, mark.cookie)).toBe(403);
    expect((await priya.post(`/api/cases/${jamie.id}/consents/${school.id}/withdraw`, {})).status).toBe(404);

    const given = await priya.post<ConsentRecord>(`/api/cases/${jamie.id}/consents`, {
      kind: "share-with-agency",
      agencyId: school.agency!.id,
      decision: "given",
      givenBy: "Claire Walker (Jamie's mum)",
    });
    expect(given.status).toBe(201);
    expect(await upgradeStatus(server.url, planId, mark.cookie)).toBe("open");
  });

  it("closes a removed member's sockets within a second and takes them out of the case's rooms and meetings", async () => {
    const ben = await signIn(server.url, "ben.carter");
    const professionalsMeeting = (await priya.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body.find((m) => m.type === "professionals")!;
    expect(professionalsMeeting.invitees.map((i) => i.name)).toContain("Dr Ben Carter");
    expect((await ben.get(`/api/meetings/${professionalsMeeting.id}`)).status).toBe(200);
    expect((await ben.get<Action[]>("/api/actions?owner=me")).body.map((a) => a.caseName)).toContain("Jamie Walker");
    // The server told him of his overdue action on Jamie's plan when it started.
    const toldOfPlan = async () => (await ben.get<{ notifications: { link: string | null }[] }>("/api/notifications?limit=100")).body.notifications.some((n) => n.link?.startsWith(`/documents/${planId}`));
    await waitFor(async () => (await toldOfPlan()) || undefined, { what: "Ben's overdue reminder" });
    const { closed } = await openPlan(ben);
    const socket = await presenceSocket(ben, `case:${jamie.id}`);
    // The care plan's page is in the plan's room too ("Who is here", its comments).
    expect(await socket.emitWithAck("presence:join", { room: `document:${planId}` })).toEqual({ ok: true });
    const revocations: AccessRevoked[] = [];
    socket.on("access:revoked", (message) => revocations.push(message));
    const revoked = new Promise<{ room: string }>((resolve) => socket.once("access:revoked", resolve));
    const started = performance.now();
    const benId = jamie.team.find((m) => m.name === "Dr Ben Carter")!.personId;
    expect((await priya.delete(`/api/cases/${jamie.id}/members/${benId}`)).status).toBe(204);
    const close = await closed;
    expect(close.code).toBe(4403);
    expect(close.at - started).toBeLessThan(1000);
    expect(await revoked).toEqual({ room: `case:${jamie.id}` });
    // The open plan's page hears it too, so its editor closes even if its websocket is not live.
    await waitFor(() => revocations.some((r) => r.room === `document:${planId}`), { what: "the plan's room to be revoked" });
    expect(revocations).toEqual([{ room: `case:${jamie.id}` }, { room: `document:${planId}` }]);
    expect((await ben.get(`/api/cases/${jamie.id}`)).status).toBe(404);
    expect(await upgradeStatus(server.url, planId, ben.cookie)).toBe(404);
    // Being invited to the case's professionals meeting does not keep him in it.
    expect((await ben.get(`/api/meetings/${professionalsMeeting.id}`)).status).toBe(404);
    expect((await ben.get(`/api/documents/${professionalsMeeting.minutesDocumentId!}`)).status).toBe(404);
    expect(await upgradeStatus(server.url, professionalsMeeting.minutesDocumentId!, ben.cookie)).toBe(404);
    expect((await ben.get<Action[]>("/api/actions?owner=me")).body.map((a) => a.caseName)).not.toContain("Jamie Walker");
    expect(await toldOfPlan()).toBe(false);
    // Back on the team, as a professional: the only role his account can hold.
    expect((await priya.post(`/api/cases/${jamie.id}/members`, { personId: benId, role: "keyworker" })).status).toBe(400);
    expect((await priya.post(`/api/cases/${jamie.id}/members`, { personId: benId })).status).toBe(204);
    expect((await priya.post(`/api/cases/${jamie.id}/members`, { personId: benId })).status).toBe(409);
  });

  it("lets only the people who run the case change its team or consent", async () => {
    const mark = await signIn(server.url, "mark.davies");
    const claire = await signIn(server.url, "claire.walker");
    const daniel = await signIn(server.url, "daniel.reid");
    const consent = { kind: "register", decision: "given", givenBy: "Claire Walker" };
    expect((await mark.post(`/api/cases/${jamie.id}/consents`, consent)).status).toBe(403);
    expect((await claire.post(`/api/cases/${jamie.id}/consents`, consent)).status).toBe(403);
    expect((await daniel.post(`/api/cases/${jamie.id}/consents`, consent)).status).toBe(404);
    const tomId = jamie.team.find((m) => m.name === "Tom Hughes")!.personId;
    expect((await mark.delete(`/api/cases/${jamie.id}/members/${tomId}`)).status).toBe(403);
    expect((await claire.get<ConsentRecord[]>(`/api/cases/${jamie.id}/consents`)).status).toBe(200);
    const priyaId = jamie.team.find((m) => m.name === "Priya Shah")!.personId;
    const keyworker = await tom.delete(`/api/cases/${jamie.id}/members/${priyaId}`);
    expect(keyworker.status).toBe(409);
    const bad = await priya.post<{ details: Record<string, string> }>(`/api/cases/${jamie.id}/consents`, { kind: "share-with-agency", decision: "maybe", givenBy: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(["decision", "givenBy"]);
    const noAgency = await priya.post<{ details: Record<string, string> }>(`/api/cases/${jamie.id}/consents`, { kind: "share-with-agency", decision: "given", givenBy: "Claire" });
    expect(noAgency.body.details).toEqual({ agencyId: "Choose an agency for sharing consent, and only for sharing consent" });
  });

  it("puts prints and downloads on the trail, and shows the family only what is about records they can open", async () => {
    const claire = await signIn(server.url, "claire.walker");
    expect((await priya.post(`/api/documents/${planId}/printed`, undefined)).status).toBe(204);
    const professionals = (await priya.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body.find((m) => m.type === "professionals")!;
    const pdf = await fetch(`${server.url}/api/meetings/${professionals.id}/minutes.pdf`, { headers: { cookie: priya.cookie } });
    expect(pdf.status).toBe(200);
    const trail = (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit`)).body;
    expect(trail.find((e) => e.action === "printed")).toMatchObject({ person: { name: "Priya Shah" }, document: { id: planId } });
    expect(trail.find((e) => e.action === "exported")).toMatchObject({ document: { id: professionals.minutesDocumentId! }, detail: { format: "pdf", version: "agreed" } });
    const report = (await claire.get<AccessReportEntry[]>(`/api/cases/${jamie.id}/access-report`)).body;
    expect(report).toContainEqual(expect.objectContaining({ action: "printed", record: "Jamie's care plan", person: { name: "Priya Shah", role: "keyworker", agency: "Northbridge Keyworking Service" } }));
    expect(report.some((e) => e.record.includes("Professionals meeting"))).toBe(false);
    expect((await claire.post(`/api/documents/${professionals.minutesDocumentId!}/printed`, undefined)).status).toBe(404);
  });

  it("records opening a record once a visit and each editing session with its count of changes", async () => {
    const claire = await signIn(server.url, "claire.walker");
    const part = (await claire.get<DocumentDetail>(`/api/documents/${planId}`)).body.parts.find((p) => p.kind === "family-views")!;
    const first = await connectCollab(server.url, part.id, claire.cookie);
    const second = await connectCollab(server.url, part.id, claire.cookie); // another tab: same visit
    typeInto(first.doc, "Claire: Jamie is looking forward to the review.");
    typeInto(second.doc, "Claire: and to seeing Nana.");
    first.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const mid = (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit`)).body.filter((e) => e.document?.id === part.id);
    expect(mid.filter((e) => e.action === "opened")).toHaveLength(1);
    expect(mid.filter((e) => e.action === "edited")).toHaveLength(0); // still editing in the other tab
    second.destroy();
    const edited = await waitFor(async () =>
      (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit`)).body.find((e) => e.document?.id === part.id && e.action === "edited"),
    );
    expect(edited).toMatchObject({ person: { name: "Claire Walker", role: "parent" }, detail: { changes: 2 } });
    const report = (await claire.get<AccessReportEntry[]>(`/api/cases/${jamie.id}/access-report`)).body;
    expect(report).toContainEqual(expect.objectContaining({ action: "opened", record: part.title, person: expect.objectContaining({ name: "Claire Walker" }) }));
  });

  it("keeps every change on an audit trail that senior keyworkers and the service lead can read", async () => {
    const trail = await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit`);
    expect(trail.status).toBe(200);
    const actions = trail.body.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["consent-withdrawn", "consent-recorded", "member-removed", "member-added"]));
    expect(trail.body.find((e) => e.action === "member-removed")).toMatchObject({ person: { name: "Priya Shah", role: "keyworker" }, detail: { name: "Dr Ben Carter" } });
    const angela = await signIn(server.url, "angela.okafor");
    expect((await angela.get(`/api/cases/${jamie.id}/audit`)).status).toBe(200);
    expect((await priya.get(`/api/cases/${jamie.id}/audit`)).status).toBe(403);
    const claire = await signIn(server.url, "claire.walker");
    expect((await claire.get(`/api/cases/${jamie.id}/audit`)).status).toBe(403);
    const paged = (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit?limit=1&before=${trail.body[0]!.id}`)).body;
    expect(paged.map((e) => e.id)).toEqual([trail.body[1]!.id]);
    expect((await tom.get(`/api/cases/${jamie.id}/audit?limit=0`)).status).toBe(400);
    expect((await claire.get<AccessReportEntry[]>(`/api/cases/${jamie.id}/access-report`)).status).toBe(200);
    expect((await tom.get(`/api/cases/${jamie.id}/access-report`)).status).toBe(403);
  });
});

describe("the audit trail and records its reader may not open", () => {
  it("keeps a young person's own page on the trail without naming it to readers who may not open it", async () => {
    const youngPerson = await signIn(server.url, "jamie.walker");
    const ownPage = (await youngPerson.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.documents.find((d) => d.visibility === "young-person")!;
    const page = await connectCollab(server.url, ownPage.id, youngPerson.cookie);
    clients.push(page);
    expect((await tom.get(`/api/documents/${ownPage.id}`)).status).toBe(403);
    const opened = await waitFor(async () =>
      (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit`)).body.find((e) => e.document?.id === ownPage.id && e.action === "opened"),
    );
    expect(opened).toMatchObject({ person: { name: "Jamie Walker" }, document: { title: "A record you cannot open" } });
    expect(JSON.stringify((await tom.get(`/api/cases/${jamie.id}/audit`)).body)).not.toContain(ownPage.title);
  });
});

describe("signing out, and changes that land while a connection is being let in", () => {
  it("closes the documents and presence sockets opened with a session when it signs out, and no other session's", async () => {
    const [leaving, staying] = [await signIn(server.url, "tom.hughes"), await signIn(server.url, "tom.hughes")];
    const { closed } = await openPlan(leaving);
    const { client: other } = await openPlan(staying);
    const leavingSocket = await presenceSocket(leaving, `case:${jamie.id}`);
    const stayingSocket = await presenceSocket(staying, `case:${jamie.id}`);
    const disconnected = new Promise<string>((resolve) => leavingSocket.once("disconnect", resolve));
    const started = performance.now();
    expect((await leaving.post("/api/auth/logout", {})).status).toBe(204);
    const close = await closed;
    expect(close.code).toBe(4401);
    expect(close.reason).toBe("You have signed out");
    expect(close.at - started).toBeLessThan(1000);
    expect(await disconnected).toBe("io server disconnect");
    // Tom's other session (another device) carries on.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stayingSocket.connected).toBe(true);
    expect(other.provider.wsconnected).toBe(true);
  });

  it("closes what the previous person had open when someone else signs in on the same browser", async () => {
    const before = await signIn(server.url, "tom.hughes");
    const { closed } = await openPlan(before);
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { cookie: before.cookie, "content-type": "application/json" },
      body: JSON.stringify({ email: "claire.walker@roundtable.demo", password: "roundtable-demo" }),
    });
    expect(res.status).toBe(200);
    expect((await closed).code).toBe(4401);
    expect((await before.get("/api/me")).status).toBe(401);
  });

  it("closes the sockets of a session that expires while they are open", async () => {
    const expiring = await signIn(server.url, "tom.hughes");
    const { closed } = await openPlan(expiring);
    const socket = await presenceSocket(expiring, `case:${jamie.id}`);
    const disconnected = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    const token = decodeURIComponent(expiring.cookie.split("=")[1]!);
    await server.database.db.update(schema.sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.sessions.id, sessionIdOf(token)));
    const close = await closed;
    expect(close.code).toBe(4401);
    expect(close.reason).toBe("Your session has ended. Sign in again to carry on.");
    expect(await disconnected).toBe("io server disconnect");
    expect((await expiring.get("/api/me")).status).toBe(401);
  });

  it("closes a connection let in while the person was being removed, however the two interleave", async () => {
    const lucy = await signIn(server.url, "lucy.evans");
    const lucyId = jamie.team.find((m) => m.name === "Lucy Evans")!.personId;
    const url = `${server.url.replace("http", "ws")}/collab/${planId}`;
    const leftOpen: number[] = [];
    const leftInRoom: number[] = [];
    const lucyPresence = await presenceSocket(lucy, `case:${jamie.id}`);
    let revoked = 0;
    lucyPresence.on("access:revoked", () => revoked++);
    for (let round = 0; round < 12; round++) {
      const revokedBefore = revoked;
      const joined = lucyPresence.emitWithAck("presence:join", { room: `case:${jamie.id}` }) as Promise<{ ok: boolean }>;
      const sockets = Array.from({ length: 4 }, () => new WebSocket(url, { headers: { cookie: lucy.cookie } }));
      const settled = sockets.map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.on("unexpected-response", () => resolve());
            ws.on("close", () => resolve());
            ws.on("error", () => resolve());
          }),
      );
      // Let the upgrades get under way, then remove her part-way through.
      await new Promise((resolve) => setTimeout(resolve, round % 4));
      expect((await priya.delete(`/api/cases/${jamie.id}/members/${lucyId}`)).status).toBe(204);
      await Promise.race([Promise.all(settled), new Promise((resolve) => setTimeout(resolve, 1500))]);
      leftOpen.push(sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length);
      // In the room only if let in and never put out again.
      leftInRoom.push((await joined).ok && revoked === revokedBefore ? 1 : 0);
      for (const ws of sockets) ws.terminate();
      expect((await priya.post(`/api/cases/${jamie.id}/members`, { personId: lucyId })).status).toBe(204);
    }
    expect(leftOpen).toEqual(leftOpen.map(() => 0));
    expect(leftInRoom).toEqual(leftInRoom.map(() => 0));
  });
});
