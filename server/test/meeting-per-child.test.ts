/**
 * A tracker meeting, per child (ADR 0017): one rule decides who may be invited and who may open
 * each child's section. Helen Morris (ICB) is on Jamie's team, and Jamie's family shares with
 * the ICB; Aisha's does not. Invited to a meeting reviewing both, she opens it with Jamie's
 * section only — Aisha's is withheld on the server, over HTTP, the websocket, the PDF, the
 * actions and the contributions.
 */
import { randomUUID } from "node:crypto";
import type { Action, CaseDetail, CaseSummary, Meeting, MeetingContribution } from "@roundtable/domain";
import { schema } from "@roundtable/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { casesNamed, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let helen: SignedIn;
let jamie: CaseSummary;
let aisha: CaseSummary;
let team: CaseDetail["team"];
let aishaTeam: CaseDetail["team"];
const clients: CollabClient[] = [];

beforeAll(async () => {
  [priya, helen] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "helen.morris")]);
  [jamie, aisha] = await casesNamed(priya, "Jamie Walker", "Aisha Reid");
  team = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team;
  aishaTeam = (await priya.get<CaseDetail>(`/api/cases/${aisha.id}`)).body.team;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

const idOf = (name: string) => team.find((m) => m.name === name)!.personId;

/** Someone on Aisha's team (not Jamie's). */
function aishaTeamId(name: string): string {
  return aishaTeam.find((m) => m.name === name)!.personId;
}

async function bookTracker(inviteeIds: string[]): Promise<Meeting> {
  const res = await priya.post<Meeting>("/api/meetings", { type: "tracker", startsAt: "2026-12-08T10:00:00Z", caseIds: [jamie.id, aisha.id], inviteeIds });
  expect(res.status).toBe(201);
  return res.body;
}

async function addAction(documentId: string, text: string): Promise<string> {
  const minutes = await connectCollab(server.url, documentId, priya.cookie);
  clients.push(minutes);
  const id = randomUUID();
  const el = new Y.XmlElement("actionItem");
  el.setAttribute("id", id);
  el.setAttribute("ownerId", idOf("Priya Shah"));
  el.setAttribute("dueDate", "2026-12-15");
  el.insert(0, [new Y.XmlText(text)]);
  minutes.doc.getXmlFragment("default").insert(6, [el]);
  return id;
}

describe("a tracker meeting, per child", () => {
  it("tells the booking form each team member's sharing consent, which the meeting rule needs", async () => {
    const aishaTeam = (await priya.get<CaseDetail>(`/api/cases/${aisha.id}`)).body.team;
    expect(team.find((m) => m.name === "Helen Morris")?.sharingConsented).toBe(true);
    expect(team.find((m) => m.name === "Priya Shah")?.sharingConsented).toBe(true);
    expect(aishaTeam.find((m) => m.name === "Sophie Grant")?.sharingConsented).toBe(true);
  });

  it("opens for a professional invited for one child with only that child's section, the others withheld", async () => {
    const meeting = await bookTracker([idOf("Helen Morris"), idOf("Mark Davies")]);
    const [jamieSection, aishaSection] = meeting.caseMinutes.map((m) => m.documentId);

    const seen = await helen.get<Meeting>(`/api/meetings/${meeting.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ cases: [{ id: jamie.id, name: "Jamie Walker" }], withheldCases: 1, minutesDocumentId: null, caseMinutes: [{ caseId: jamie.id, documentId: jamieSection }] });
    expect(JSON.stringify(seen.body)).not.toContain("Aisha");

    // Her child's section over the websocket; the others refused exactly as a document she may not see.
    const section = await connectCollab(server.url, jamieSection!, helen.cookie);
    clients.push(section);
    expect(section.text()).toContain("Jamie Walker");
    const unknown = await helen.get(`/api/documents/${randomUUID()}`);
    for (const withheld of [aishaSection!, meeting.minutesDocumentId!]) {
      expect(await upgradeStatus(server.url, withheld, helen.cookie)).toBe(404);
      const res = await helen.get(`/api/documents/${withheld}`);
      expect([res.status, res.body]).toEqual([unknown.status, unknown.body]);
    }
    expect((await helen.get(`/api/documents/${jamieSection}`)).status).toBe(200);

    // Listed on Jamie's case for her, and Mark (on both teams, both families sharing) sees everything.
    expect((await helen.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body.map((m) => m.id)).toContain(meeting.id);
    const mark = await signIn(server.url, "mark.davies");
    expect((await mark.get<Meeting>(`/api/meetings/${meeting.id}`)).body).toMatchObject({ withheldCases: 0, minutesDocumentId: meeting.minutesDocumentId });
    expect(await upgradeStatus(server.url, aishaSection!, mark.cookie)).toBe("open");
  });

  it("does not say who came for a child whose section is withheld", async () => {
    const meeting = await bookTracker([idOf("Helen Morris"), idOf("Mark Davies"), aishaTeamId("Sophie Grant")]);
    const invitees = (await helen.get<Meeting>(`/api/meetings/${meeting.id}`)).body.invitees.map((i) => i.name);
    expect(invitees).toContain("Helen Morris");
    expect(invitees).toContain("Mark Davies"); // on Jamie's team too
    expect(invitees).not.toContain("Sophie Grant"); // there for Aisha only
    const everyone = (await priya.get<Meeting>(`/api/meetings/${meeting.id}`)).body.invitees.map((i) => i.name);
    expect(everyone).toEqual(expect.arrayContaining(["Helen Morris", "Mark Davies", "Sophie Grant"]));
  });

  it("files actions under the child whose section they are in, and lists them only to those who may open it", async () => {
    const meeting = await bookTracker([idOf("Helen Morris")]);
    const [jamieSection, aishaSection] = meeting.caseMinutes.map((m) => m.documentId);
    const aboutAisha = await addAction(aishaSection!, "Ask transport about a smaller minibus");
    const aboutJamie = await addAction(jamieSection!, "Book the CETR for January");
    const mine = await waitFor(async () => {
      const listed = (await priya.get<Action[]>("/api/actions?owner=me")).body;
      return listed.some((a) => a.id === aboutAisha) && listed.some((a) => a.id === aboutJamie) ? listed : undefined;
    });
    expect(mine.find((a) => a.id === aboutAisha)).toMatchObject({ caseId: aisha.id, documentId: aishaSection });
    expect(mine.find((a) => a.id === aboutJamie)).toMatchObject({ caseId: jamie.id, documentId: jamieSection });
    const helensView = (await helen.get<Action[]>("/api/actions")).body.map((a) => a.id);
    expect(helensView).toContain(aboutJamie);
    expect(helensView).not.toContain(aboutAisha);
    expect((await helen.get(`/api/actions/${aboutAisha}`)).status).toBe(404);
    expect((await helen.get(`/api/actions/${aboutJamie}`)).status).toBe(200);
  });

  it("gives a per-child invitee a PDF of only their child's section", async () => {
    const meeting = await bookTracker([idOf("Helen Morris")]);
    const writer = await connectCollab(server.url, meeting.caseMinutes[1]!.documentId, priya.cookie);
    clients.push(writer);
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Sleep support group starts in January.")]);
    writer.doc.getXmlFragment("default").push([p]);
    await waitFor(() => server.registry.updateLog.written > 0);

    const pdfOf = async (who: SignedIn) => {
      const res = await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { cookie: who.cookie } });
      expect(res.status).toBe(200);
      return pdfTextLines(Buffer.from(await res.arrayBuffer())).join("\n");
    };
    const helens = await pdfOf(helen);
    expect(helens).toContain("Jamie Walker");
    expect(helens).not.toContain("Aisha");
    expect(helens).not.toContain("Sleep support group");
    expect(helens).toContain("1 other child's section, which is not shared with you");
    const priyas = await pdfOf(priya);
    expect(priyas).toContain("Sleep support group starts in January.");
    expect(priyas).toContain("Aisha Reid");
    expect(priyas).not.toContain("/action");
  });

  it("takes contributions from a per-child invitee only about their child, and shows them only those", async () => {
    const meeting = await bookTracker([idOf("Helen Morris")]);
    expect((await priya.post(`/api/meetings/${meeting.id}/contributions`, { text: "Aisha's transport", caseId: aisha.id })).status).toBe(201);
    const general = await helen.post<{ details: Record<string, string> }>(`/api/meetings/${meeting.id}/contributions`, { text: "General point" });
    expect(general.status).toBe(400);
    expect(general.body.details.caseId).toBe("Choose the child your contribution is about");
    expect((await helen.post(`/api/meetings/${meeting.id}/contributions`, { text: "About Aisha", caseId: aisha.id })).status).toBe(400);
    expect((await helen.post(`/api/meetings/${meeting.id}/contributions`, { text: "Jamie's CETR", caseId: jamie.id })).status).toBe(201);
    expect((await helen.get<MeetingContribution[]>(`/api/meetings/${meeting.id}/contributions`)).body.map((c) => c.text)).toEqual(["Jamie's CETR"]);
    expect((await priya.get<MeetingContribution[]>(`/api/meetings/${meeting.id}/contributions`)).body.map((c) => c.text)).toEqual(["Aisha's transport", "Jamie's CETR"]);
  });

  it("refuses at booking, with the reason, someone who could open no child's section", async () => {
    const camhs = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.agencies.find((a) => a.name.includes("CAMHS"))!;
    const declined = await priya.post(`/api/cases/${jamie.id}/consents`, { kind: "share-with-agency", agencyId: camhs.id, decision: "declined", givenBy: "Claire Walker (mum)" });
    expect(declined.status).toBe(201);
    const refused = await priya.post<{ details: Record<string, string> }>("/api/meetings", {
      type: "tracker",
      startsAt: "2026-12-08T10:00:00Z",
      caseIds: [jamie.id, aisha.id],
      inviteeIds: [idOf("Dr Ben Carter")],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.inviteeIds).toBe(
      "Dr Ben Carter: The family of no child this meeting is about has agreed to share information with their agency, so they could not open it",
    );
    expect((await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team.find((m) => m.name === "Dr Ben Carter")?.sharingConsented).toBe(false);
  });

  it("keeps a tracker meeting booked as one minutes document under the rule it was booked with: every child, or nothing", async () => {
    const meeting = await bookTracker([idOf("Helen Morris")]);
    // As a meeting booked before sections were apart: no minutes document of a child's own.
    await server.database.db.delete(schema.documents).where(and(eq(schema.documents.meetingId, meeting.id), isNotNull(schema.documents.caseId)));
    expect((await helen.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    expect(await upgradeStatus(server.url, meeting.minutesDocumentId!, helen.cookie)).toBe(404);
    expect((await priya.get<Meeting>(`/api/meetings/${meeting.id}`)).body).toMatchObject({ caseMinutes: [], withheldCases: 0, minutesDocumentId: meeting.minutesDocumentId });
  });
});

describe("a tracker meeting's minutes on the trail", () => {
  async function exportedRows(meetingId: string, personName: string, action: "exported" | "printed") {
    return server.database.db
      .select({ caseId: schema.auditEvents.caseId, documentId: schema.auditEvents.documentId })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.meetingId, meetingId), eq(schema.auditEvents.action, action), eq(schema.auditEvents.personName, personName)));
  }

  it("records a download and a print against the meeting and each child's section the reader was given", async () => {
    const meeting = await bookTracker([idOf("Helen Morris")]);
    const sectionOf = (caseId: string) => meeting.caseMinutes.find((m) => m.caseId === caseId)!.documentId;
    const bySection = (rows: { caseId: string | null; documentId: string | null }[]) => rows.map((r) => `${r.caseId}:${r.documentId}`).sort();
    const both = [`${jamie.id}:${sectionOf(jamie.id)}`, `${aisha.id}:${sectionOf(aisha.id)}`].sort();

    for (const who of [priya, helen]) expect((await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { cookie: who.cookie } })).status).toBe(200);
    expect(bySection(await exportedRows(meeting.id, "Priya Shah", "exported"))).toEqual(both);
    expect(bySection(await exportedRows(meeting.id, "Helen Morris", "exported"))).toEqual([`${jamie.id}:${sectionOf(jamie.id)}`]);

    for (const who of [priya, helen]) expect((await who.post(`/api/meetings/${meeting.id}/printed`, {})).status).toBe(204);
    expect(bySection(await exportedRows(meeting.id, "Priya Shah", "printed"))).toEqual(both);
    expect(bySection(await exportedRows(meeting.id, "Helen Morris", "printed"))).toEqual([`${jamie.id}:${sectionOf(jamie.id)}`]);
  });
});
