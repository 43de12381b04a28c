/**
 * Where an action is filed, and who is told it changed. A section heading's case counts only in
 * a meeting's minutes and only for the meeting's own cases; news of changed actions reaches only
 * people who may open the document they live in.
 */
import { randomUUID } from "node:crypto";
import type { Action, CaseDetail, CaseSummary, Meeting } from "@roundtable/domain";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { casesNamed, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let claire: SignedIn;
let jamie: CaseSummary;
let aisha: CaseSummary;
let jamiePlanId: string;
let team: CaseDetail["team"];
const clients: CollabClient[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  [priya, claire] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "claire.walker")]);
  [jamie, aisha] = await casesNamed(priya, "Jamie Walker", "Aisha Reid");
  const detail = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body;
  team = detail.team;
  jamiePlanId = detail.documents.find((d) => d.kind === "care-plan")!.id;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.close();
});

const idOf = (name: string) => team.find((m) => m.name === name)!.personId;

async function open(documentId: string, who: SignedIn): Promise<CollabClient> {
  const c = await connectCollab(server.url, documentId, who.cookie);
  clients.push(c);
  return c;
}

/** Priya books a meeting and opens its minutes. */
async function bookAndOpenMinutes(booking: Record<string, unknown>): Promise<CollabClient> {
  const booked = await priya.post<Meeting>("/api/meetings", { location: "Northbridge Civic Centre, room 2", ...booking });
  expect(booked.status).toBe(201);
  return open(booked.body.minutesDocumentId!, priya);
}

/** A heading naming a case (as tracker minutes have), then an action under it. */
function addCaseSection(doc: Y.Doc, caseId: string, text: string, ownerId: string): string {
  const id = randomUUID();
  const heading = new Y.XmlElement("heading");
  heading.setAttribute("level", "2");
  heading.setAttribute("caseId", caseId);
  heading.insert(0, [new Y.XmlText("Another child")]);
  const action = new Y.XmlElement("actionItem");
  action.setAttribute("id", id);
  action.setAttribute("ownerId", ownerId);
  action.setAttribute("status", "open");
  action.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment("default");
  fragment.insert(fragment.length, [heading, action]);
  return id;
}

async function trackedAction(id: string): Promise<Action> {
  return waitFor(async () => (await priya.get<Action[]>(`/api/actions?owner=${idOf("Priya Shah")}`)).body.find((a) => a.id === id), {
    timeoutMs: 3000,
    what: "the action to be tracked",
  });
}

async function watchCase(who: SignedIn): Promise<string[][]> {
  const socket = io(server.url, { extraHeaders: { cookie: who.cookie }, transports: ["websocket"] });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  expect(await socket.emitWithAck("presence:join", { room: `case:${jamie.id}` })).toMatchObject({ ok: true });
  const heard: string[][] = [];
  socket.on("actions:changed", (m: { actionIds: string[] }) => heard.push(m.actionIds));
  return heard;
}

describe("filing actions under a case", () => {
  it("files an action in a care plan under the plan's own case, whatever case a heading names", async () => {
    const editor = await open(jamiePlanId, priya);
    const id = addCaseSection(editor.doc, aisha.id, "Filed under the wrong child?", idOf("Priya Shah"));
    const action = await trackedAction(id);
    expect(action.caseId).toBe(jamie.id);
    expect((await priya.get<Action[]>(`/api/actions?caseId=${aisha.id}`)).body.map((a) => a.id)).not.toContain(id);
  });

  it("honours a heading's case in minutes only for a case the meeting covers", async () => {
    const minutes = await bookAndOpenMinutes({ type: "review", startsAt: "2026-12-10T10:00:00Z", caseId: jamie.id, inviteeIds: [idOf("Mark Davies")] });
    const outside = addCaseSection(minutes.doc, aisha.id, "Not this meeting's child", idOf("Priya Shah"));
    expect((await trackedAction(outside)).caseId).toBe(jamie.id);

    const trackerMinutes = await bookAndOpenMinutes({ type: "tracker", startsAt: "2026-12-11T10:00:00Z", caseIds: [jamie.id, aisha.id], inviteeIds: [] });
    const inside = addCaseSection(trackerMinutes.doc, aisha.id, "This meeting's other child", idOf("Priya Shah"));
    expect((await trackedAction(inside)).caseId).toBe(aisha.id);
  });
});

describe("news that actions changed", () => {
  it("reaches the family for a care plan's actions but never for a professionals meeting's", async () => {
    const claireHeard = await watchCase(claire);
    const priyaHeard = await watchCase(priya);
    const minutes = await bookAndOpenMinutes({ type: "professionals", startsAt: "2026-12-12T10:00:00Z", caseId: jamie.id, inviteeIds: [idOf("Mark Davies")] });
    const hidden = addCaseSection(minutes.doc, jamie.id, "Speak to the out-of-hours team", idOf("Priya Shah"));
    await waitFor(async () => priyaHeard.some((ids) => ids.includes(hidden)) || undefined, { timeoutMs: 3000, what: "Priya to hear of the change" });

    // A change Claire may see, sent after the hidden one: once she hears it, she would have heard both.
    const plan = await open(jamiePlanId, priya);
    const shown = addCaseSection(plan.doc, jamie.id, "Send Claire the new timetable", idOf("Priya Shah"));
    await waitFor(async () => claireHeard.some((ids) => ids.includes(shown)) || undefined, { timeoutMs: 3000, what: "Claire to hear of the care plan change" });
    expect(claireHeard.flat()).not.toContain(hidden);
    expect(claireHeard.flat()).toContain(shown);
  });
});

describe("an action copied into another document", () => {
  it("becomes a new action there, and the original's history never shows the copy's words", async () => {
    const claire = await signIn(server.url, "claire.walker");
    const plan = await open(jamiePlanId, priya);
    const originalId = addCaseSection(plan.doc, jamie.id, "Offer Claire a carers' assessment", idOf("Priya Shah"));
    await trackedAction(originalId);

    const notes = (await priya.post<{ id: string }>(`/api/cases/${jamie.id}/documents`, { kind: "notes", title: "Professionals' notes", visibility: "professionals" })).body;
    const copyDoc = await open(notes.id, priya);
    const pasted = new Y.XmlElement("actionItem");
    pasted.setAttribute("id", originalId);
    pasted.setAttribute("status", "open");
    pasted.insert(0, [new Y.XmlText("Worried about how mum is coping")]);
    copyDoc.doc.getXmlFragment("default").push([pasted]);

    // The server gives the copy an id of its own, in the document, and tracks it there.
    const newId = await waitFor(
      () => {
        const id = pasted.getAttribute("id");
        return id && id !== originalId ? id : undefined;
      },
      { timeoutMs: 3000, what: "the copy to get its own id" },
    );
    const copy = await waitFor(async () => (await priya.get<Action[]>(`/api/actions?caseId=${jamie.id}`)).body.find((a) => a.id === newId), {
      timeoutMs: 3000,
      what: "the copy to be tracked",
    });
    expect(copy).toMatchObject({ documentId: notes.id, text: "Worried about how mum is coping" });

    const original = (await priya.get<Action>(`/api/actions/${originalId}`)).body;
    expect(original).toMatchObject({ documentId: jamiePlanId, text: "Offer Claire a carers' assessment" });
    const history = await claire.get<{ toValue?: string; to?: string }[]>(`/api/actions/${originalId}/events`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain("coping");
    expect((await claire.get(`/api/actions/${newId}/events`)).status).toBe(404);
  });
});
