/**
 * Turning 16 (or 18) can shut a young person's parents out (ADR 0026). On the day, a parent who
 * has the records open is closed at once, as after any other change of access, not only at their
 * next sign-in (consent/birthday-access-job.ts).
 */
import { schema } from "@roundtable/db";
import { todayInEngland } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { casesReachingAnAgeThatCounts, startBirthdayAccessJob } from "../src/consent/birthday-access-job.js";
import { signIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
const clients: CollabClient[] = [];
afterAll(() => {
  for (const c of clients) c.destroy();
});

/** The ISO date `days` from `iso`. */
function dayFrom(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A date of birth `years` before `iso`, on the same day of the year. */
const yearsBefore = (iso: string, years: number) => `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`;

describe("a young person's 16th and 18th birthdays", () => {
  it("finds exactly the cases whose young person reached 16 or 18 since the day last seen", async () => {
    const { db } = server.database;
    const [service] = await db.select({ id: schema.services.id }).from(schema.services).limit(1);
    const today = "2027-03-01";
    const born = { sixteenToday: "2011-03-01", eighteenToday: "2009-03-01", seventeenToday: "2010-03-01", sixteenYesterday: "2011-02-28" };
    const ids: Record<string, string> = {};
    for (const [name, dateOfBirth] of Object.entries(born)) {
      const [c] = await db.insert(schema.cases).values({ serviceId: service!.id, name, dateOfBirth, ragRating: "green" }).returning({ id: schema.cases.id });
      ids[name] = c!.id;
    }
    const found = await casesReachingAnAgeThatCounts(db, "2027-02-28", today);
    expect(found.filter((id) => Object.values(ids).includes(id)).sort()).toEqual([ids.sixteenToday, ids.eighteenToday].sort());
    // A gap of several days (the server was off) still finds what happened in it.
    expect(await casesReachingAnAgeThatCounts(db, "2027-02-20", today)).toEqual(expect.arrayContaining([ids.sixteenToday, ids.eighteenToday, ids.sixteenYesterday]));
    expect(await casesReachingAnAgeThatCounts(db, today, today)).toEqual([]);
  });

  it("closes a parent's open connection on the day a young person who declined turns 16", async () => {
    const { db } = server.database;
    const priya = await signIn(server.url, "priya.shah");
    const claire = await signIn(server.url, "claire.walker");
    const [service] = await db.select({ id: schema.services.id }).from(schema.services).limit(1);
    const today = todayInEngland();
    // 15 today: the young person's "no" is recorded and does not count yet.
    const [c] = await db
      .insert(schema.cases)
      .values({ serviceId: service!.id, name: "Riley Test", dateOfBirth: yearsBefore(today, 15), ragRating: "green" })
      .returning({ id: schema.cases.id });
    const caseId = c!.id;
    await db.insert(schema.caseMembers).values([
      { caseId, personId: priya.personId, role: "keyworker" },
      { caseId, personId: claire.personId, role: "parent" },
    ]);
    const plan = await priya.post<{ id: string }>(`/api/cases/${caseId}/documents`, { kind: "care-plan", title: "Riley's care plan" });
    expect(plan.status).toBe(201);
    expect((await priya.post(`/api/cases/${caseId}/consents`, { kind: "share-with-parents", decision: "declined", givenBy: "Riley (himself)" })).status).toBe(201);
    const open = await connectCollab(server.url, plan.body.id, claire.cookie);
    clients.push(open);
    const closed = new Promise<number>((resolve) => open.provider.once("connection-close", (event) => resolve(event?.code ?? 0)));

    // A day passes and Riley is 16: the job, seeing the new day, tells the open connections.
    await db.update(schema.cases).set({ dateOfBirth: yearsBefore(today, 16) }).where(eq(schema.cases.id, caseId));
    let day = dayFrom(today, -1);
    const job = startBirthdayAccessJob(db, server.log, 20, server.access, () => day);
    try {
      day = today;
      expect([4403, 4404]).toContain(await closed);
    } finally {
      await job.stop();
    }
    expect((await claire.get(`/api/documents/${plan.body.id}`)).status).toBe(404);
  });
});
