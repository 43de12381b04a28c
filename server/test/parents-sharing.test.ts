/**
 * A young person's own consent counts (issue 12; ADR 0026): from 16 what their parents see follows
 * the young person's decision — 16 and 17 unless they decline, 18 and over only when they agree;
 * under 16 it is recorded and changes nothing. A parent shut out counts as not on the team, so
 * every route answers as if they never were: the case list, the case, its documents (the young
 * person's own part too), actions, meetings, the access report and the websocket.
 */
import { schema } from "@roundtable/db";
import {
  ageOn,
  parentsMayOpen,
  type Action,
  type ApiError,
  type CaseDetail,
  type CaseSummary,
  type ConsentRecord,
  type DocumentDetail,
  type Meeting,
  type ParentsSharingDecision,
} from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipCounts } from "../src/access/team-membership.js";
import { signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let priya: SignedIn;
let claire: SignedIn;
const clients: CollabClient[] = [];

const caseDetailNamed = async (name: string) => {
  const id = (await priya.get<CaseSummary[]>("/api/cases")).body.find((c) => c.name === name)!.id;
  return (await priya.get<CaseDetail>(`/api/cases/${id}`)).body;
};

/** Claire joins a child's team as a parent or carer (as an accepted invitation would put her there). */
const addClaireTo = async (caseId: string) => {
  await server.database.db.insert(schema.caseMembers).values({ caseId, personId: claire.personId, role: "parent" });
};

/** Everything of the child's that a parent on the team would open: each answers allow or its refusal. */
async function whatClaireOpens(c: CaseDetail) {
  const plan = c.documents.find((d) => d.kind === "care-plan")!;
  const ownWords = c.documents.find((d) => d.kind === "young-person-views")!;
  const meetings = await priya.get<Meeting[]>(`/api/cases/${c.id}/meetings`);
  const familyMeeting = meetings.body.find((m) => m.visibility === "family");
  const listed = (await claire.get<CaseSummary[]>("/api/cases")).body.some((s) => s.id === c.id);
  const actions = await claire.get<Action[]>(`/api/actions?caseId=${c.id}`);
  return {
    listed,
    case: (await claire.get(`/api/cases/${c.id}`)).status,
    plan: (await claire.get(`/api/documents/${plan.id}`)).status,
    ownWords: (await claire.get(`/api/documents/${ownWords.id}`)).status,
    websocket: await upgradeStatus(server.url, ownWords.id, claire.cookie),
    actions: actions.status === 200 ? actions.body.length > 0 : false,
    meeting: familyMeeting ? (await claire.get(`/api/meetings/${familyMeeting.id}`)).status : null,
    accessReport: (await claire.get(`/api/cases/${c.id}/access-report`)).status,
  };
}

const opensEverything = (hasMeeting: boolean) => ({ listed: true, case: 200, plan: 200, ownWords: 200, websocket: "open", actions: true, meeting: hasMeeting ? 200 : null, accessReport: 200 });
const opensNothing = (hasMeeting: boolean) => ({ listed: false, case: 404, plan: 404, ownWords: 404, websocket: 404, actions: false, meeting: hasMeeting ? 404 : null, accessReport: 404 });

const decide = async (caseId: string, decision: "given" | "declined", givenBy: string) => {
  const res = await priya.post<ConsentRecord>(`/api/cases/${caseId}/consents`, { kind: "share-with-parents", decision, givenBy });
  expect(res.status).toBe(201);
  return res.body;
};

beforeAll(async () => {
  [priya, claire] = [await signIn(server.url, "priya.shah"), await signIn(server.url, "claire.walker")];
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

describe("a young person's own say in what their parents see", () => {
  it("18 and over: parents open nothing of the young person's until they agree, and lose it when they withdraw", async () => {
    const kai = await caseDetailNamed("Kai Thompson");
    // The demo records Kai (18) declining; his keyworker is told what holds.
    expect(kai.parentsSharing).toMatchObject({ age: 18, decides: true, decision: "declined", parentsMayOpen: false });
    await addClaireTo(kai.id);
    expect(await whatClaireOpens(kai)).toEqual(opensNothing(false));
    // Nothing about him reaches her, not even who his keyworker is.
    expect(JSON.stringify((await claire.get("/api/cases")).body)).not.toContain("Kai");

    const given = await decide(kai.id, "given", "Kai Thompson (himself)");
    expect(await whatClaireOpens(kai)).toEqual(opensEverything(false));
    const claireSees = (await claire.get<CaseDetail>(`/api/cases/${kai.id}`)).body;
    expect(claireSees.parentsSharing).toBeNull();
    // She comments on his own words; she does not write them.
    expect((await claire.get<DocumentDetail>(`/api/documents/${kai.documents.find((d) => d.kind === "young-person-views")!.id}`)).body.access).toBe("comment");

    // Withdrawn: her open connection is closed at once, and everything shuts again.
    const open = await connectCollab(server.url, kai.documents.find((d) => d.kind === "care-plan")!.id, claire.cookie);
    clients.push(open);
    const closed = new Promise<number>((resolve) => open.provider.once("connection-close", (event) => resolve(event?.code ?? 0)));
    expect((await priya.post(`/api/cases/${kai.id}/consents/${given.id}/withdraw`, {})).status).toBe(200);
    expect([4403, 4404]).toContain(await closed);
    expect(await whatClaireOpens(kai)).toEqual(opensNothing(false));
  });

  it("16 and 17: parents open the records unless the young person declines", async () => {
    const ellie = await caseDetailNamed("Ellie Brooks");
    expect(ellie.parentsSharing).toMatchObject({ age: 17, decides: true, decision: null, parentsMayOpen: true });
    await addClaireTo(ellie.id);
    expect(await whatClaireOpens(ellie)).toEqual(opensEverything(true));
    await decide(ellie.id, "declined", "Ellie Brooks (herself)");
    expect(await whatClaireOpens(ellie)).toEqual(opensNothing(true));
    await decide(ellie.id, "given", "Ellie Brooks (herself)");
    expect(await whatClaireOpens(ellie)).toEqual(opensEverything(true));
  });

  it("under 16: the decision is recorded, and the parents' access follows the usual rules", async () => {
    const jamie = await caseDetailNamed("Jamie Walker");
    await decide(jamie.id, "declined", "Jamie Walker (himself)");
    expect((await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.parentsSharing).toMatchObject({ age: 15, decides: false, decision: "declined", parentsMayOpen: true });
    expect(await whatClaireOpens(jamie)).toEqual(opensEverything(true));
    // The young person sees their own decision; nobody else but the people who run the case does.
    const jamieHimself = await signIn(server.url, "jamie.walker");
    expect((await jamieHimself.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.parentsSharing).toMatchObject({ decision: "declined" });
    const mark = await signIn(server.url, "mark.davies");
    expect((await mark.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.parentsSharing).toBeNull();
  });

  it("counts a parent in the database exactly as parentsMayOpen says, on and around the 16th and 18th birthdays", async () => {
    const { db } = server.database;
    const [service] = await db.select({ id: schema.services.id }).from(schema.services).limit(1);
    const dateOfBirth = "2009-03-01";
    const [c] = await db.insert(schema.cases).values({ serviceId: service!.id, name: "Test Child", dateOfBirth, ragRating: "green" }).returning({ id: schema.cases.id });
    await db.insert(schema.caseMembers).values({ caseId: c!.id, personId: claire.personId, role: "parent" });
    const days = ["2025-02-28", "2025-03-01", "2027-02-28", "2027-03-01"];
    const records: Record<string, { decision: "given" | "declined"; withdrawn: boolean } | null> = {
      none: null,
      given: { decision: "given", withdrawn: false },
      declined: { decision: "declined", withdrawn: false },
      withdrawn: { decision: "given", withdrawn: true },
    };
    for (const [name, record] of Object.entries(records)) {
      await db.delete(schema.consents).where(eq(schema.consents.caseId, c!.id));
      if (record) {
        await db.insert(schema.consents).values({
          caseId: c!.id,
          kind: "share-with-parents",
          decision: record.decision,
          givenBy: "Test Child",
          recordedBy: priya.personId,
          withdrawnAt: record.withdrawn ? new Date() : null,
        });
      }
      const decision: ParentsSharingDecision = record === null ? null : record.decision === "given" && !record.withdrawn ? "given" : "declined";
      for (const today of days) {
        const counted = await db
          .select({ id: schema.caseMembers.personId })
          .from(schema.caseMembers)
          .where(and(eq(schema.caseMembers.caseId, c!.id), eq(schema.caseMembers.personId, claire.personId), membershipCounts(today)));
        expect({ name, today, counts: counted.length === 1 }).toEqual({ name, today, counts: parentsMayOpen({ age: ageOn(dateOfBirth, today), decision }) });
      }
    }
  });
});

describe("a parent kept out, where they might still be offered (issue 12)", () => {
  const keptOut = "Kai has said their records are not shared with their parents or carers";

  it("lists them, with the decision, to those told it; to everyone else the team is as if they were not on it", async () => {
    const kai = await caseDetailNamed("Kai Thompson");
    // The demo puts Kai's aunt on his team; Kai (18) has said no, and the decision has a date.
    expect(kai.team.find((m) => m.name === "Donna Thompson")).toMatchObject({ role: "parent" });
    expect(kai.parentsSharing).toMatchObject({ decision: "declined", parentsMayOpen: false });
    expect(Date.parse(kai.parentsSharing!.decidedAt!)).not.toBeNaN();
    const tom = await signIn(server.url, "tom.hughes");
    expect((await tom.get<CaseDetail>(`/api/cases/${kai.id}`)).body.team.map((m) => m.name)).toContain("Donna Thompson");
    // A professional on the team is not told the decision, so not that a parent is kept out.
    const ben = await signIn(server.url, "ben.carter");
    const benSees = (await ben.get<CaseDetail>(`/api/cases/${kai.id}`)).body;
    expect(benSees.parentsSharing).toBeNull();
    expect(benSees.team.filter((m) => m.role === "parent")).toEqual([]);
    expect((await (await signIn(server.url, "donna.thompson")).get(`/api/cases/${kai.id}`)).status).toBe(404);
  });

  it("refuses to book a meeting inviting them, saying why, and books it once the young person agrees", async () => {
    const kai = await caseDetailNamed("Kai Thompson");
    const donna = kai.team.find((m) => m.name === "Donna Thompson")!;
    const book = () => priya.post<ApiError>("/api/meetings", { type: "review", startsAt: "2026-12-20T10:00:00Z", caseId: kai.id, inviteeIds: [donna.personId] });
    const refused = await book();
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual({ inviteeIds: `Donna Thompson: ${keptOut}, so they could not open this meeting` });
    await decide(kai.id, "given", "Kai Thompson (himself)");
    expect((await book()).status).toBe(201);
    await decide(kai.id, "declined", "Kai Thompson (himself)");
  });

  it("refuses to give them one of the young person's actions, as they could not open it", async () => {
    const kai = await caseDetailNamed("Kai Thompson");
    const donna = kai.team.find((m) => m.name === "Donna Thompson")!;
    const action = (await priya.get<Action[]>(`/api/actions?caseId=${kai.id}`)).body.find((a) => a.status !== "done")!;
    const giveToDonna = () => priya.patch<ApiError>(`/api/actions/${action.id}`, { ownerId: donna.personId });
    const refused = await giveToDonna();
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual({ ownerId: "Choose someone on this case's team" });
    await decide(kai.id, "given", "Kai Thompson (himself)");
    expect((await giveToDonna()).status).toBe(200);
    await decide(kai.id, "declined", "Kai Thompson (himself)");
  });

  it("refuses to invite a parent or carer while the young person's decision keeps parents out, saying why", async () => {
    const kai = await caseDetailNamed("Kai Thompson");
    const invite = (caseId: string, role: string, extra: object = {}) => priya.post<ApiError>(`/api/cases/${caseId}/invitations`, { email: `${role}-${caseId}@example.org`, role, ...extra });
    const refused = await invite(kai.id, "parent");
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual({ role: `You cannot invite a parent or carer: ${keptOut}. If Kai changes their mind, record it on the consent page first` });
    // Every other role is invited as before; so are the parents of a child who has not said no.
    const camhs = kai.agencies.find((a) => a.name === "Northbridge CAMHS")!.id;
    expect((await invite(kai.id, "professional", { agencyId: camhs })).status).toBe(201);
    expect((await invite((await caseDetailNamed("Ellie Brooks")).id, "parent")).status).toBe(201);
  });
});
