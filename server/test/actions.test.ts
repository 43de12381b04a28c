import { randomUUID } from "node:crypto";
import type { Action, ActionEvent, CaseDetail } from "@roundtable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let mark: SignedIn;
let caseId: string;
let documentId: string;
let team: CaseDetail["team"];
const clients: CollabClient[] = [];

async function open(who: SignedIn): Promise<CollabClient> {
  const c = await connectCollab(server.url, documentId, who.cookie);
  clients.push(c);
  return c;
}

/** What any y-websocket client can do: insert a plain Y.XmlElement("actionItem"). */
function addAction(doc: Y.Doc, text: string, attrs: Record<string, string>): string {
  const id = randomUUID();
  const el = new Y.XmlElement("actionItem");
  el.setAttribute("id", id);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment("default");
  fragment.insert(fragment.length, [el]);
  return id;
}

function attrsOf(doc: Y.Doc, id: string): Record<string, unknown> | undefined {
  for (const el of doc.getXmlFragment("default").createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === "actionItem")) {
    const attrs = (el as Y.XmlElement).getAttributes() as Record<string, unknown>;
    if (attrs.id === id) return attrs;
  }
  return undefined;
}

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  mark = await signIn(server.url, "mark.davies");
  ({ caseId, documentId } = await carePlanOf(priya, "Jamie Walker"));
  team = (await priya.get<CaseDetail>(`/api/cases/${caseId}`)).body.team;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

const personId = (name: string) => team.find((m) => m.name === name)!.personId;

describe("actions tracked from documents", () => {
  it("projects an action typed into a document into the actions table within a second", async () => {
    const editor = await open(priya);
    const started = Date.now();
    const id = addAction(editor.doc, "Write a part-time timetable with Jamie", { ownerId: personId("Mark Davies"), dueDate: "2026-12-12", status: "open" });
    const found = await waitFor(async () => (await priya.get<Action[]>(`/api/actions?caseId=${caseId}`)).body.find((a) => a.id === id), {
      timeoutMs: 1000,
      what: "the action to be projected",
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(found).toMatchObject({ caseId, documentId, text: "Write a part-time timetable with Jamie", ownerName: "Mark Davies", dueDate: "2026-12-12", status: "open", section: "Contacts" });
    const mine = (await mark.get<Action[]>("/api/actions?owner=me")).body;
    expect(mine.map((a) => a.id)).toContain(id);
  });

  it("applies a status change made through the API to every open editor", async () => {
    const a = await open(priya);
    const b = await open(mark);
    const id = addAction(a.doc, "Ask transport about a smaller minibus", { ownerId: personId("Mark Davies"), status: "open" });
    await waitFor(async () => (await mark.get(`/api/actions/${id}`)).status === 200, { what: "projection" });
    const res = await mark.patch<Action>(`/api/actions/${id}`, { status: "done" });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("done");
    await waitFor(() => attrsOf(a.doc, id)?.status === "done" && attrsOf(b.doc, id)?.status === "done", { timeoutMs: 1000, what: "both editors to show done" });
    const events = (await priya.get<ActionEvent[]>(`/api/actions/${id}/events`)).body;
    expect(events.map((e) => [e.field, e.from, e.to, e.by?.name])).toEqual([
      ["created", null, "Ask transport about a smaller minibus", "Priya Shah"],
      ["status", "open", "done", "Mark Davies"],
    ]);
  });

  it("marks an action blocked with what is holding it up, shows the reason to every editor, and clears it when unblocked", async () => {
    const editor = await open(priya);
    const id = addAction(editor.doc, "Find a tutor for the afternoons", { ownerId: personId("Mark Davies"), status: "in-progress" });
    await waitFor(async () => (await mark.get(`/api/actions/${id}`)).status === 200, { what: "projection" });
    const withoutReason = await mark.patch<{ details: Record<string, string> }>(`/api/actions/${id}`, { status: "blocked" });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.details.blockedReason).toBe("Say what is holding it up");
    const reasonAlone = await mark.patch<{ details: Record<string, string> }>(`/api/actions/${id}`, { blockedReason: "Waiting" });
    expect(reasonAlone.status).toBe(400);
    const blocked = await mark.patch<Action>(`/api/actions/${id}`, { status: "blocked", blockedReason: "  Waiting for the tuition budget  " });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ status: "blocked", blockedReason: "Waiting for the tuition budget" });
    await waitFor(() => attrsOf(editor.doc, id)?.blockedReason === "Waiting for the tuition budget", { what: "the reason in the editor" });
    // Saying it is blocked again, without a reason, keeps the one it has.
    expect((await mark.patch<Action>(`/api/actions/${id}`, { status: "blocked" })).body.blockedReason).toBe("Waiting for the tuition budget");
    const unblocked = await mark.patch<Action>(`/api/actions/${id}`, { status: "in-progress" });
    expect(unblocked.body).toMatchObject({ status: "in-progress", blockedReason: null });
    await waitFor(() => attrsOf(editor.doc, id) !== undefined && attrsOf(editor.doc, id)!.blockedReason === undefined, { what: "the reason cleared in the editor" });
    // The status and its reason change in one save, so they share a moment: grouped by moment, in order.
    const events = (await priya.get<ActionEvent[]>(`/api/actions/${id}/events`)).body;
    const moments = [...new Set(events.map((e) => e.at))].map((at) =>
      events
        .filter((e) => e.at === at)
        .map((e) => `${e.field}:${e.from}->${e.to}`)
        .sort(),
    );
    expect(moments).toEqual([
      ["created:null->Find a tutor for the afternoons"],
      ["blockedReason:null->Waiting for the tuition budget", "status:in-progress->blocked"],
      ["blockedReason:Waiting for the tuition budget->null", "status:blocked->in-progress"],
    ]);
  });

  it("moves a due date and clears it, recording each change", async () => {
    const editor = await open(priya);
    const id = addAction(editor.doc, "Book the review room", { dueDate: "2026-12-01" });
    await waitFor(async () => (await priya.get(`/api/actions/${id}`)).status === 200);
    expect((await priya.patch<Action>(`/api/actions/${id}`, { dueDate: "2026-12-08" })).body.dueDate).toBe("2026-12-08");
    expect((await priya.patch<Action>(`/api/actions/${id}`, { dueDate: null })).body.dueDate).toBeNull();
    await waitFor(() => attrsOf(editor.doc, id) !== undefined && attrsOf(editor.doc, id)!.dueDate === undefined, { what: "the date to be cleared in the editor" });
    const fields = (await priya.get<ActionEvent[]>(`/api/actions/${id}/events`)).body.map((e) => `${e.field}:${e.from}->${e.to}`);
    expect(fields).toEqual(["created:null->Book the review room", "dueDate:2026-12-01->2026-12-08", "dueDate:2026-12-08->null"]);
  });

  it("marks an action deleted from its document as removed, keeping its history", async () => {
    const editor = await open(priya);
    const id = addAction(editor.doc, "This will be deleted", { status: "open" });
    await waitFor(async () => (await priya.get(`/api/actions/${id}`)).status === 200);
    const fragment = editor.doc.getXmlFragment("default");
    const index = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute("id") === id);
    fragment.delete(index, 1);
    const removed = await waitFor(async () => {
      const a = (await priya.get<Action>(`/api/actions/${id}`)).body;
      return a.removedAt ? a : null;
    }, { what: "the action to be marked removed" });
    expect(removed.text).toBe("This will be deleted");
    expect((await priya.get<Action[]>(`/api/actions?caseId=${caseId}`)).body.map((a) => a.id)).not.toContain(id);
    expect((await priya.get<ActionEvent[]>(`/api/actions/${id}/events`)).body.map((e) => e.field)).toEqual(["created", "removed"]);
    expect((await priya.patch(`/api/actions/${id}`, { status: "done" })).status).toBe(409);
  });

  it("treats an owner who is not on the case as no owner", async () => {
    const editor = await open(priya);
    const id = addAction(editor.doc, "Owner from nowhere", { ownerId: randomUUID() });
    const a = await waitFor(async () => (await priya.get<Action[]>(`/api/actions?caseId=${caseId}`)).body.find((x) => x.id === id));
    expect(a.ownerId).toBeNull();
  });

  it("refuses bad changes with clear errors", async () => {
    const editor = await open(priya);
    const id = addAction(editor.doc, "Check the crisis plan", { ownerId: personId("Dr Ben Carter") });
    await waitFor(async () => (await priya.get(`/api/actions/${id}`)).status === 200);
    expect((await priya.patch(`/api/actions/${id}`, {})).status).toBe(400);
    expect((await priya.patch(`/api/actions/${id}`, { status: "finished" })).status).toBe(400);
    expect((await priya.patch(`/api/actions/${id}`, { dueDate: "31/12/2026" })).status).toBe(400);
    const stranger = await priya.patch<{ details: Record<string, string> }>(`/api/actions/${id}`, { ownerId: randomUUID() });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details.ownerId).toMatch(/team/);
    const angela = await signIn(server.url, "angela.okafor"); // service lead: reads, does not edit
    expect((await angela.patch(`/api/actions/${id}`, { status: "done" })).status).toBe(403);
    const daniel = await signIn(server.url, "daniel.reid"); // not on Jamie's case
    expect((await daniel.patch(`/api/actions/${id}`, { status: "done" })).status).toBe(404);
    expect((await daniel.get<Action[]>(`/api/actions?caseId=${caseId}`)).body).toEqual([]);
  });

  it("filters by agency: actions given to the agency and to the people who work there", async () => {
    const editor = await open(priya);
    const agencies = (await priya.get<CaseDetail>(`/api/cases/${caseId}`)).body.agencies;
    const school = agencies.find((a) => a.name === "Riverside Academy")!.id;
    const camhs = agencies.find((a) => a.name === "Northbridge CAMHS")!.id;
    const toMark = addAction(editor.doc, "For the SENCO", { ownerId: personId("Mark Davies") });
    const toSchool = addAction(editor.doc, "For whoever the school names", { ownerAgencyId: school });
    const toCamhs = addAction(editor.doc, "For CAMHS", { ownerAgencyId: camhs });
    await waitFor(async () => (await priya.get(`/api/actions/${toCamhs}`)).status === 200);
    const ids = (await priya.get<Action[]>(`/api/actions?caseId=${caseId}&agencyId=${school}`)).body.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([toMark, toSchool]));
    expect(ids).not.toContain(toCamhs);
    expect((await priya.get(`/api/actions?limit=0`)).status).toBe(400);
  });

  it("lists overdue actions only when they are past due and not finished", async () => {
    const editor = await open(priya);
    const late = addAction(editor.doc, "Late one", { dueDate: "2020-01-01", status: "open" });
    const lateButDone = addAction(editor.doc, "Late but done", { dueDate: "2020-01-01", status: "done" });
    await waitFor(async () => (await priya.get(`/api/actions/${lateButDone}`)).status === 200);
    const overdue = (await priya.get<Action[]>(`/api/actions?caseId=${caseId}&overdue=true`)).body;
    expect(overdue.map((a) => a.id)).toContain(late);
    expect(overdue.map((a) => a.id)).not.toContain(lateButDone);
    expect(overdue.every((a) => a.overdue)).toBe(true);
  });

  it("keeps recently finished actions and leaves out older ones when asked to", async () => {
    const editor = await open(priya);
    const toDo = addAction(editor.doc, "Still to do", { ownerId: personId("Mark Davies"), status: "open" });
    const finished = addAction(editor.doc, "Finished just now", { ownerId: personId("Mark Davies"), status: "done" });
    await waitFor(async () => (await mark.get(`/api/actions/${finished}`)).status === 200);
    const ids = async (days: number) =>
      (await mark.get<Action[]>(`/api/actions?owner=me&closedWithinDays=${days}`)).body.map((a) => a.id);
    expect(await ids(30)).toEqual(expect.arrayContaining([toDo, finished]));
    const withoutFinished = await ids(0);
    expect(withoutFinished).toContain(toDo);
    expect(withoutFinished).not.toContain(finished);
    expect((await mark.get("/api/actions?closedWithinDays=-1")).status).toBe(400);
  });

  it("counts the limit in actions the person may see, not rows hidden from them", async () => {
    const editor = await open(priya);
    // The earliest-due action in the service is on Jamie's case, which Daniel is not part of (a parent has no overdue list: his own list is asked for).
    const hidden = addAction(editor.doc, "Long overdue on Jamie's case", { dueDate: "1999-01-01", status: "open" });
    await waitFor(async () => (await priya.get(`/api/actions/${hidden}`)).status === 200);
    const daniel = await signIn(server.url, "daniel.reid");
    const all = (await daniel.get<Action[]>("/api/actions")).body;
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((a) => a.id)).not.toContain(hidden);
    const first = (await daniel.get<Action[]>("/api/actions?limit=1")).body;
    expect(first.map((a) => a.id)).toEqual([all[0]!.id]);
  });
});
