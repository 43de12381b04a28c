import { randomUUID } from "node:crypto";
import { actionItem } from "@roundtable/collab";
import { isFamilyRole, type Action, type CaseDetail, type CaseSummary, type DocNode, type DocumentDetail, type Meeting, type MeetingContribution, type VersionText } from "@roundtable/domain";
import { schema } from "@roundtable/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { casesNamed, caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let mark: SignedIn;
let claire: SignedIn;
let jamie: CaseSummary;
let aisha: CaseSummary;
let team: CaseDetail["team"];
const clients: CollabClient[] = [];

beforeAll(async () => {
  [priya, mark, claire] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "mark.davies"), signIn(server.url, "claire.walker")]);
  [jamie, aisha] = await casesNamed(priya, "Jamie Walker", "Aisha Reid");
  team = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

const idOf = (name: string) => team.find((m) => m.name === name)!.personId;

async function bookTracker(): Promise<Meeting> {
  const res = await priya.post<Meeting>("/api/meetings", {
    type: "tracker",
    startsAt: "2026-12-03T10:00:00Z",
    location: "Northbridge Civic Centre, room 2",
    caseIds: [jamie.id, aisha.id],
    inviteeIds: [idOf("Mark Davies")],
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe("meetings", () => {
  it("books a tracker meeting reviewing two cases, with minutes that have a section per case", async () => {
    const meeting = await bookTracker();
    expect(meeting).toMatchObject({ type: "tracker", status: "scheduled", visibility: "professionals", chair: { name: "Priya Shah" }, caseId: null });
    expect(meeting.cases.map((c) => c.name)).toEqual(["Jamie Walker", "Aisha Reid"]);
    expect(meeting.title).toBe("Tracker meeting, Thu 3 Dec 2026");
    const minutes = await connectCollab(server.url, meeting.minutesDocumentId!, mark.cookie);
    clients.push(minutes);
    expect(minutes.text()).toContain("Review: Jamie Walker");
    // Each child's section is a document of its own, in the meeting's order (ADR 0017).
    expect(meeting.caseMinutes.map((m) => m.caseId)).toEqual([jamie.id, aisha.id]);
    const aishaSection = await connectCollab(server.url, meeting.caseMinutes[1]!.documentId, mark.cookie);
    clients.push(aishaSection);
    expect(aishaSection.text()).toContain("Aisha Reid");
    expect(aishaSection.text()).not.toContain("/action");
    const listed = (await mark.get<Meeting[]>(`/api/cases/${aisha.id}/meetings`)).body;
    expect(listed.map((m) => m.id)).toContain(meeting.id);
  });

  it("never lets a family account list or open a professionals meeting, over REST or the websocket", async () => {
    const meeting = await bookTracker();
    expect((await claire.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    expect((await claire.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body.map((m) => m.id)).not.toContain(meeting.id);
    expect((await claire.get(`/api/documents/${meeting.minutesDocumentId!}`)).status).toBe(404);
    expect((await claire.get(`/api/meetings/${meeting.id}/contributions`)).status).toBe(404);
    expect((await claire.post(`/api/meetings/${meeting.id}/contributions`, { text: "hello" })).status).toBe(404);
    expect((await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { cookie: claire.cookie } })).status).toBe(404);
    expect(await upgradeStatus(server.url, meeting.minutesDocumentId!, claire.cookie)).toBe(404);
    const jamieYoungPerson = await signIn(server.url, "jamie.walker");
    expect(await upgradeStatus(server.url, meeting.minutesDocumentId!, jamieYoungPerson.cookie)).toBe(404);
    expect(await upgradeStatus(server.url, meeting.minutesDocumentId!, mark.cookie)).toBe("open");
  });

  it("tracks an action written in a tracker meeting against the case whose section it is in", async () => {
    const meeting = await bookTracker();
    const section = meeting.caseMinutes.find((m) => m.caseId === aisha.id)!.documentId;
    const minutes = await connectCollab(server.url, section, priya.cookie);
    clients.push(minutes);
    const fragment = minutes.doc.getXmlFragment("default");
    const aishaAt = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute("caseId") === aisha.id);
    const id = randomUUID();
    const el = new Y.XmlElement("actionItem");
    el.setAttribute("id", id);
    el.setAttribute("ownerId", idOf("Mark Davies"));
    el.setAttribute("dueDate", "2026-12-15");
    el.insert(0, [new Y.XmlText("Ask transport about a smaller minibus")]);
    fragment.insert(aishaAt + 6, [el]);
    const action = await waitFor(async () => (await mark.get<Action[]>("/api/actions?owner=me")).body.find((a) => a.id === id), { timeoutMs: 1000 });
    expect(action).toMatchObject({ caseId: aisha.id, meetingId: meeting.id, documentId: section, caseName: "Aisha Reid", section: "Actions" });
    // Claire cannot see actions from a professionals meeting, even on her child's case.
    expect((await claire.get<Action[]>(`/api/actions?caseId=${jamie.id}`)).body.map((a) => a.meetingId)).not.toContain(meeting.id);
  });

  it("runs the lifecycle, freezing the minutes as named versions, and refuses steps out of order", async () => {
    const meeting = await bookTracker();
    expect((await priya.post(`/api/meetings/${meeting.id}/commands`, { command: "end" })).status).toBe(409);
    expect((await priya.post<Meeting>(`/api/meetings/${meeting.id}/commands`, { command: "start" })).body.status).toBe("in-progress");
    const minutes = await connectCollab(server.url, meeting.minutesDocumentId!, priya.cookie);
    clients.push(minutes);
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Jamie is back in school two mornings a week.")]);
    minutes.doc.getXmlFragment("default").push([p]);
    await waitFor(() => server.registry.updateLog.written > 0);
    expect((await mark.post(`/api/meetings/${meeting.id}/commands`, { command: "end" })).status).toBe(403);
    expect((await priya.post<Meeting>(`/api/meetings/${meeting.id}/commands`, { command: "end" })).body.status).toBe("ended");
    const closed = new Promise<number>((resolve) => minutes.provider.once("connection-close", (event) => resolve(event?.code ?? 0)));
    expect((await priya.post<Meeting>(`/api/meetings/${meeting.id}/commands`, { command: "agree-minutes" })).body.status).toBe("minutes-agreed");
    expect(await closed).toBe(1008);
    expect((await priya.get<DocumentDetail>(`/api/documents/${meeting.minutesDocumentId!}`)).body.access).toBe("comment");
    const versions = await server.database.db.select().from(schema.documentVersions).where(eq(schema.documentVersions.documentId, meeting.minutesDocumentId!));
    expect(versions.map((v) => v.name)).toEqual(["Minutes as the meeting ended", "Agreed minutes"]);
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, versions[0]!.state);
    expect(frozen.getXmlFragment("default").toString()).toContain("Jamie is back in school two mornings a week.");
    // Each child's section is frozen with it.
    for (const { documentId } of meeting.caseMinutes) {
      const frozenSection = await server.database.db.select().from(schema.documentVersions).where(eq(schema.documentVersions.documentId, documentId));
      expect(frozenSection.map((v) => v.name)).toEqual(["Minutes as the meeting ended", "Agreed minutes"]);
    }

    const pdf = await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { cookie: mark.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('attachment; filename="tracker-meeting-thu-3-dec-2026-2026-12-03-minutes.pdf"');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it("lets a parent invited to a review send her comments beforehand, which the chair sees, and read but not write the minutes", async () => {
    const res = await priya.post<Meeting>("/api/meetings", {
      type: "review",
      startsAt: "2026-12-10T14:00:00Z",
      caseId: jamie.id,
      inviteeIds: [idOf("Claire Walker"), idOf("Dr Ben Carter")],
    });
    expect(res.status).toBe(201);
    const meeting = res.body;
    expect(meeting.visibility).toBe("family");
    const sent = await claire.post<MeetingContribution>(`/api/meetings/${meeting.id}/contributions`, { text: "Jamie wants the meeting at home, not at school." });
    expect(sent.status).toBe(201);
    const seen = (await priya.get<MeetingContribution[]>(`/api/meetings/${meeting.id}/contributions`)).body;
    expect(seen).toMatchObject([{ name: "Claire Walker", text: "Jamie wants the meeting at home, not at school." }]);
    expect((await claire.get<DocumentDetail>(`/api/documents/${meeting.minutesDocumentId!}`)).body.access).toBe("comment");
    expect((await claire.put<Meeting>(`/api/meetings/${meeting.id}/attendance`, { personId: idOf("Claire Walker"), attendance: "apologies" })).status).toBe(200);
    expect((await claire.put(`/api/meetings/${meeting.id}/attendance`, { personId: idOf("Dr Ben Carter"), attendance: "present" })).status).toBe(403);
  });

  it("refuses a booking with missing or wrong details, field by field", async () => {
    const res = await priya.post<{ details: Record<string, string> }>("/api/meetings", { type: "tracker", startsAt: "tomorrow" });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details).sort()).toEqual(["caseIds", "startsAt"]);
    expect((await claire.post("/api/meetings", { type: "review", startsAt: "2026-12-10T14:00:00Z", caseId: jamie.id })).status).toBe(403);
  });
});

describe("who may be invited, and what a contribution may be about", () => {
  it("refuses a family member invited to a tracker or professionals meeting, and anyone not on a covered child's team", async () => {
    const family = await priya.post<{ details: Record<string, string> }>("/api/meetings", {
      type: "tracker",
      startsAt: "2026-12-03T10:00:00Z",
      caseIds: [jamie.id, aisha.id],
      inviteeIds: [idOf("Mark Davies"), idOf("Claire Walker")],
    });
    expect(family.status).toBe(400);
    expect(family.body.details.inviteeIds).toBe("Claire Walker: Family members cannot be invited to a professionals-only meeting");

    const aishaTeam = (await priya.get<CaseDetail>(`/api/cases/${aisha.id}`)).body.team;
    const outsider = aishaTeam.find((m) => !team.some((t) => t.personId === m.personId) && !isFamilyRole(m.role))!;
    const review = await priya.post<{ details: Record<string, string> }>("/api/meetings", {
      type: "review",
      startsAt: "2026-12-03T10:00:00Z",
      caseId: jamie.id,
      inviteeIds: [outsider.personId],
    });
    expect(review.status).toBe(400);
    expect(review.body.details.inviteeIds).toMatch(/on the team of a child this meeting is about/);
    // The same person may be invited to a tracker meeting that covers a child whose team they are on.
    const tracker = await priya.post<Meeting>("/api/meetings", { type: "tracker", startsAt: "2026-12-03T10:00:00Z", caseIds: [jamie.id, aisha.id], inviteeIds: [outsider.personId] });
    expect(tracker.status).toBe(201);
  });

  it("files a written contribution only against a child the meeting is about", async () => {
    const review = (await priya.post<Meeting>("/api/meetings", { type: "review", startsAt: "2026-12-05T10:00:00Z", caseId: jamie.id, inviteeIds: [idOf("Mark Davies")] })).body;
    const elsewhere = await mark.post<{ details: Record<string, string> }>(`/api/meetings/${review.id}/contributions`, { text: "About Aisha, really", caseId: aisha.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.details.caseId).toBe("Choose a child this meeting is about");
    expect((await mark.post(`/api/meetings/${review.id}/contributions`, { text: "About Jamie", caseId: jamie.id })).status).toBe(201);
    const listed = (await priya.get<MeetingContribution[]>(`/api/meetings/${review.id}/contributions`)).body;
    expect(listed.map((c) => c.text)).toEqual(["About Jamie"]);
  });
});

describe("exporting the minutes", () => {
  // A server of its own, which unloads a document soon after its last connection leaves.
  const own = useTestServer({ collab: { unloadAfterMs: 1000 } });

  it("leaves the minutes unloaded afterwards when nobody has them open", async () => {
    const chair = await signIn(own.url, "priya.shah");
    const child = await caseNamed(chair, "Jamie Walker");
    const meeting = (await chair.post<Meeting>("/api/meetings", { type: "review", startsAt: "2026-12-10T14:00:00Z", caseId: child.id })).body;
    const documentId = meeting.minutesDocumentId!;
    const exportMinutes = async () => (await fetch(`${own.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { cookie: chair.cookie } })).status;

    // Never opened: read from storage, and not loaded by the reading.
    expect(await exportMinutes()).toBe(200);
    expect(own.registry.isLoaded(documentId)).toBe(false);

    // Written in and left a moment ago: still loaded when exported, and unloaded as usual after.
    const minutes = await connectCollab(own.url, documentId, chair.cookie);
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Jamie chose the venue.")]);
    minutes.doc.getXmlFragment("default").push([p]);
    await waitFor(() => own.registry.updateLog.written > 0, { what: "the edit to be saved" });
    minutes.destroy();
    await waitFor(() => own.registry.connectionsTo(documentId).length === 0, { what: "the server to see the connection close" });
    expect(own.registry.isLoaded(documentId)).toBe(true);
    expect(await exportMinutes()).toBe(200);
    await waitFor(() => !own.registry.isLoaded(documentId), { what: "the minutes to be unloaded", timeoutMs: 5000 });
  });
});

async function documentPdf(who: SignedIn, documentId: string): Promise<string> {
  const res = await fetch(`${server.url}/api/documents/${documentId}/pdf`, { headers: { cookie: who.cookie } });
  expect(res.status).toBe(200);
  return pdfTextLines(Buffer.from(await res.arrayBuffer())).join("\n");
}

function actionStatuses(node: DocNode): unknown[] {
  const own = node.type === "actionItem" ? [node.attrs?.status] : [];
  return [...own, ...(node.content ?? []).flatMap(actionStatuses)];
}

/** Once agreed, every way of reading the minutes gives the agreed record; before, the PDF says Draft. */
describe("agreed minutes read as agreed", () => {
  it("says Draft before agreement, and once agreed gives the agreed minutes even after an action in them moves on", async () => {
    const booked = await priya.post<Meeting>("/api/meetings", { type: "review", startsAt: "2026-12-08T10:00:00Z", caseId: jamie.id, inviteeIds: [] });
    expect(booked.status).toBe(201);
    const meeting = booked.body;
    const documentId = meeting.minutesDocumentId!;
    const writer = await connectCollab(server.url, documentId, priya.cookie);
    clients.push(writer);
    const actionId = randomUUID();
    writer.doc.getXmlFragment("default").push([actionItem("Book the school visit", { id: actionId, ownerId: idOf("Priya Shah"), dueDate: "2026-12-15", status: "open" })]);
    await waitFor(async () => (await priya.get<Action>(`/api/actions/${actionId}`)).status === 200);

    const draft = await documentPdf(priya, documentId);
    expect(draft).toContain("Draft minutes, not yet agreed");

    for (const command of ["start", "end", "agree-minutes"]) expect((await priya.post(`/api/meetings/${meeting.id}/commands`, { command })).status).toBe(200);
    // After agreement the action is done: the live document follows the action, the agreed record does not.
    expect((await priya.patch(`/api/actions/${actionId}`, { status: "done" })).status).toBe(200);
    const live = await server.registry.withRoom(documentId, (room) => room.doc.getXmlFragment("default").toString());
    expect(live).toContain('status="done"');

    const text = await priya.get<VersionText>(`/api/documents/${documentId}/text`);
    expect(text.status).toBe(200);
    expect(text.body.version?.name).toBe("Agreed minutes");
    expect(actionStatuses(text.body.parts[0]!.content)).toEqual(["open"]);
    const agreed = await documentPdf(priya, documentId);
    expect(agreed).toContain("Version: Agreed minutes");
    expect(agreed).not.toContain("Draft");
  });
});
