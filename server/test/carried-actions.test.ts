/**
 * Actions carried into a later meeting (ADR 0027): a tracker meeting's section for Jamie starts
 * with the actions still open from Jamie's earlier meetings — the same action, its id and history
 * kept, carried once however often the meeting is opened. The meeting confirms, updates or closes
 * each, and the change reaches the minutes it was agreed in. Helen (ICB), invited for Jamie only,
 * is sent none of Aisha's; Mark, who only reads, sees them and decides nothing; nobody can decide
 * about an action the meeting did not carry.
 */
import { randomUUID } from "node:crypto";
import type { Action, ActionEvent, CarriedActionsSection, EasyReadSnapshot, Meeting } from "@roundtable/domain";
import { schema } from "@roundtable/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { useTestServer } from "./support/test-server.js";
import { trackerCast, type TrackerCast } from "./support/tracker-cast.js";
import { typeAction } from "./support/typed-action.js";

const server = useTestServer();
let priya: SignedIn;
let helen: SignedIn;
let jamie: TrackerCast["jamie"];
let aisha: TrackerCast["aisha"];
let team: TrackerCast["team"];
const clients: CollabClient[] = [];

beforeAll(async () => {
  ({ priya, helen, jamie, aisha, team } = await trackerCast(server.url));
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

const idOf = (name: string) => team.find((m) => m.name === name)!.personId;

async function bookTracker(startsAt: string, inviteeIds: string[] = []): Promise<Meeting> {
  const res = await priya.post<Meeting>("/api/meetings", { type: "tracker", startsAt, caseIds: [jamie.id, aisha.id], inviteeIds });
  expect(res.status).toBe(201);
  return res.body;
}

const sectionOf = (meeting: Meeting, caseId: string) => meeting.caseMinutes.find((m) => m.caseId === caseId)!.documentId;

/** An action typed into a document, as any editor would, once the projector has tracked it. */
const addAction = (documentId: string, text: string, ownerId: string | null = idOf("Priya Shah")) => typeAction(server.url, priya, documentId, { text, ownerId, dueDate: "2027-01-20" }, clients);

const carriedIds = (sections: CarriedActionsSection[], caseId: string) => sections.find((s) => s.caseId === caseId)?.actions.map((c) => c.action.id) ?? [];

describe("actions carried into a later meeting", () => {
  let earlier: Meeting;
  let later: Meeting;
  let jamiesAction: string;
  let aishasAction: string;
  let closedBetween: string;
  let planAction: string;

  beforeAll(async () => {
    earlier = await bookTracker("2027-01-05T10:00:00Z");
    jamiesAction = await addAction(sectionOf(earlier, jamie.id), "Ask CAMHS for an appointment date");
    closedBetween = await addAction(sectionOf(earlier, jamie.id), "Send the school the timetable");
    aishasAction = await addAction(sectionOf(earlier, aisha.id), "Book a home visit with Aisha's mum", null);
    planAction = await addAction((await carePlanOf(priya, "Jamie Walker")).documentId, "A care-plan action");
    // Done between the meetings: nothing left to carry.
    expect((await priya.patch<Action>(`/api/actions/${closedBetween}`, { status: "done" })).status).toBe(200);
    later = await bookTracker("2027-02-02T10:00:00Z", [idOf("Helen Morris")]);
  });

  it("starts each child's section with the open actions of that child's earlier meetings: the same actions, carried once", async () => {
    const first = await priya.get<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions`);
    expect(first.status).toBe(200);
    const again = await priya.get<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions`);
    expect(carriedIds(first.body, jamie.id)).toContain(jamiesAction);
    expect(carriedIds(first.body, aisha.id)).toContain(aishasAction);
    expect(carriedIds(first.body, jamie.id)).not.toContain(closedBetween);
    expect(carriedIds(first.body, jamie.id)).not.toContain(planAction);
    expect(carriedIds(first.body, jamie.id)).not.toContain(aishasAction);
    expect(carriedIds(again.body, jamie.id)).toEqual(carriedIds(first.body, jamie.id));
    const rows = await server.database.db.select().from(schema.carriedActions).where(and(eq(schema.carriedActions.meetingId, later.id), eq(schema.carriedActions.actionId, jamiesAction)));
    expect(rows).toHaveLength(1);
    const carried = first.body.find((s) => s.caseId === jamie.id)!.actions.find((c) => c.action.id === jamiesAction)!;
    // Not a copy: the action still lives in the minutes it was agreed in.
    expect(carried.action.documentId).toBe(sectionOf(earlier, jamie.id));
    expect(carried.agreedAt).toMatchObject({ kind: "meeting", meetingId: earlier.id });
    expect(carried).toMatchObject({ decision: null, mayDecide: true, ownerOnTeam: true });
  });

  it("sends an invitee for one child none of the other child's carried actions", async () => {
    const seen = await helen.get<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions`);
    expect(seen.status).toBe(200);
    expect(seen.body.map((s) => s.caseId)).toEqual([jamie.id]);
    expect(JSON.stringify(seen.body)).not.toContain(aishasAction);
    // Invited, she writes Jamie's section, so she may decide about Jamie's actions, never Aisha's.
    expect(seen.body[0]!.actions.every((c) => c.mayDecide)).toBe(true);
    expect((await helen.post(`/api/meetings/${later.id}/carried-actions/${aishasAction}`, { decision: "done" })).status).toBe(404);
  });

  it("shows the carried actions to someone who only reads the section, and refuses them a decision", async () => {
    const mark = await signIn(server.url, "mark.davies");
    const seen = await mark.get<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions`);
    expect(seen.status).toBe(200);
    expect(carriedIds(seen.body, jamie.id)).toContain(jamiesAction);
    expect(seen.body.flatMap((s) => s.actions).every((c) => !c.mayDecide)).toBe(true);
    expect((await mark.post(`/api/meetings/${later.id}/carried-actions/${jamiesAction}`, { decision: "confirmed" })).status).toBe(403);
  });

  it("records a confirmation in the action's own history as reviewed at this meeting", async () => {
    const res = await priya.post<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions/${jamiesAction}`, { decision: "confirmed" });
    expect(res.status).toBe(200);
    const carried = res.body[0]!.actions.find((c) => c.action.id === jamiesAction)!;
    expect(carried).toMatchObject({ decision: "confirmed", decidedBy: { name: "Priya Shah" }, decided: { status: "open", dueDate: "2027-01-20" } });
    const history = (await priya.get<ActionEvent[]>(`/api/actions/${jamiesAction}/events`)).body;
    expect(history.at(-1)).toMatchObject({ field: "reviewed", to: later.title, by: { name: "Priya Shah" } });
  });

  it("updates the same action, in the minutes it was agreed in, with the change in its history", async () => {
    const res = await priya.post<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions/${jamiesAction}`, {
      decision: "updated",
      change: { status: "blocked", blockedReason: "Waiting for the referral", dueDate: "2027-02-16" },
    });
    expect(res.status).toBe(200);
    const action = (await priya.get<Action>(`/api/actions/${jamiesAction}`)).body;
    expect(action).toMatchObject({ id: jamiesAction, status: "blocked", blockedReason: "Waiting for the referral", dueDate: "2027-02-16", documentId: sectionOf(earlier, jamie.id) });
    const minutes = await connectCollab(server.url, sectionOf(earlier, jamie.id), priya.cookie);
    clients.push(minutes);
    const node = [...minutes.doc.getXmlFragment("default").createTreeWalker((n) => n instanceof Y.XmlElement && n.getAttribute("id") === jamiesAction)][0] as Y.XmlElement;
    expect(node.getAttribute("status")).toBe("blocked");
    expect(node.getAttribute("dueDate")).toBe("2027-02-16");
    const fields = (await priya.get<ActionEvent[]>(`/api/actions/${jamiesAction}/events`)).body.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["status", "dueDate", "blockedReason", "reviewed"]));
  });

  it("closes an action as done, and it shows as done wherever it is listed", async () => {
    const res = await priya.post<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions/${aishasAction}`, { decision: "done" });
    expect(res.status).toBe(200);
    expect(res.body[0]!.actions.find((c) => c.action.id === aishasAction)).toMatchObject({ decision: "done", decided: { status: "done" } });
    const listed = (await priya.get<Action[]>(`/api/actions?caseId=${aisha.id}&status=done`)).body.map((a) => a.id);
    expect(listed).toContain(aishasAction);
  });

  it("puts the carried actions and what was decided in the minutes' PDF and easy-read view, each child's to those who see that child", async () => {
    const pdfOf = async (who: SignedIn) => {
      const res = await fetch(`${server.url}/api/meetings/${later.id}/minutes.pdf`, { headers: { cookie: who.cookie } });
      expect(res.status).toBe(200);
      return pdfTextLines(Buffer.from(await res.arrayBuffer())).join(" ").replace(/\s+/g, " ");
    };
    const priyas = await pdfOf(priya);
    expect(priyas).toContain("Actions from the last meeting");
    expect(priyas).toContain("Ask CAMHS for an appointment date");
    expect(priyas).toContain("This meeting: Updated. Held up by: Waiting for the referral.");
    expect(priyas).toContain("Book a home visit with Aisha's mum");
    const helens = await pdfOf(helen);
    expect(helens).toContain("Ask CAMHS for an appointment date");
    expect(helens).not.toContain("Book a home visit");
    const easyRead = await priya.get<EasyReadSnapshot>(`/api/easy-read/documents/${sectionOf(later, jamie.id)}`);
    expect(easyRead.status).toBe(200);
    const nodes = easyRead.body.content.content ?? [];
    expect(nodes[1]).toMatchObject({ type: "heading", content: [{ text: "Actions from the last meeting" }] });
    expect(nodes.find((n) => n.type === "actionItem" && n.attrs?.id === jamiesAction)?.attrs).toMatchObject({ status: "blocked", dueDate: "2027-02-16" });
  });

  it("refuses an action the meeting did not carry: one never carried, or one carried into another meeting", async () => {
    const own = await addAction(sectionOf(later, jamie.id), "An action agreed in this meeting");
    expect((await priya.post(`/api/meetings/${later.id}/carried-actions/${own}`, { decision: "done" })).status).toBe(404);
    expect((await priya.post(`/api/meetings/${later.id}/carried-actions/${planAction}`, { decision: "done" })).status).toBe(404);
    expect((await priya.post(`/api/meetings/${later.id}/carried-actions/${randomUUID()}`, { decision: "done" })).status).toBe(404);
    expect((await priya.post(`/api/meetings/${earlier.id}/carried-actions/${jamiesAction}`, { decision: "done" })).status).toBe(404);
    expect((await priya.get<Action>(`/api/actions/${planAction}`)).body.status).toBe("open");
  });

  it("carries what is still open into the next meeting too, from any earlier meeting, and nothing once a meeting has ended", async () => {
    const next = await bookTracker("2027-03-02T10:00:00Z");
    const carried = (await priya.get<CarriedActionsSection[]>(`/api/meetings/${next.id}/carried-actions`)).body;
    expect(carriedIds(carried, jamie.id)).toContain(jamiesAction);
    expect(carriedIds(carried, aisha.id)).not.toContain(aishasAction);
    const ended = await bookTracker("2027-04-06T10:00:00Z");
    for (const command of ["start", "end"]) expect((await priya.post(`/api/meetings/${ended.id}/commands`, { command })).status).toBe(200);
    expect(carriedIds((await priya.get<CarriedActionsSection[]>(`/api/meetings/${ended.id}/carried-actions`)).body, jamie.id)).toEqual([]);
  });
});
