import { carePlanSections, type DocumentDetail } from "@roundtable/domain";
import { schema } from "@roundtable/db";
import { eq } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, typeInto, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let claire: SignedIn;
let mark: SignedIn;
let documentId: string;
const clients: CollabClient[] = [];

async function open(who: SignedIn, id = documentId): Promise<CollabClient> {
  const c = await connectCollab(server.url, id, who.cookie);
  clients.push(c);
  return c;
}

async function updateRows(id: string) {
  await server.registry.updateLog.drain();
  return server.database.db.select().from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, id));
}

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  claire = await signIn(server.url, "claire.walker");
  mark = await signIn(server.url, "mark.davies");
  documentId = (await carePlanOf(priya, "Jamie Walker")).documentId;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

describe("the collab endpoint", () => {
  it("serves the seeded care plan with every section", async () => {
    const c = await open(priya);
    for (const s of carePlanSections) expect(c.text()).toContain(s.heading);
  });

  it("makes two clients converge and logs every update", async () => {
    const a = await open(priya);
    const b = await open(mark);
    const before = (await updateRows(documentId)).length;
    typeInto(a.doc, "Priya: Jamie had a good week at the quiet room.");
    typeInto(b.doc, "Mark: he slept better too.");
    await waitFor(() => a.text().includes("slept better") && b.text().includes("quiet room"), { what: "convergence" });
    expect(a.text()).toBe(b.text());
    const rows = await updateRows(documentId);
    expect(rows.length - before).toBe(2);
    expect(new Set(rows.slice(-2).map((r) => r.authorId))).toEqual(new Set([priya.personId, mark.personId]));
  });

  it("drops a parent's typing in the care plan but keeps it in the family's own part", async () => {
    const plan = (await claire.get<DocumentDetail>(`/api/documents/${documentId}`)).body;
    expect(plan.access).toBe("comment");
    const familyPart = plan.parts.find((p) => p.kind === "family-views")!;
    expect(familyPart).toMatchObject({ title: "What my family says (Jamie's care plan)", access: "edit" });
    const inPlan = await open(claire);
    const inOwnPart = await open(claire, familyPart.id);
    const watcher = await open(priya, familyPart.id);
    const planBefore = (await updateRows(documentId)).length;
    typeInto(inPlan.doc, "Claire typed this into the plan.");
    typeInto(inOwnPart.doc, "Claire: Jamie wants Nana at the review.");
    await waitFor(() => watcher.text().includes("Nana at the review"), { what: "the family's words reaching Priya" });
    expect((await updateRows(familyPart.id)).some((r) => r.authorId === claire.personId)).toBe(true);
    expect((await updateRows(documentId)).length).toBe(planBefore);
    expect((await open(priya)).text()).not.toContain("Claire typed this into the plan.");
  });

  it("keeps the young person's and their own keyworker's writing in their own part, each as its author, and drops the SENCO's", async () => {
    const jamie = await signIn(server.url, "jamie.walker");
    const plan = (await jamie.get<DocumentDetail>(`/api/documents/${documentId}`)).body;
    const ownWords = plan.parts.find((p) => p.kind === "young-person-views")!;
    expect(ownWords).toMatchObject({ title: "In my own words (Jamie's care plan)", access: "edit" });
    const byJamie = await open(jamie, ownWords.id);
    const byPriya = await open(priya, ownWords.id);
    const byMark = await open(mark, ownWords.id);
    const before = (await updateRows(ownWords.id)).length;
    typeInto(byJamie.doc, "Jamie: I want to learn to drive a bus.");
    typeInto(byPriya.doc, "Priya, as Jamie asked: he wants to visit the bus depot.");
    typeInto(byMark.doc, "Mark typed this into Jamie's own words.");
    await waitFor(() => byJamie.text().includes("bus depot") && byPriya.text().includes("drive a bus"), { what: "Jamie's and Priya's words meeting" });
    const rows = (await updateRows(ownWords.id)).slice(before);
    expect(new Set(rows.map((r) => r.authorId))).toEqual(new Set([jamie.personId, priya.personId]));
    expect((await open(claire, ownWords.id)).text()).not.toContain("Mark typed this");
  });

  it("gives a client joining late the full state", async () => {
    const a = await open(priya);
    typeInto(a.doc, "Written before anyone else arrived.");
    await waitFor(async () => (await updateRows(documentId)).length > 0);
    const late = await open(claire);
    expect(late.text()).toBe(a.text());
    expect(late.text()).toContain("Written before anyone else arrived.");
  });

  it("refuses an upgrade without a session, for an unknown document, or for a case the person is not on", async () => {
    expect(await upgradeStatus(server.url, documentId)).toBe(401);
    expect(await upgradeStatus(server.url, documentId, "rt_session=forged")).toBe(401);
    expect(await upgradeStatus(server.url, "00000000-0000-4000-8000-000000000000", priya.cookie)).toBe(404);
    expect(await upgradeStatus(server.url, "not-a-uuid", priya.cookie)).toBe(404);
    const daniel = await signIn(server.url, "daniel.reid");
    expect(await upgradeStatus(server.url, documentId, daniel.cookie)).toBe(404);
    expect(await upgradeStatus(server.url, documentId, priya.cookie)).toBe("open");
  });

  it("drops a read-only client's edits: they reach neither others nor the log", async () => {
    const angela = await signIn(server.url, "angela.okafor"); // service lead: reads the whole service
    const reader = await open(angela);
    const editor = await open(priya);
    const before = (await updateRows(documentId)).length;
    typeInto(reader.doc, "A service lead should not be able to write this.");
    typeInto(editor.doc, "Marker from the keyworker.");
    await waitFor(() => reader.text().includes("Marker from the keyworker."), { what: "the editor's marker" });
    expect(editor.text()).not.toContain("should not be able");
    const rows = await updateRows(documentId);
    expect(rows.length - before).toBe(1);
    expect(rows.at(-1)!.authorId).toBe(priya.personId);
    const fresh = await open(claire);
    expect(fresh.text()).not.toContain("should not be able");
  });

  it("closes only the connection that sends a malformed frame", async () => {
    const good = await open(priya);
    const other = await open(claire);
    const bad = new WebSocket(`${server.url.replace("http", "ws")}/collab/${documentId}`, { headers: { cookie: priya.cookie } });
    await new Promise((r) => bad.once("open", r));
    const closed = new Promise<{ code: number; reason: string }>((r) => bad.once("close", (code, reason) => r({ code, reason: reason.toString() })));
    bad.send(new Uint8Array([0, 2, 250, 250, 250, 1, 2, 3]));
    expect(await closed).toEqual({ code: 1007, reason: "Truncated message" });

    const text = new WebSocket(`${server.url.replace("http", "ws")}/collab/${documentId}`, { headers: { cookie: priya.cookie } });
    await new Promise((r) => text.once("open", r));
    const textClosed = new Promise<number>((r) => text.once("close", (code) => r(code)));
    text.send("hello");
    expect(await textClosed).toBe(1003);

    typeInto(good.doc, "Still working after the bad frame.");
    await waitFor(() => other.text().includes("Still working after the bad frame."), { what: "delivery after a bad frame" });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("closes a connection that sends an oversized message, with a reason", async () => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${documentId}`, { headers: { cookie: priya.cookie } });
    await new Promise((r) => ws.once("open", r));
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.once("close", (code, reason) => r({ code, reason: reason.toString() })));
    ws.send(new Uint8Array(1024 * 1024 + 10));
    const { code, reason } = await closed;
    expect(code).toBe(1009);
    expect(reason).toMatch(/too large/);
  });

  it("acknowledges durable edits to clients that ask", async () => {
    const c = await connectCollab(server.url, documentId, priya.cookie, { persisted: "1" });
    clients.push(c);
    const acked: number[] = [];
    c.provider.messageHandlers[100] = (_enc, decoder) => {
      const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      acked.push(stateVector.get(c.doc.clientID) ?? 0);
    };
    typeInto(c.doc, "Please confirm this is saved.");
    const clock = Y.getState(c.doc.store, c.doc.clientID);
    expect(clock).toBeGreaterThan(0);
    await waitFor(() => acked.some((n) => n >= clock), { what: "an ack covering the edit" });
    const stored = Y.mergeUpdates((await updateRows(documentId)).map((r) => r.update));
    expect(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(stored)).get(c.doc.clientID)).toBe(clock);
  });
});
