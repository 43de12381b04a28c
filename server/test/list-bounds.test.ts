/**
 * Lists filter visibility in the database. The action list reads a bounded number of queries
 * for one action however many the person may not see, stops when its request is cancelled, and
 * lists exactly the actions in documents the person may open (checked against opening each
 * document, for every demo account, over documents of every kind of visibility). The daily
 * digest costs a few queries per owner, not per record, and a later run the same day reads
 * nothing again for those already sent theirs.
 */
import { randomUUID } from "node:crypto";
import { openDatabase, schema, type Database } from "@roundtable/db";
import { createTestDatabase, type TestDatabase } from "@roundtable/db/testing";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoDataIfEmpty } from "../src/demo-data/seed.js";
import { sendDailyDigests } from "../src/notifications/daily-digest.js";
import type { Email, Mailer } from "../src/notifications/mailer.js";
import { HttpError } from "../src/errors.js";
import { documentAccessFor } from "../src/access/access.js";
import { getAction, listActions } from "../src/actions/actions.js";
import { personById, type Person } from "../src/auth/sessions.js";

const HIDDEN = 1000;

let database: Database;
let testDb: TestDatabase | null = null;
let queries = 0;
let onQuery: () => void = () => {};
let jamieCaseId: string;
let visibleToClaire: string;
let professionalsNotesId: string;

const db = () => database.db;

async function person(emailStart: string): Promise<Person> {
  const people = await db().select().from(schema.people);
  const found = people.find((p) => p.email.startsWith(emailStart));
  if (!found) throw new Error(`no demo person ${emailStart}`);
  return (await personById(db(), found.id))!;
}

async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = queries;
  const result = await run();
  return { result, queries: queries - before };
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) testDb = await createTestDatabase(process.env.DATABASE_URL);
  database = await openDatabase({
    url: testDb?.url,
    logger: {
      logQuery: () => {
        queries++;
        onQuery();
      },
    },
  });
  await seedDemoDataIfEmpty(db());
  const [jamie] = await db().select().from(schema.cases).where(eq(schema.cases.name, "Jamie Walker"));
  jamieCaseId = jamie!.id;
  const [plan] = await db()
    .select()
    .from(schema.documents)
    .where(and(eq(schema.documents.caseId, jamieCaseId), eq(schema.documents.kind, "care-plan")));
  // A thousand professionals-only actions on Jamie's case, all due before the one his mum may see.
  const [notes] = await db()
    .insert(schema.documents)
    .values({ caseId: jamieCaseId, kind: "notes", title: "Professionals' notes", visibility: "professionals" })
    .returning();
  professionalsNotesId = notes!.id;
  await db()
    .insert(schema.actions)
    .values(
      Array.from({ length: HIDDEN }, (_, i) => ({
        id: randomUUID(),
        caseId: jamieCaseId,
        documentId: notes!.id,
        text: `Professionals-only action ${i}`,
        dueDate: "2020-01-01",
        status: "open" as const,
        position: i,
      })),
    );
  visibleToClaire = randomUUID();
  await db().insert(schema.actions).values({ id: visibleToClaire, caseId: jamieCaseId, documentId: plan!.id, text: "Book the review", dueDate: "2020-02-01", status: "open" });
});

afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

describe("the action list reads only what it returns", () => {
  it("finds a parent's first action past a thousand they may not see, in a bounded number of queries", async () => {
    const claire = await person("claire.walker");
    for (const query of [{ limit: 1 }, { limit: 1, caseId: jamieCaseId }]) {
      const { result, queries: asked } = await countQueries(() => listActions(db(), claire, query));
      expect(result.map((a) => a.id)).toEqual([visibleToClaire]);
      expect(asked).toBeLessThanOrEqual(12);
    }
  });

  it("answers the administrator, who may see no action, in a bounded number of queries", async () => {
    const sam = await person("sam.patel");
    const { result, queries: asked } = await countQueries(() => listActions(db(), sam, { limit: 1 }));
    expect(result).toEqual([]);
    expect(asked).toBeLessThanOrEqual(12);
  });

  it("still gives the service lead the soonest action, hidden from the family or not", async () => {
    const angela = await person("angela.okafor");
    for (const query of [{ limit: 1 }, { limit: 1, caseId: jamieCaseId }]) {
      const { result, queries: asked } = await countQueries(() => listActions(db(), angela, query));
      expect(result[0]?.text).toBe("Professionals-only action 0");
      expect(asked).toBeLessThanOrEqual(15);
    }
  });

  it("stops querying once its request is cancelled", async () => {
    const claire = await person("claire.walker");
    const cancel = new AbortController();
    let afterCancel = -1;
    onQuery = () => {
      if (afterCancel >= 0) afterCancel++;
      else {
        cancel.abort();
        afterCancel = 0;
      }
    };
    try {
      const listed = listActions(db(), claire, { limit: 1 }, { signal: cancel.signal });
      await expect(listed).rejects.toBeInstanceOf(HttpError);
    } finally {
      onQuery = () => {};
    }
    // Two independent look-ups start side by side: the other one may already be on its way.
    expect(afterCancel).toBeLessThanOrEqual(1);
  });
});

describe("the daily digest", () => {
  it("counts an owner's actions in a few queries, and reads nothing again for those already sent theirs", async () => {
    const d = db();
    const mark = await person("mark.davies");
    // Thirty records on Jamie's case with one action each for Mark, due this week, and one
    // professionals-only record he may open too; Jamie's own page he may not.
    const records = await d
      .insert(schema.documents)
      .values(Array.from({ length: 30 }, (_, i) => ({ caseId: jamieCaseId, kind: "network-map" as const, title: `Record ${i}`, visibility: i === 0 ? ("young-person" as const) : ("family" as const) })))
      .returning();
    await d.insert(schema.actions).values(records.map((r, i) => ({ id: randomUUID(), caseId: jamieCaseId, documentId: r.id, ownerId: mark.id, text: `Digest ${i}`, dueDate: i < 10 ? "2030-01-01" : "2030-01-05", status: "open" as const })));
    const sent: Email[] = [];
    const mailer: Mailer = { send: async (email) => void sent.push(email), close: () => {} };
    const first = await countQueries(() => sendDailyDigests(d, mailer, "https://roundtable.example.org", "2030-01-03"));
    // What My actions shows him: the thirty above (less his young person's page) and his own from the demo.
    const his = (await listActions(d, mark, { owner: "me", limit: 1000 })).filter((a) => ["open", "in-progress", "blocked"].includes(a.status) && a.dueDate && a.dueDate <= "2030-01-10");
    const overdue = his.filter((a) => a.dueDate! < "2030-01-03").length;
    expect(his.length - overdue).toBe(20);
    expect(sent.find((e) => e.to === mark.email)?.subject).toBe(`Your actions today: ${overdue} overdue, 20 due in the next 7 days`);
    expect(first.queries).toBeLessThanOrEqual(15 * first.result); // a few for each owner told, not some for each record
    const again = await countQueries(() => sendDailyDigests(d, mailer, "https://roundtable.example.org", "2030-01-03"));
    expect(again.result).toBe(0);
    expect(again.queries).toBeLessThanOrEqual(2);
    await d.update(schema.actions).set({ removedAt: new Date() }).where(inArray(schema.actions.documentId, records.map((r) => r.id)));
  });
});

describe("the action list shows what opening the document would", () => {
  it("lists, and opens, exactly the actions in documents each demo account may open", async () => {
    const d = db();
    // The thousand above were for counting; this compares whole lists, which stop at 1,000.
    await d.update(schema.actions).set({ removedAt: new Date() }).where(eq(schema.actions.documentId, professionalsNotesId));
    const cases = await d.select().from(schema.cases);
    const people = await d.select().from(schema.people);
    const idOf = (start: string) => people.find((p) => p.email.startsWith(start))!.id;
    const [serviceId] = [cases[0]!.serviceId];
    // Documents of every visibility on every case, a part of a professionals document, and
    // minutes of a family meeting and of a tracker meeting covering two children.
    for (const c of cases) {
      await d.insert(schema.documents).values([
        { caseId: c.id, kind: "notes", title: "Own page", visibility: "young-person" },
        { caseId: c.id, kind: "cetr", title: "CETR", visibility: "professionals" },
        { caseId: c.id, kind: "network-map", title: "Network", visibility: "family" },
      ]);
    }
    const [cetr] = await d.select().from(schema.documents).where(and(eq(schema.documents.caseId, cases[0]!.id), eq(schema.documents.kind, "cetr")));
    await d.insert(schema.documents).values({ caseId: cases[0]!.id, kind: "family-views", title: "Part of a CETR", visibility: "family", partOf: cetr!.id });
    const [family] = await d
      .insert(schema.meetings)
      .values({ serviceId, type: "planning", title: "Planning", startsAt: new Date(), visibility: "family", chairId: idOf("tom"), caseId: cases[1]!.id, status: "scheduled" })
      .returning();
    const [tracker] = await d
      .insert(schema.meetings)
      .values({ serviceId, type: "tracker", title: "Tracker", startsAt: new Date(), visibility: "professionals", chairId: idOf("angela"), caseId: null, status: "scheduled" })
      .returning();
    await d.insert(schema.meetingCases).values([
      { meetingId: family!.id, caseId: cases[1]!.id, position: 0 },
      { meetingId: tracker!.id, caseId: cases[0]!.id, position: 0 },
      { meetingId: tracker!.id, caseId: cases[1]!.id, position: 1 },
    ]);
    await d.insert(schema.meetingInvitees).values({ meetingId: tracker!.id, personId: idOf("sophie") });
    // A keyworker on a child's team who is not that child's own keyworker: not their own page.
    await d.insert(schema.caseMembers).values({ caseId: cases[2]!.id, personId: idOf("tom"), role: "keyworker" }).onConflictDoUpdate({
      target: [schema.caseMembers.caseId, schema.caseMembers.personId],
      set: { role: "keyworker" },
    });
    await d.insert(schema.documents).values([
      { caseId: cases[1]!.id, meetingId: family!.id, kind: "minutes", title: "Planning minutes", visibility: "family" },
      { caseId: null, meetingId: tracker!.id, kind: "minutes", title: "Tracker minutes", visibility: "professionals" },
    ]);
    // One action in every document that has none yet (in each child's section of the tracker minutes).
    const earlier = new Set((await d.select({ id: schema.actions.documentId }).from(schema.actions)).map((a) => a.id));
    const documents = (await d.select().from(schema.documents)).filter((doc) => !earlier.has(doc.id));
    const covered = await d.select().from(schema.meetingCases);
    await d.insert(schema.actions).values(
      documents.flatMap((doc) =>
        (doc.caseId ? [doc.caseId] : covered.filter((m) => m.meetingId === doc.meetingId).map((m) => m.caseId)).map((caseId) => ({
          id: randomUUID(),
          caseId,
          documentId: doc.id,
          meetingId: doc.meetingId,
          text: `In ${doc.title}`,
          status: "open" as const,
        })),
      ),
    );
    const all = await d.select().from(schema.actions).where(isNull(schema.actions.removedAt));
    const onePerDocument = [...new Map(all.map((a) => [a.documentId, a])).values()];
    for (const p of people) {
      const reader = (await personById(d, p.id))!;
      const mayOpen = new Map<string, boolean>();
      for (const a of onePerDocument) mayOpen.set(a.documentId, (await documentAccessFor(d, reader, a.documentId)).ok);
      const expected = all.filter((a) => mayOpen.get(a.documentId)).map((a) => a.id);
      const listed = (await listActions(d, reader, { limit: 1000 })).map((a) => a.id);
      expect({ who: p.email, listed: [...listed].sort() }).toEqual({ who: p.email, listed: [...expected].sort() });
      // Narrowed to one child (read through the case's index, each row tested as it is read).
      for (const c of cases) {
        const forCase = (await listActions(d, reader, { caseId: c.id, limit: 1000 })).map((a) => a.id);
        const expectedForCase = all.filter((a) => a.caseId === c.id && mayOpen.get(a.documentId)).map((a) => a.id);
        expect({ who: p.email, case: c.name, listed: [...forCase].sort() }).toEqual({ who: p.email, case: c.name, listed: [...expectedForCase].sort() });
      }
      for (const a of onePerDocument) {
        const opened = await getAction(d, reader, a.id).then(
          () => true,
          (err: unknown) => {
            if (err instanceof HttpError && (err.status === 403 || err.status === 404)) return false;
            throw err;
          },
        );
        expect({ who: p.email, action: a.text, opened }).toEqual({ who: p.email, action: a.text, opened: mayOpen.get(a.documentId) });
      }
    }
    // Every account against every document, one by one (some 1,400 requests of the database):
    // on real Postgres beside other files, longer than the usual 30 s.
  }, 120_000);
});
