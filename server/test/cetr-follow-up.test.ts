/**
 * CETR follow-up meetings: booked for one of the child's held or agreed CETRs that the booker may
 * open, they go through that CETR's outstanding actions one by one — those agreed in its report
 * and those carried into it from the CETR before — and no other actions of the child's, each once.
 * Deciding about one changes the action itself, and its history names the follow-up meeting.
 */
import { schema } from "@roundtable/db";
import type { Action, ActionEvent, CarriedActionsSection, CetrSummary, Meeting } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type SignedIn } from "./support/api-client.js";
import type { CollabClient } from "./support/collab-client.js";
import { insertCetr, serviceElsewhere } from "./support/cetr-fixtures.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { demoPeople, freshCase } from "./support/team-accounts.js";
import { useTestServer } from "./support/test-server.js";
import { typeAction } from "./support/typed-action.js";

const server = useTestServer();
let priya: SignedIn;
let helen: SignedIn;
let claire: SignedIn;
let ben: SignedIn;
let lucyId: string;
let icbAgencyId: string;
let childId: string;
let otherChildId: string;
/** The CETR before: one action still open (carried into the next), one done. */
let before: { cetrId: string; actionIds: string[] };
let cetr: CetrSummary;
let agreedHere: string;
let doneHere: string;
let meetingAction: string;
const clients: CollabClient[] = [];

type Refusal = { error: string; details?: Record<string, string> };

beforeAll(async () => {
  [priya, helen, claire, ben] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "helen.morris"), signIn(server.url, "claire.walker"), signIn(server.url, "ben.carter")]);
  const db = server.database.db;
  const who = await demoPeople(db);
  lucyId = who("lucy.evans").id;
  icbAgencyId = who("helen.morris").agencyId!;
  const serviceId = who("priya.shah").serviceId;
  const team = ["priya.shah", "helen.morris", "lucy.evans", "ben.carter", "claire.walker"].map((local) => ({ personId: who(local).id, role: who(local).role }));
  const sharing = ["helen.morris", "lucy.evans", "ben.carter"].map((local) => who(local).agencyId!);
  childId = await freshCase(db, serviceId, "Freddie Nolan", team, sharing);
  otherChildId = await freshCase(db, serviceId, "Maisie Nolan", team, sharing);
  before = await insertCetr(db, {
    caseId: childId,
    actions: [
      { text: "Ask the GP to review Freddie's medication", ownerId: lucyId, dueInDays: -5 },
      { text: "Send the sensory report to school", ownerId: lucyId, dueInDays: -20, status: "done" },
    ],
  });
  // An action of Freddie's agreed at a review meeting: the follow-up is not the place for it.
  const review = await priya.post<Meeting>("/api/meetings", { type: "review", caseId: childId, startsAt: "2026-11-02T10:00:00Z" });
  meetingAction = await typeAction(server.url, priya, review.body.minutesDocumentId!, { text: "Book a review of the respite plan", ownerId: lucyId, dueDate: "2027-05-01" }, clients);
  // The CETR followed up: requested (carrying the open action over), arranged, two actions written, held.
  cetr = (await priya.post<CetrSummary>(`/api/cases/${childId}/cetrs`, { reason: "Freddie has stopped eating at school.", setting: "community" })).body;
  expect(cetr.carriedOver).toEqual([before.actionIds[0]]);
  expect((await helen.post(`/api/cetrs/${cetr.id}/commands`, { type: "arrange", heldOn: "2027-01-14", chairId: helen.personId })).status).toBe(200);
  agreedHere = await typeAction(server.url, helen, cetr.documentId, { text: "Refer Freddie to the eating disorders team", ownerId: lucyId, dueDate: "2027-02-28" }, clients);
  doneHere = await typeAction(server.url, helen, cetr.documentId, { text: "Tell school who to call in a crisis", ownerId: lucyId, dueDate: "2027-01-21" }, clients);
  expect((await priya.patch(`/api/actions/${doneHere}`, { status: "done" })).status).toBe(200);
  expect((await helen.post(`/api/cetrs/${cetr.id}/commands`, { type: "hold" })).status).toBe(200);
});
afterAll(() => {
  for (const c of clients) c.destroy();
});

const book = (who: SignedIn, body: Record<string, unknown>) => who.post<Meeting & Refusal>("/api/meetings", { type: "cetr-follow-up", caseId: childId, startsAt: "2027-03-01T10:00:00Z", ...body });
const carriedIds = (sections: CarriedActionsSection[]) => sections.flatMap((s) => s.actions.map((c) => c.action.id));

describe("a CETR follow-up meeting", () => {
  let followUp: Meeting;

  it("is booked for one of the child's held or agreed CETRs", async () => {
    const res = await book(priya, { cetrId: cetr.id });
    expect(res.status).toBe(201);
    followUp = res.body;
    expect(followUp).toMatchObject({ type: "cetr-follow-up", caseId: childId, visibility: "family", followsUpCetr: { id: cetr.id, heldOn: "2027-01-14" } });
    expect(followUp.title).toMatch(/^CETR follow-up: Freddie Nolan, /);
    const [row] = await server.database.db.select({ cetrId: schema.meetings.cetrId }).from(schema.meetings).where(eq(schema.meetings.id, followUp.id));
    expect(row?.cetrId).toBe(cetr.id);
  });

  it("is refused without a CETR, with another child's, one still to be held, or one the booker may not open", async () => {
    const none = await book(priya, {});
    expect(none.status).toBe(400);
    expect(none.body.details?.cetrId).toBe("Choose the CETR this meeting follows up");
    const othersCetr = await insertCetr(server.database.db, { caseId: otherChildId, actions: [] });
    const another = await book(priya, { cetrId: othersCetr.cetrId });
    expect(another.status).toBe(400);
    expect(another.body.details?.cetrId).toBe("Choose a CETR of the child this meeting is about");
    const notHeld = await insertCetr(server.database.db, { caseId: childId, status: "arranged", actions: [] });
    expect((await book(priya, { cetrId: notHeld.cetrId })).body.details?.cetrId).toMatch(/^Choose a CETR that has been held/);
    const elsewhere = await serviceElsewhere(server.database.db, icbAgencyId);
    const unopenable = await insertCetr(server.database.db, { caseId: elsewhere.caseId, actions: [] });
    const refused = await book(priya, { cetrId: unopenable.cetrId });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe("That CETR was not found.");
    expect((await book(priya, { type: "review", cetrId: cetr.id })).body.details?.cetrId).toBe("Only a CETR follow-up meeting follows up a CETR");
    // The family do not book meetings.
    expect((await book(claire, { cetrId: cetr.id })).status).toBe(403);
  });

  it("takes up none of the CETR's actions for the family to see until its report is agreed", async () => {
    const early = await priya.get<CarriedActionsSection[]>(`/api/meetings/${followUp.id}/carried-actions`);
    expect(early.status).toBe(200);
    expect(carriedIds(early.body)).toEqual([]);
    expect((await claire.get<Meeting>(`/api/meetings/${followUp.id}`)).body.followsUpCetr).toBeNull();
    expect((await helen.post(`/api/cetrs/${cetr.id}/commands`, { type: "agree-report" })).status).toBe(200);
    expect((await claire.get<Meeting>(`/api/meetings/${followUp.id}`)).body.followsUpCetr?.id).toBe(cetr.id);
  });

  it("lists exactly the CETR's outstanding actions, agreed in it or carried into it, each once however often it is opened", async () => {
    const reads = await Promise.all([priya, priya, helen, claire].map((who) => who.get<CarriedActionsSection[]>(`/api/meetings/${followUp.id}/carried-actions`)));
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.body).toHaveLength(1);
      expect(carriedIds(read.body).sort()).toEqual([before.actionIds[0]!, agreedHere].sort());
    }
    const listed = reads[0]!.body[0]!.actions;
    expect(listed.map((c) => c.action.id)).not.toContain(meetingAction);
    expect(listed.map((c) => c.action.id)).not.toContain(doneHere);
    expect(listed.find((c) => c.action.id === agreedHere)?.agreedAt).toEqual({ kind: "cetr", cetrId: cetr.id, heldOn: "2027-01-14", requestedAt: expect.any(String) });
    expect(listed.find((c) => c.action.id === before.actionIds[0])?.agreedAt).toMatchObject({ kind: "cetr", cetrId: before.cetrId });
    const rows = await server.database.db.select({ actionId: schema.carriedActions.actionId, cetrId: schema.carriedActions.cetrId }).from(schema.carriedActions).where(eq(schema.carriedActions.meetingId, followUp.id));
    expect(rows).toHaveLength(2);
    // Carried into the meeting, not into a CETR: the CETR's own carry-over stays its own.
    expect(rows.every((r) => r.cetrId === null)).toBe(true);
  });

  it("changes the action itself when the meeting decides, and its history names the follow-up meeting", async () => {
    expect((await ben.post(`/api/meetings/${followUp.id}/carried-actions/${agreedHere}`, { decision: "done" })).status).toBe(403);
    expect((await priya.post(`/api/meetings/${followUp.id}/carried-actions/${doneHere}`, { decision: "done" })).status).toBe(404);
    expect((await priya.post(`/api/meetings/${followUp.id}/carried-actions/${meetingAction}`, { decision: "done" })).status).toBe(404);
    const decided = await priya.post<CarriedActionsSection[]>(`/api/meetings/${followUp.id}/carried-actions/${agreedHere}`, { decision: "updated", change: { dueDate: "2027-03-31" } });
    expect(decided.status).toBe(200);
    expect(decided.body[0]!.actions.find((c) => c.action.id === agreedHere)).toMatchObject({ decision: "updated", action: { dueDate: "2027-03-31" } });
    const action = await priya.get<Action>(`/api/actions/${agreedHere}`);
    expect(action.body).toMatchObject({ dueDate: "2027-03-31", documentId: cetr.documentId });
    const events = (await priya.get<ActionEvent[]>(`/api/actions/${agreedHere}/events`)).body;
    expect(events.find((e) => e.field === "reviewed")?.to).toBe(followUp.title);
    expect(events.find((e) => e.field === "dueDate")?.to).toBe("2027-03-31");
    // The CETR's dashboard row moves with it: the same action.
    const rows = await server.database.db.select({ dueDate: schema.actions.dueDate }).from(schema.actions).where(eq(schema.actions.id, agreedHere));
    expect(rows[0]?.dueDate).toBe("2027-03-31");
  });

  it("puts the CETR's actions in its minutes' record, saying which CETR agreed each", async () => {
    const res = await fetch(`${server.url}/api/meetings/${followUp.id}/minutes.pdf`, { headers: { cookie: priya.cookie } });
    expect(res.status).toBe(200);
    const text = pdfTextLines(Buffer.from(await res.arrayBuffer())).join(" ");
    expect(text).toContain("Refer Freddie to the eating disorders team");
    expect(text).toContain("Agreed at the CETR on Thu 14 Jan 2027. This meeting: Updated.");
    expect(text).toContain("Ask the GP to review Freddie's medication");
  });
});
