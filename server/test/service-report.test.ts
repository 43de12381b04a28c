/**
 * The service lead's report (GET /api/reports/service): who may read it, and its figures from a
 * small known set of rating changes, actions and CETRs in a keyworking service of the test's own
 * — so the demo data, and a third service beside it, are there to be wrongly counted, and never are.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import {
  daysFrom,
  defaultRagLevels,
  reportMonths,
  reportQuarters,
  todayInEngland,
  type ApiError,
  type RagLevel,
  type RecordedRagRating,
  type Role,
  type ServiceReport,
} from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords.js";
import { demoPassword, signIn, type SignedIn } from "./support/api-client.js";
import { dueInDays, insertCetr, serviceElsewhere } from "./support/cetr-fixtures.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();

/** Midnight at the start of a day in England: midnight UTC in winter, 23:00 UTC the day before in summer. */
function englandMidnight(day: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const hourThere = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(new Date(utc)));
  return new Date(utc - hourThere * 3_600_000);
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

describe("who may read the service report", () => {
  it("answers the service lead", async () => {
    const angela = await signIn(server.url, "angela.okafor");
    const report = await angela.get<ServiceReport>("/api/reports/service");
    expect(report.status).toBe(200);
    expect(report.body.months).toHaveLength(12);
    expect(report.body.children.listed.map((c) => c.name)).toContain("Jamie Walker");
  });

  it("refuses everyone else in plain English: senior keyworkers, keyworkers, the ICB, professionals and families", async () => {
    for (const login of ["tom.hughes", "priya.shah", "helen.morris", "mark.davies", "claire.walker", "jamie.walker"]) {
      const refused = await (await signIn(server.url, login)).get<ApiError>("/api/reports/service");
      expect(refused.status, login).toBe(403);
      expect(refused.body.error).toBe("The service report is for the service lead, who reports to the board. Ask the service lead for the figures you need.");
    }
  });
});

describe("the service report's figures", () => {
  const today = todayInEngland();
  const months = reportMonths(today);
  const quarters = reportQuarters(today);
  const yearStartsOn = months[0]!.first;
  const beforeTheYear = noon(daysFrom(yearStartsOn, -30));
  // The month a child's rating changes at midnight as it begins: one in British Summer Time (April to October), when
  // that midnight is 23:00 UTC the day before, so counting by UTC days would put it in the month before.
  const redAt = [3, 4, 5, 6, 7, 8].find((i) => Number(months[i]!.first.slice(5, 7)) >= 4 && Number(months[i]!.first.slice(5, 7)) <= 10)!;
  const yellow: RagLevel = { rating: "yellow", label: "Yellow", criteria: "Some risk: watched closely, with a check-in every month." };
  let lead: SignedIn;
  let report: ServiceReport;
  const people: Record<string, string> = {};
  const children: Record<string, string> = {};

  async function person(db: Db, serviceId: string, key: string, role: Role, extra: { agencyId?: string; password?: boolean } = {}): Promise<string> {
    const login = `${key}.${randomBytes(4).toString("hex")}`;
    const [row] = await db
      .insert(schema.people)
      .values({ serviceId, name: `${key[0]!.toUpperCase()}${key.slice(1)} Northgate`, email: `${login}@roundtable.demo`, role, agencyId: extra.agencyId ?? null, passwordHash: extra.password ? await hashPassword(demoPassword) : null })
      .returning({ id: schema.people.id });
    people[key] = row!.id;
    return login;
  }

  async function child(db: Db, serviceId: string, name: string, history: { to: RecordedRagRating; at: Date }[], keyworkers: { main?: string; second?: string }): Promise<string> {
    const [row] = await db
      .insert(schema.cases)
      .values({ serviceId, name, ragRating: history.at(-1)!.to, keyworkerId: keyworkers.main ?? null, secondKeyworkerId: keyworkers.second ?? null })
      .returning({ id: schema.cases.id });
    const caseId = row!.id;
    let from: RecordedRagRating | null = null;
    for (const change of history) {
      await db.insert(schema.ragChanges).values({ caseId, fromRating: from, toRating: change.to, reason: "Test", at: change.at });
      from = change.to;
    }
    children[name] = caseId;
    return caseId;
  }

  beforeAll(async () => {
    const { db } = server.database;
    const levels = [...defaultRagLevels.slice(0, 3), yellow, defaultRagLevels[3]!];
    const [service] = await db.insert(schema.services).values({ name: "Northgate Keyworking Service", area: "Northgate", ragLevels: levels, caseloadLimit: 2 }).returning({ id: schema.services.id });
    const serviceId = service!.id;
    const [health, school] = await db
      .insert(schema.agencies)
      .values([
        { serviceId, name: "Northgate CAMHS", kind: "health" },
        { serviceId, name: "Northgate Academy", kind: "education" },
      ])
      .returning({ id: schema.agencies.id });
    const leadLogin = await person(db, serviceId, "lead", "service-lead", { password: true });
    await person(db, serviceId, "kim", "keyworker");
    await person(db, serviceId, "lee", "senior-keyworker");
    await person(db, serviceId, "max", "keyworker");
    await person(db, serviceId, "olu", "professional", { agencyId: health!.id });

    const redMonth = months[redAt]!.first;
    const alex = await child(db, serviceId, "Alex North", [{ to: "amber", at: beforeTheYear }, { to: "red", at: englandMidnight(redMonth) }], { main: people.kim });
    const blake = await child(db, serviceId, "Blake North", [{ to: "green", at: beforeTheYear }, { to: "amber", at: new Date(englandMidnight(redMonth).getTime() - 1) }], { main: people.kim });
    const casey = await child(db, serviceId, "Casey North", [{ to: "yellow", at: noon(months[9]!.first) }], { main: people.kim });
    await child(db, serviceId, "Drew North", [{ to: "red", at: noon(daysFrom(yearStartsOn, -200)) }, { to: "green", at: noon(months[1]!.first) }], { main: people.lee, second: people.kim });

    // Actions with the children: by agency as written on them, else their owner's.
    const [plan] = await db.insert(schema.documents).values({ caseId: alex, kind: "care-plan", title: "Alex's plan", visibility: "family" }).returning({ id: schema.documents.id });
    const action = (text: string, status: "open" | "in-progress" | "done" | "blocked" | "cancelled", more: { ownerId?: string; ownerAgencyId?: string; due?: number; createdAt?: Date; removed?: boolean } = {}) => ({
      id: randomUUID(),
      caseId: alex,
      documentId: plan!.id,
      text,
      status,
      ownerId: more.ownerId ?? null,
      ownerAgencyId: more.ownerAgencyId ?? null,
      dueDate: more.due === undefined ? null : dueInDays(more.due),
      removedAt: more.removed ? new Date() : null,
      ...(more.createdAt ? { createdAt: more.createdAt } : {}),
    });
    await db.insert(schema.actions).values([
      action("Olu's, done", "done", { ownerId: people.olu }),
      action("CAMHS, overdue", "open", { ownerAgencyId: health!.id, due: -1 }),
      action("CAMHS, due later", "in-progress", { ownerAgencyId: health!.id, due: 10 }),
      action("School, cancelled", "cancelled", { ownerAgencyId: school!.id }),
      action("School, blocked and overdue", "blocked", { ownerAgencyId: school!.id, due: -5 }),
      action("Nobody's yet", "open"),
      action("CAMHS, agreed before the year", "done", { ownerAgencyId: health!.id, createdAt: beforeTheYear }),
      action("CAMHS, taken out of the plan", "open", { ownerAgencyId: health!.id, due: -3, removed: true }),
    ]);

    // CETRs: two held in the last quarter but one, one this quarter; one withdrawn and one held before the quarters counted.
    await insertCetr(db, {
      caseId: alex,
      heldOn: daysFrom(quarters[2]!.first, 10),
      actions: [
        { text: "School, done", ownerAgencyId: school!.id, dueInDays: -10, status: "done" },
        { text: "School, overdue", ownerAgencyId: school!.id, dueInDays: -3 },
        { text: "Nobody's, due later", dueInDays: 20 },
      ],
    });
    await insertCetr(db, { caseId: blake, heldOn: daysFrom(quarters[2]!.first, 20), status: "held", actions: [] });
    await insertCetr(db, { caseId: casey, heldOn: quarters[3]!.first, actions: [{ text: "CAMHS, closed", ownerAgencyId: health!.id, dueInDays: 5, status: "cancelled" }] });
    await insertCetr(db, { caseId: blake, heldOn: daysFrom(quarters[2]!.first, 30), status: "withdrawn", actions: [] });
    await insertCetr(db, { caseId: casey, heldOn: daysFrom(quarters[0]!.first, -10), actions: [] });

    // A third service, with a rated child, a CETR and its action: never counted here.
    const [icb] = await db.select({ id: schema.agencies.id }).from(schema.agencies).where(eq(schema.agencies.kind, "icb"));
    const elsewhere = await serviceElsewhere(db, icb!.id);
    await db.insert(schema.ragChanges).values({ caseId: elsewhere.caseId, fromRating: null, toRating: "red", reason: "Test", at: noon(months[3]!.first) });
    await insertCetr(db, { caseId: elsewhere.caseId, heldOn: daysFrom(quarters[2]!.first, 5), actions: [{ text: "Elsewhere, overdue", dueInDays: -2 }] });

    lead = await signIn(server.url, leadLogin);
    const answer = await lead.get<ServiceReport>("/api/reports/service");
    expect(answer.status).toBe(200);
    report = answer.body;
  });

  it("names the service and gives its levels, yellow where the service put it", () => {
    expect(report.today).toBe(today);
    expect(report.serviceName).toBe("Northgate Keyworking Service");
    expect(report.levels.map((l) => l.label)).toEqual(["Blue", "Red", "Amber", "Yellow", "Green"]);
  });

  it("counts the children at each rating at the end of each month: a change at midnight as the month begins counts in that month", () => {
    // Alex amber, then red from the month `redAt` (changed at midnight as it began); Blake green, then amber from the
    // month before (changed a moment before that midnight); Drew red, then green from the second; Casey yellow from the tenth.
    const held = (i: number): Record<string, number> => {
      const each = [i < redAt ? "amber" : "red", i < redAt - 1 ? "green" : "amber", i < 1 ? "red" : "green", ...(i >= 9 ? ["yellow"] : [])];
      const counts: Record<string, number> = {};
      for (const rating of each) counts[rating] = (counts[rating] ?? 0) + 1;
      return counts;
    };
    const expected = months.map((month, i) => ({ first: month.first, last: month.last, ratings: held(i) }));
    expect(expected[0]!.ratings).toEqual({ amber: 1, green: 1, red: 1 });
    expect(expected[redAt - 1]!.ratings).toEqual({ amber: 2, green: 1 });
    expect(expected[redAt]!.ratings).toEqual({ red: 1, amber: 1, green: 1 });
    expect(report.months.map((m) => ({ first: m.first, last: m.last, ratings: m.ratings }))).toEqual(expected);
    expect(report.months.map((m) => m.children)).toEqual(months.map((_, i) => (i >= 9 ? 4 : 3)));
    expect(report.months.at(-1)).toMatchObject({ last: today, soFar: true });
  });

  it("gives each child's year, those more serious than a year ago first", () => {
    expect(report.children.yearStartsOn).toBe(yearStartsOn);
    expect(report.children.total).toBe(4);
    expect(report.children.compared).toEqual({ "more-serious": 2, new: 1, "less-serious": 1, same: 0 });
    expect(report.children.listed.map((c) => ({ name: c.name, path: c.path, now: c.now, changes: c.changes, compared: c.compared, joinedOn: c.joinedOn }))).toEqual([
      { name: "Alex North", path: ["amber", "red"], now: "red", changes: 1, compared: "more-serious", joinedOn: null },
      { name: "Blake North", path: ["green", "amber"], now: "amber", changes: 1, compared: "more-serious", joinedOn: null },
      { name: "Casey North", path: ["yellow"], now: "yellow", changes: 0, compared: "new", joinedOn: months[9]!.first },
      { name: "Drew North", path: ["red", "green"], now: "green", changes: 1, compared: "less-serious", joinedOn: null },
    ]);
    expect(report.children.listed[0]!.caseId).toBe(children["Alex North"]);
  });

  it("counts each keyworker's children, as keyworker and as second keyworker, against the limit", () => {
    expect(report.caseloads).toEqual({
      limit: 2,
      keyworkers: [
        { id: people.kim, name: "Kim Northgate", keyworkerFor: 3, secondKeyworkerFor: 1, children: 4 },
        { id: people.lee, name: "Lee Northgate", keyworkerFor: 1, secondKeyworkerFor: 0, children: 1 },
        { id: people.max, name: "Max Northgate", keyworkerFor: 0, secondKeyworkerFor: 0, children: 0 },
      ],
    });
  });

  it("counts the actions agreed this year by agency, as they stand today, the most overdue first", () => {
    expect(report.actionsByAgency.since).toBe(yearStartsOn);
    expect(report.actionsByAgency.agencies.map(({ id: _, ...figures }) => figures)).toEqual([
      { name: "Northgate Academy", agreed: 4, done: 1, stillToDo: 2, overdue: 2, closed: 1 },
      { name: "Northgate CAMHS", agreed: 4, done: 1, stillToDo: 2, overdue: 1, closed: 1 },
      { name: "No agency named", agreed: 2, done: 0, stillToDo: 2, overdue: 0, closed: 0 },
    ]);
    expect(report.actionsByAgency.agencies.at(-1)!.id).toBeNull();
  });

  it("counts the CETRs held each quarter and how their actions stand today", () => {
    expect(report.cetrQuarters.map(({ first, last, soFar, ...figures }) => ({ first, ...figures }))).toEqual([
      { first: quarters[0]!.first, held: 0, actions: 0, done: 0, stillToDo: 0, overdue: 0, closed: 0 },
      { first: quarters[1]!.first, held: 0, actions: 0, done: 0, stillToDo: 0, overdue: 0, closed: 0 },
      { first: quarters[2]!.first, held: 2, actions: 3, done: 1, stillToDo: 2, overdue: 1, closed: 0 },
      { first: quarters[3]!.first, held: 1, actions: 1, done: 0, stillToDo: 0, overdue: 0, closed: 1 },
    ]);
  });

  it("never counts this service's children in another's report", async () => {
    const angela = await signIn(server.url, "angela.okafor");
    const demo = (await angela.get<ServiceReport>("/api/reports/service")).body;
    const names = demo.children.listed.map((c) => c.name);
    expect(names.some((n) => n.endsWith("North") || n.endsWith("Southfield"))).toBe(false);
    expect(demo.months.at(-1)!.children).toBe(demo.children.total);
    expect(demo.caseloads.keyworkers.map((k) => k.name)).not.toContain("Kim Northgate");
  });
});
