/**
 * CETRs as records (issue 13, ADR 0033): Priya requests one for Jamie (a Jamie of this file's own,
 * whom no demo CETR has touched); Helen (ICB) arranges it and
 * gives an independent chair a panel place on that one CETR; the papers stay withheld from the
 * panel until the family's consent is recorded; the panel writes a recommendation's actions into
 * the report with a stock Yjs client and they are tracked; the report is agreed, the panel's place
 * ends, and only then does Jamie's mum read it. A second CETR for Jamie carries the open action
 * over — the same action, once — and closing it there reaches the action and its history.
 */
import { randomUUID } from "node:crypto";
import type { InboxPage, Action, ActionEvent, CetrCarriedAction, CetrDetail, CetrPapers, CetrSummary, DocumentDetail } from "@roundtable/domain";
import { schema } from "@roundtable/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { accountOffTeam, freshCase } from "./support/team-accounts.js";
import { useTestServer } from "./support/test-server.js";
import { remindChairsOfReports } from "../src/cetrs/cetr-news.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let helen: SignedIn;
let claire: SignedIn;
let ben: SignedIn;
let chair: SignedIn;
let chairId: string;
let chairLogin: string;
let jamieId: string;
let lucyId: string;
const clients: CollabClient[] = [];

beforeAll(async () => {
  [priya, helen, claire, ben] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "helen.morris"), signIn(server.url, "claire.walker"), signIn(server.url, "ben.carter")]);
  // A child of his own for this file: the demo's CETRs for Jamie would be carried into these.
  const db = server.database.db;
  const people = await db.select({ id: schema.people.id, email: schema.people.email, role: schema.people.role, agencyId: schema.people.agencyId, serviceId: schema.people.serviceId }).from(schema.people);
  const who = (local: string) => people.find((p) => p.email === `${local}@roundtable.demo`)!;
  lucyId = who("lucy.evans").id;
  const serviceId = who("priya.shah").serviceId;
  const team = ["priya.shah", "helen.morris", "lucy.evans", "ben.carter", "claire.walker"].map((local) => ({ personId: who(local).id, role: who(local).role }));
  jamieId = await freshCase(db, serviceId, "Jamie Walker", team, [who("helen.morris").agencyId!, who("lucy.evans").agencyId!, who("ben.carter").agencyId!]);
  const account = await accountOffTeam(db, serviceId, "Indira Chowdhury");
  chairId = account.id;
  chairLogin = account.login;
  chair = await signIn(server.url, account.login);
});
afterAll(() => {
  for (const c of clients) c.destroy();
});

/** An action item written into the report by a stock Yjs client, as any editor would; its id once tracked. */
async function writeAction(who: SignedIn, documentId: string, text: string, ownerId: string, dueDate: string): Promise<string> {
  const editor = await connectCollab(server.url, documentId, who.cookie);
  clients.push(editor);
  const id = randomUUID();
  const el = new Y.XmlElement("actionItem");
  el.setAttribute("id", id);
  el.setAttribute("ownerId", ownerId);
  el.setAttribute("dueDate", dueDate);
  el.insert(0, [new Y.XmlText(text)]);
  editor.doc.getXmlFragment("default").push([el]);
  await waitFor(async () => (await priya.get(`/api/actions/${id}`)).status === 200, { what: `tracking of "${text}"` });
  return id;
}

const kindsOf = async (who: SignedIn) => (await who.get<InboxPage>("/api/notifications?limit=50")).body.notifications;

describe("a CETR, from request to agreed report", () => {
  let first: CetrSummary;
  let overdueAction: string;
  let doneAction: string;

  it("is requested by the child's keyworker, and nobody else", async () => {
    const res = await priya.post<CetrSummary>(`/api/cases/${jamieId}/cetrs`, { reason: "Jamie was held in A&E overnight twice this month.", setting: "community" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "requested", carriedOver: [] });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.documentId).toMatch(/^[0-9a-f-]{36}$/);
    first = res.body;
    // The ICB lead overseeing the child is told, with a link to arrange it.
    expect((await kindsOf(helen)).find((n) => n.kind === "cetr-requested")?.link).toBe(`/cetrs/${first.id}`);
    expect((await claire.post(`/api/cases/${jamieId}/cetrs`, { reason: "x", setting: "community" })).status).toBe(404);
    expect((await ben.post(`/api/cases/${jamieId}/cetrs`, { reason: "x", setting: "community" })).status).toBe(403);
    expect((await priya.post(`/api/cases/${jamieId}/cetrs`, { reason: "", setting: "community" })).status).toBe(400);
    // On the child's audit trail, by whom.
    const trail = await server.database.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.caseId, jamieId));
    expect(trail.filter((e) => e.action === "cetr-requested").map((e) => e.personId)).toEqual([priya.personId]);
    expect((await priya.post(`/api/cases/${jamieId}/cetrs`, { reason: "x", setting: "at home" })).status).toBe(400);
  });

  it("answers the contract, and is not open to the family before the report is agreed", async () => {
    const got = await priya.get<CetrSummary>(`/api/cetrs/${first.id}`);
    expect(got.status).toBe(200);
    expect(Object.keys(got.body).sort()).toEqual(["carriedOver", "caseId", "documentId", "heldOn", "id", "status"]);
    expect(got.body).toMatchObject({ id: first.id, caseId: jamieId, status: "requested", heldOn: null });
    expect((await ben.get(`/api/cetrs/${first.id}`)).status).toBe(200);
    expect((await claire.get(`/api/cetrs/${first.id}`)).status).toBe(404);
    expect((await claire.get(`/api/documents/${first.documentId}`)).status).toBe(404);
    expect(await upgradeStatus(server.url, first.documentId, claire.cookie)).not.toBe("open");
  });

  it("is arranged by the ICB lead, who convenes its panel", async () => {
    expect((await priya.post(`/api/cetrs/${first.id}/commands`, { type: "arrange", heldOn: "2027-01-14", chairId: priya.personId })).status).toBe(403);
    expect((await helen.post(`/api/cetrs/${first.id}/commands`, { type: "arrange", heldOn: "2027-01-14", chairId: claire.personId })).status).toBe(400);
    // An independent chair is given a place on this CETR's panel (not on Jamie's team), then chairs.
    expect((await chair.get(`/api/cetrs/${first.id}`)).status).toBe(404);
    const placed = await helen.post<CetrDetail>(`/api/cetrs/${first.id}/panel`, { email: `${chairLogin}@roundtable.demo`, place: "independent-chair" });
    expect(placed.status).toBe(201);
    expect(placed.body.panel).toEqual([expect.objectContaining({ personId: chairId, place: "independent-chair", endedAt: null })]);
    const arranged = await helen.post<CetrDetail>(`/api/cetrs/${first.id}/commands`, { type: "arrange", heldOn: "2027-01-14", chairId });
    expect(arranged.status).toBe(200);
    expect(arranged.body).toMatchObject({ status: "arranged", heldOn: "2027-01-14", chair: { id: chairId } });
    expect((await chair.get<CetrSummary>(`/api/cetrs/${first.id}`)).body.status).toBe("arranged");
    // The panel place is for this CETR only: Jamie's case and care plan are not theirs.
    expect((await chair.get(`/api/cases/${jamieId}`)).status).toBe(404);
  });

  it("withholds the papers from the panel until the family's consent is recorded", async () => {
    const made = await priya.post<DocumentDetail>(`/api/cases/${jamieId}/documents`, { kind: "care-plan", title: "Jamie's care plan", visibility: "family" });
    expect(made.status).toBe(201);
    const plan = { documentId: made.body.id };
    const withheld = await chair.get<CetrPapers>(`/api/cetrs/${first.id}/papers`);
    expect(withheld.body.withheld?.reason).toMatch(/consent/);
    expect(withheld.body.items).toEqual([]);
    expect((await chair.get(`/api/documents/${plan.documentId}`)).status).toBe(404);
    const consent = await priya.post(`/api/cases/${jamieId}/consents`, { kind: "share-with-cetr-panel", decision: "given", givenBy: "Claire Walker (mum)" });
    expect(consent.status).toBe(201);
    const papers = await chair.get<CetrPapers>(`/api/cetrs/${first.id}/papers`);
    expect(papers.body.withheld).toBeNull();
    expect(papers.body.items.map((i) => i.documentId)).toContain(plan.documentId);
    const opened = await chair.get<DocumentDetail>(`/api/documents/${plan.documentId}`);
    expect(opened.status).toBe(200);
    expect(opened.body.access).toBe("read");
  });

  it("tracks the actions the panel writes into the report, as in minutes", async () => {
    overdueAction = await writeAction(chair, first.documentId, "Social care to complete a carers' assessment for Claire", lucyId, "2026-01-10");
    doneAction = await writeAction(chair, first.documentId, "Share the sensory assessment with school", lucyId, "2027-03-01");
    const tracked = await priya.get<Action>(`/api/actions/${overdueAction}`);
    expect(tracked.body).toMatchObject({ caseId: jamieId, documentId: first.documentId, ownerId: lucyId, overdue: true, status: "open" });
    expect((await priya.patch(`/api/actions/${doneAction}`, { status: "done" })).status).toBe(200);
  });

  it("is agreed by the chair: frozen, the panel's place ended, and read by the family", async () => {
    expect((await priya.post(`/api/cetrs/${first.id}/commands`, { type: "agree-report" })).status).toBe(403);
    expect((await chair.post(`/api/cetrs/${first.id}/commands`, { type: "agree-report" })).status).toBe(409);
    const held = await chair.post<CetrDetail>(`/api/cetrs/${first.id}/commands`, { type: "hold" });
    expect(held.body).toMatchObject({ status: "held", reportDueOn: "2027-01-28" });
    // Three days before the report is due the chair is reminded, once.
    expect(await remindChairsOfReports(server.database.db, server.notifier, "2027-01-24")).toBe(0);
    expect(await remindChairsOfReports(server.database.db, server.notifier, "2027-01-25")).toBe(1);
    expect(await remindChairsOfReports(server.database.db, server.notifier, "2027-01-26")).toBe(0);
    expect((await kindsOf(chair)).filter((n) => n.kind === "cetr-report-due")).toHaveLength(1);
    const agreed = await chair.post<CetrDetail>(`/api/cetrs/${first.id}/commands`, { type: "agree-report" });
    expect(agreed.body).toMatchObject({ status: "agreed" });
    expect(agreed.body.agreedAt).not.toBeNull();
    expect((await chair.get(`/api/cetrs/${first.id}`)).status).toBe(404);
    expect((await claire.get<CetrSummary>(`/api/cetrs/${first.id}`)).body.status).toBe("agreed");
    // Circulated: the family are told the report is there to read.
    expect((await kindsOf(claire)).some((n) => n.kind === "cetr-report-agreed" && n.link === `/cetrs/${first.id}`)).toBe(true);
    expect((await claire.get<DocumentDetail>(`/api/documents/${first.documentId}`)).body.access).toBe("read");
    expect((await helen.get<DocumentDetail>(`/api/documents/${first.documentId}`)).body.access).toBe("read");
    const versions = await priya.get<{ name: string }[]>(`/api/documents/${first.documentId}/versions`);
    expect(versions.body.map((v) => v.name)).toContain("Agreed CETR report");
  });

  describe("the next CETR for Jamie", () => {
    let second: CetrSummary;

    it("opens with the open actions of earlier CETRs carried over: the same actions, once", async () => {
      const res = await priya.post<CetrSummary>(`/api/cases/${jamieId}/cetrs`, { reason: "Three months on: are the actions done?", setting: "community" });
      second = res.body;
      expect(second.carriedOver).toEqual([overdueAction]);
      const again = await Promise.all([1, 2, 3].map(() => helen.get<CetrSummary>(`/api/cetrs/${second.id}`)));
      for (const a of again) expect(a.body.carriedOver).toEqual([overdueAction]);
      const carried = await helen.get<CetrCarriedAction[]>(`/api/cetrs/${second.id}/carried-actions`);
      expect(carried.body).toHaveLength(1);
      expect(carried.body[0]).toMatchObject({ action: { id: overdueAction, documentId: first.documentId }, agreedAt: { cetrId: first.id }, decision: null, mayDecide: true });
    });

    it("closes a carried action only with a reason, and only one it carried", async () => {
      expect((await helen.post(`/api/cetrs/${second.id}/carried-actions/${overdueAction}`, { decision: "cancelled" })).status).toBe(400);
      expect((await helen.post(`/api/cetrs/${second.id}/carried-actions/${doneAction}`, { decision: "done" })).status).toBe(404);
      expect((await helen.post(`/api/cetrs/${second.id}/carried-actions/${randomUUID()}`, { decision: "done" })).status).toBe(404);
      expect((await ben.post(`/api/cetrs/${second.id}/carried-actions/${overdueAction}`, { decision: "done" })).status).toBe(403);
    });

    it("marks it done there: the action itself is done, and its history names the CETR that reviewed it", async () => {
      const decided = await helen.post<CetrCarriedAction[]>(`/api/cetrs/${second.id}/carried-actions/${overdueAction}`, { decision: "done" });
      expect(decided.status).toBe(200);
      expect(decided.body[0]).toMatchObject({ decision: "done", action: { status: "done" } });
      expect((await priya.get<Action>(`/api/actions/${overdueAction}`)).body.status).toBe("done");
      const events = (await priya.get<ActionEvent[]>(`/api/actions/${overdueAction}/events`)).body;
      expect(events.map((e) => e.field)).toEqual(expect.arrayContaining(["created", "status", "reviewed"]));
      expect(events.find((e) => e.field === "reviewed")?.to).toMatch(/^CETR requested /);
      expect((await helen.get<CetrSummary>(`/api/cetrs/${second.id}`)).body.carriedOver).toEqual([overdueAction]);
    });
  });

  it("is no longer booked as a meeting", async () => {
    const res = await priya.post<{ fields?: Record<string, string> }>("/api/meetings", { type: "cetr", startsAt: "2027-02-01T10:00:00Z", caseId: jamieId });
    expect(res.status).toBe(400);
  });
});
