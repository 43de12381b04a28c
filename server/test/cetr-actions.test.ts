/**
 * The CETR follow-up dashboard's API (issue 13): GET /api/cetr-actions (the contract) and GET
 * /api/cetr-actions/overview (the page's). An ICB lead sees the CETR actions of the children
 * they oversee — the services their ICB commissions, each child gated by the family's consent to
 * share with the ICB — and no others; keyworking staff their own span; nobody else any.
 */
import { randomBytes } from "node:crypto";
import { schema } from "@roundtable/db";
import { isOverdue, todayInEngland, weekEndings, type CetrActionChoices, type CetrActionRow, type CetrActionsOverview } from "@roundtable/domain";
import { and, eq, inArray } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords.js";
import { casesNamed, demoPassword, signIn, type SignedIn } from "./support/api-client.js";
import { icbLeadOffTeam, insertCetr, recordEscalation, recordStatusChange, serviceElsewhere, type FixtureCetr } from "./support/cetr-fixtures.js";
import { keyworkerOnTeam } from "./support/team-accounts.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
const sockets: Socket[] = [];

let helen: SignedIn;
let priya: SignedIn;
const ids = { jamie: "", aisha: "", kai: "", ellie: "", icb: "", camhs: "", socialCare: "", serviceId: "" };
const people = new Map<string, string>();
let jamieCetr: FixtureCetr;
let aishaCetr: FixtureCetr;
let kaiCetr: FixtureCetr;
let elsewhere: { serviceId: string; caseId: string; cetr: FixtureCetr };

const contractKeys = ["caseId", "cetrId", "dueDate", "escalations", "id", "overdue", "ownerAgencyId", "ownerId", "status", "text"];

async function rows(who: SignedIn, search = ""): Promise<CetrActionRow[]> {
  const res = await who.get<CetrActionRow[]>(`/api/cetr-actions${search}`);
  expect(res.status).toBe(200);
  return res.body;
}

const textsOf = (list: readonly { text: string }[]) => list.map((r) => r.text).sort();

beforeAll(async () => {
  const { db } = server.database;
  // The demo's own CETRs are not this file's: their actions are set aside (removed, as a deleted
  // action item is), so what each person is shown is exactly the fixtures below.
  await db.update(schema.actions).set({ removedAt: new Date() }).where(inArray(schema.actions.documentId, db.select({ id: schema.cetrs.documentId }).from(schema.cetrs)));
  [helen, priya] = await Promise.all([signIn(server.url, "helen.morris"), signIn(server.url, "priya.shah")]);
  const [jamie, aisha, kai, ellie] = await casesNamed(priya, "Jamie Walker", "Aisha Reid", "Kai Thompson", "Ellie Brooks");
  Object.assign(ids, { jamie: jamie.id, aisha: aisha.id, kai: kai.id, ellie: ellie.id });
  for (const p of await db.select({ id: schema.people.id, name: schema.people.name, serviceId: schema.people.serviceId }).from(schema.people)) {
    people.set(p.name, p.id);
    if (p.name === "Priya Shah") ids.serviceId = p.serviceId;
  }
  const agency = async (name: string) => (await db.select({ id: schema.agencies.id }).from(schema.agencies).where(eq(schema.agencies.name, name)))[0]!.id;
  ids.icb = await agency("NHS Northbridge Integrated Care Board");
  ids.camhs = await agency("Northbridge CAMHS");
  ids.socialCare = await agency("Northbridge Children's Social Care");
  const person = (name: string) => people.get(name)!;

  jamieCetr = await insertCetr(db, {
    caseId: jamie.id,
    actions: [
      { text: "Refer Jamie for a sensory assessment", ownerId: person("Dr Ben Carter"), dueInDays: -5 },
      { text: "Share the crisis plan with the out-of-hours team", ownerId: person("Priya Shah"), dueInDays: 5, status: "in-progress" },
      { text: "Book the short breaks visit", ownerId: person("Lucy Evans"), dueInDays: -10, status: "done" },
      { text: "An action taken out of the CETR", ownerId: person("Mark Davies"), dueInDays: -3, removed: true },
      { text: "Ask housing about a bigger flat", ownerAgencyId: ids.socialCare, dueInDays: 30 },
      { text: "Keep the school in the loop", ownerId: person("Mark Davies"), dueInDays: null },
    ],
  });
  aishaCetr = await insertCetr(db, { caseId: aisha.id, actions: [{ text: "Find Aisha a quieter classroom", ownerId: person("Mark Davies"), dueInDays: -2 }] });
  kaiCetr = await insertCetr(db, { caseId: kai.id, actions: [{ text: "Agree Kai's step-down with housing", ownerId: person("Priya Shah"), dueInDays: -1 }] });
  const away = await serviceElsewhere(db, ids.icb);
  elsewhere = { ...away, cetr: await insertCetr(db, { caseId: away.caseId, actions: [{ text: "Find Robin a respite place", dueInDays: -4 }] }) };
});

afterAll(() => {
  for (const s of sockets) s.close();
});

describe("what an ICB lead sees", () => {
  it("lists the CETR actions of the children their ICB oversees, and of no others", async () => {
    const seen = await rows(helen);
    expect(textsOf(seen)).toEqual(
      textsOf([
        { text: "Refer Jamie for a sensory assessment" },
        { text: "Share the crisis plan with the out-of-hours team" },
        { text: "Book the short breaks visit" },
        { text: "Ask housing about a bigger flat" },
        { text: "Keep the school in the loop" },
      ]),
    );
    // Kai's family has said nothing about sharing with the ICB; Aisha's neither.
    expect(seen.some((r) => [ids.aisha, ids.kai].includes(r.caseId))).toBe(false);
  });

  it("answers rows of exactly the contract's shape, overdue as everywhere else, soonest due first", async () => {
    const seen = await rows(helen);
    const today = todayInEngland();
    for (const row of seen) {
      expect(Object.keys(row).sort()).toEqual(contractKeys);
      expect(row.overdue).toBe(isOverdue(row, today));
      expect(row.cetrId).toBe(jamieCetr.cetrId);
    }
    expect(seen.filter((r) => r.overdue).map((r) => r.text)).toEqual(["Refer Jamie for a sensory assessment"]);
    const dues = seen.map((r) => r.dueDate ?? "9999-12-31");
    expect(dues).toEqual([...dues].sort());
    // The owner's agency: the one named on the action, else the one its owner works for.
    expect(seen.find((r) => r.text === "Refer Jamie for a sensory assessment")!.ownerAgencyId).toBe(ids.camhs);
    expect(seen.find((r) => r.text === "Ask housing about a bigger flat")).toMatchObject({ ownerId: null, ownerAgencyId: ids.socialCare });
  });

  it("never lists a removed action", async () => {
    const removedId = jamieCetr.actionIds[3]!;
    for (const who of [helen, priya, await signIn(server.url, "angela.okafor")]) {
      expect((await rows(who)).map((r) => r.id)).not.toContain(removedId);
      expect((await rows(who, `?caseId=${ids.jamie}&overdue=true`)).map((r) => r.id)).not.toContain(removedId);
    }
  });

  it("lists nothing of a service the ICB does not commission, until it does", async () => {
    expect((await rows(helen)).some((r) => r.caseId === elsewhere.caseId)).toBe(false);
    const { db } = server.database;
    await db.insert(schema.icbCommissions).values({ icbAgencyId: ids.icb, serviceId: elsewhere.serviceId });
    try {
      // Oversight crosses services: Robin is in another council area's service.
      expect((await rows(helen, `?caseId=${elsewhere.caseId}`)).map((r) => r.text)).toEqual(["Find Robin a respite place"]);
    } finally {
      await db.delete(schema.icbCommissions).where(and(eq(schema.icbCommissions.icbAgencyId, ids.icb), eq(schema.icbCommissions.serviceId, elsewhere.serviceId)));
    }
    expect((await rows(helen)).some((r) => r.caseId === elsewhere.caseId)).toBe(false);
  });

  it("lists nothing of a child whose family said no to sharing with the ICB, and lists it once they agree", async () => {
    const record = (decision: "given" | "declined") =>
      priya.post(`/api/cases/${ids.aisha}/consents`, { kind: "share-with-agency", agencyId: ids.icb, decision, givenBy: "Daniel Reid (dad)" });
    expect((await record("declined")).status).toBe(201);
    expect((await rows(helen)).some((r) => r.caseId === ids.aisha)).toBe(false);
    expect((await rows(helen, `?caseId=${ids.aisha}`))).toEqual([]);
    expect((await record("given")).status).toBe(201);
    expect((await rows(helen, `?caseId=${ids.aisha}`)).map((r) => r.id)).toEqual(aishaCetr.actionIds);
    // And they can change their mind again.
    expect((await record("declined")).status).toBe(201);
    expect((await rows(helen, `?caseId=${ids.aisha}`))).toEqual([]);
  });

  it("narrows by each filter", async () => {
    const texts = async (search: string) => (await rows(helen, search)).map((r) => r.text);
    expect(await texts("?overdue=true")).toEqual(["Refer Jamie for a sensory assessment"]);
    expect((await texts("?overdue=false")).sort()).toEqual(
      ["Share the crisis plan with the out-of-hours team", "Book the short breaks visit", "Ask housing about a bigger flat", "Keep the school in the loop"].sort(),
    );
    expect(await texts(`?agencyId=${ids.camhs}`)).toEqual(["Refer Jamie for a sensory assessment"]);
    expect((await texts(`?agencyId=${ids.socialCare}`)).sort()).toEqual(["Ask housing about a bigger flat", "Book the short breaks visit"].sort());
    expect(await texts(`?ownerId=${people.get("Priya Shah")}`)).toEqual(["Share the crisis plan with the out-of-hours team"]);
    expect(await texts(`?caseId=${ids.jamie}`)).toHaveLength(5);
    expect(await texts(`?caseId=${ids.kai}`)).toEqual([]);
    expect(await texts("?dueWithinDays=7")).toEqual(["Share the crisis plan with the out-of-hours team"]);
    expect(await texts("?dueWithinDays=0")).toEqual([]);
    expect(await texts(`?overdue=true&ownerId=${people.get("Priya Shah")}`)).toEqual([]);
    // The contract's own template, with the filters left empty, lists everything.
    expect(await texts("?overdue=&agencyId=&ownerId=&caseId=&dueWithinDays=")).toHaveLength(5);
  });

  it("counts each action's escalations", async () => {
    const [overdueId] = jamieCetr.actionIds;
    await recordEscalation(server.database.db, overdueId!, helen.personId);
    await recordEscalation(server.database.db, overdueId!, helen.personId);
    const seen = await rows(helen);
    expect(seen.find((r) => r.id === overdueId)!.escalations).toBe(2);
    expect(seen.filter((r) => r.id !== overdueId).every((r) => r.escalations === 0)).toBe(true);
  });

  it("answers a page at a time, naming the next page in a Link header", async () => {
    const all = await rows(helen);
    const collected: string[] = [];
    let next: string | null = "/api/cetr-actions?limit=2";
    let pages = 0;
    while (next) {
      const res = await fetch(`${server.url}${next}`, { headers: { cookie: helen.cookie } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as CetrActionRow[];
      expect(page.length).toBeLessThanOrEqual(2);
      collected.push(...page.map((r) => r.id));
      next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1] ?? null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(collected).toEqual(all.map((r) => r.id));
  });
});

describe("who else may read it", () => {
  it("gives a keyworker their own caseload, a senior keyworker the children whose team they are on, the service lead the service", async () => {
    const { db } = server.database;
    const jamiesOnly = [...jamieCetr.actionIds.filter((_, i) => i !== 3)].sort();
    const ownService = [...jamiesOnly, ...aishaCetr.actionIds, ...kaiCetr.actionIds].sort();
    const idsSeen = async (who: SignedIn) => (await rows(who)).map((r) => r.id).sort();
    expect(await idsSeen(priya)).toEqual(ownService);
    expect(await idsSeen(await signIn(server.url, "angela.okafor"))).toEqual(ownService);
    // On Jamie's team, but not his keyworker: not their caseload.
    expect(await idsSeen(await signIn(server.url, await keyworkerOnTeam(db, ids.jamie)))).toEqual([]);
    const senior = `senior.${randomBytes(4).toString("hex")}`;
    const [person] = await db
      .insert(schema.people)
      .values({ serviceId: ids.serviceId, name: "Sam Senior", email: `${senior}@roundtable.demo`, role: "senior-keyworker", passwordHash: await hashPassword(demoPassword) })
      .returning({ id: schema.people.id });
    await db.insert(schema.caseMembers).values({ caseId: ids.jamie, personId: person!.id, role: "senior-keyworker" });
    expect(await idsSeen(await signIn(server.url, senior))).toEqual(jamiesOnly);
  });

  it("refuses a family account, and professionals, in words", async () => {
    for (const login of ["claire.walker", "jamie.walker", "ben.carter"]) {
      const who = await signIn(server.url, login);
      const res = await who.get<{ error: string }>("/api/cetr-actions");
      expect({ login, status: res.status }).toEqual({ login, status: 403 });
      expect(res.body.error).toMatch(/ICB leads and keyworking staff/);
      expect((await who.get("/api/cetr-actions/overview")).status).toBe(403);
    }
  });

  it("refuses a parameter it cannot read with a 400 that says why", async () => {
    const refused = async (search: string) => {
      const res = await helen.get<{ error: string; details: Record<string, string> }>(`/api/cetr-actions${search}`);
      expect(res.status).toBe(400);
      return res.body.details;
    };
    expect(await refused("?overdue=soon")).toEqual({ overdue: "overdue must be true or false" });
    expect(await refused("?dueWithinDays=-1")).toEqual({ dueWithinDays: "dueWithinDays must be 0 or more" });
    expect(await refused("?agencyId=riverside")).toEqual({ agencyId: "agencyId must be an agency id" });
    expect(await refused("?overdu=true")).toEqual({ query: "Unknown parameter: overdu" });
    expect(await refused("?limit=0")).toEqual({ limit: "limit must be at least 1" });
  });
});

describe("the page's overview", () => {
  it("counts, and lists the open actions overdue first", async () => {
    const res = await helen.get<CetrActionsOverview>("/api/cetr-actions/overview");
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.counts).toEqual({ overdue: 1, dueSoon: 1, open: 4, done: 1, children: 1 });
    expect(o.actions.map((a) => a.text)).toEqual([
      "Refer Jamie for a sensory assessment",
      "Share the crisis plan with the out-of-hours team",
      "Ask housing about a bigger flat",
      "Keep the school in the loop",
    ]);
    expect(o.actions[0]).toMatchObject({ caseName: "Jamie Walker", ownerName: "Dr Ben Carter", agencyName: "Northbridge CAMHS", cetrId: jamieCetr.cetrId, overdue: true, escalations: 2 });
    expect(o.actions[2]).toMatchObject({ ownerName: null, agencyName: "Northbridge Children's Social Care" });
    expect(o).not.toHaveProperty("groups");
    // The last week ends today, on today's figures.
    expect(o.overTime.at(-1)).toEqual({ weekEnding: o.today, open: 4, completed: 1 });
  });

  it("narrows the counts and the list to an agency, a child or a CETR", async () => {
    const o = (await helen.get<CetrActionsOverview>(`/api/cetr-actions/overview?agencyId=${ids.camhs}`)).body;
    expect(o.counts).toEqual({ overdue: 1, dueSoon: 0, open: 1, done: 0, children: 1 });
    expect(o.actions.map((a) => a.text)).toEqual(["Refer Jamie for a sensory assessment"]);
    const jamiesAll = { overdue: 1, dueSoon: 1, open: 4, done: 1, children: 1 };
    expect((await helen.get<CetrActionsOverview>(`/api/cetr-actions/overview?caseId=${ids.jamie}`)).body.counts).toEqual(jamiesAll);
    expect((await helen.get<CetrActionsOverview>(`/api/cetr-actions/overview?cetrId=${jamieCetr.cetrId}`)).body.counts).toEqual(jamiesAll);
    expect((await helen.get<CetrActionsOverview>(`/api/cetr-actions/overview?cetrId=${jamieCetr.cetrId}&ownerId=${people.get("Dr Ben Carter")}`)).body.counts).toEqual({ overdue: 1, dueSoon: 0, open: 1, done: 0, children: 1 });
    expect((await helen.get(`/api/cetr-actions/overview?cetrId=${kaiCetr.cetrId}`)).body).toMatchObject({ actions: [], counts: { open: 0, children: 0 } });
  });

  it("gives the filters' choices apart: the figures by agency, owner, child and CETR, whatever the page is narrowed to", async () => {
    const res = await helen.get<CetrActionChoices>("/api/cetr-actions/choices");
    expect(res.status).toBe(200);
    const g = res.body;
    expect(g.children).toEqual([{ id: ids.jamie, name: "Jamie Walker", open: 4, overdue: 1, dueSoon: 1 }]);
    expect(g.cetrs).toEqual([expect.objectContaining({ id: jamieCetr.cetrId, caseId: ids.jamie, name: "Jamie Walker", status: "agreed", open: 4, overdue: 1 })]);
    expect(g.agencies[0]).toEqual({ id: ids.camhs, name: "Northbridge CAMHS", open: 1, overdue: 1, dueSoon: 0 });
    expect(g.agencies.find((a) => a.id === ids.socialCare)).toEqual({ id: ids.socialCare, name: "Northbridge Children's Social Care", open: 1, overdue: 0, dueSoon: 0 });
    expect(g.owners.find((o) => o.id === null)).toEqual({ id: null, name: "No owner", open: 1, overdue: 0, dueSoon: 0 });
    expect(g.owners.find((o) => o.id === people.get("Dr Ben Carter"))).toMatchObject({ name: "Dr Ben Carter", overdue: 1 });
  });

  it("tells how many were open and completed at the end of each week, from each change of status", async () => {
    const { db } = server.database;
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day);
    // The demo's own actions for Ellie were open in past weeks until this file set them aside
    // today: the weeks already hold them, and these add to that.
    const before = (await helen.get<CetrActionsOverview>(`/api/cetr-actions/overview?caseId=${ids.ellie}`)).body.overTime;
    const ellie = await insertCetr(db, {
      caseId: ids.ellie,
      actions: [
        { text: "Agree a discharge date", ownerId: people.get("Helen Morris"), dueInDays: -20, createdAt: at(60) },
        { text: "Find Ellie a college place", ownerId: people.get("Priya Shah"), dueInDays: 40, createdAt: at(30) },
      ],
    });
    const [discharge] = ellie.actionIds;
    await recordStatusChange(db, discharge!, "open", "in-progress", at(40));
    await recordStatusChange(db, discharge!, "in-progress", "done", at(10));
    const o = (await helen.get<CetrActionsOverview>(`/api/cetr-actions/overview?caseId=${ids.ellie}`)).body;
    const englandDay = (daysAgo: number) => todayInEngland(at(daysAgo));
    const expected = weekEndings(todayInEngland(), 12).map((weekEnding, week) => {
      const exists = (daysAgo: number) => englandDay(daysAgo) <= weekEnding;
      const done = exists(10);
      const was = before[week]!;
      return { weekEnding, open: was.open + (exists(60) && !done ? 1 : 0) + (exists(30) ? 1 : 0), completed: was.completed + (done ? 1 : 0) };
    });
    expect(before.at(-1)).toMatchObject({ open: 0, completed: 0 });
    expect(o.overTime).toEqual(expected);
    expect(o.counts).toMatchObject({ open: 1, done: 1 });
  });
});

describe("news of changes", () => {
  it("reaches an ICB lead who oversees the child without being on the team, for CETR actions only", async () => {
    const { db } = server.database;
    const farah = await signIn(server.url, await icbLeadOffTeam(db, ids.serviceId, ids.icb));
    // A lead of an ICB that commissions nothing here hears nothing.
    const [otherIcb] = await db.insert(schema.agencies).values({ serviceId: elsewhere.serviceId, name: "NHS Southfield ICB", kind: "icb" }).returning({ id: schema.agencies.id });
    const stranger = await signIn(server.url, await icbLeadOffTeam(db, elsewhere.serviceId, otherIcb!.id));
    const listen = async (who: SignedIn) => {
      const socket = io(server.url, { extraHeaders: { cookie: who.cookie }, transports: ["websocket"] });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const heard: string[] = [];
      socket.on("actions:changed", (m: { actionIds: string[] }) => heard.push(...m.actionIds));
      socket.on("presence", (m: { room: string }) => heard.push(`presence in ${m.room}`));
      return { socket, heard };
    };
    const [{ heard: farahHeard }, { heard: strangerHeard }] = await Promise.all([listen(farah), listen(stranger)]);
    // Another lead of her ICB comes and goes: the ICB's room carries news, not who is connected.
    (await listen(helen)).socket.close();
    const cetr = await insertCetr(db, { caseId: ids.jamie, actions: [{ text: "Review the medication", ownerId: people.get("Dr Ben Carter"), dueInDays: -1 }] });
    const [actionId] = cetr.actionIds;

    // First a change to the care plan, which Farah may not open; then the CETR action's.
    const planAction = (await priya.get<{ id: string; documentTitle: string }[]>(`/api/actions?caseId=${ids.jamie}`)).body.find((a) => a.documentTitle === "Jamie's care plan")!;
    expect((await priya.patch(`/api/actions/${planAction.id}`, { status: "in-progress" })).status).toBe(200);
    // Its owner marks it done (the agreed report is read-only to everyone else: ADR 0033).
    const ben = await signIn(server.url, "ben.carter");
    expect((await ben.patch(`/api/actions/${actionId}`, { status: "done" })).status).toBe(200);
    await waitFor(() => farahHeard.includes(actionId!) || undefined, { timeoutMs: 3000, what: "the ICB lead to hear of the change" });
    expect(farahHeard).not.toContain(planAction.id);
    expect(farahHeard.filter((m) => m.startsWith("presence"))).toEqual([]);
    expect(strangerHeard).toEqual([]);
    // What she hears of is what her dashboard shows.
    expect((await rows(farah, `?caseId=${ids.jamie}`)).find((r) => r.id === actionId)).toMatchObject({ status: "done", overdue: false });
  });
});
