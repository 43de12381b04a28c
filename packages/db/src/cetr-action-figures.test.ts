/**
 * The CETR action figures the database keeps (migration 0023, ADR 0034): after any mix of
 * changes to actions — made, status moved, date moved or cleared, owner or agency changed,
 * removed, put back, deleted — the kept figures equal the figures counted afresh from the actions
 * by this test (its own oracle, in TypeScript), on PGlite and on Postgres; the day-by-day changes
 * add up to what is open and done now; the figures kept per child and per CETR report (migration
 * 0027) and the days kept per child (0029) are their sums; and a rebuild from the record gives the
 * same figures.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useDatabaseUnderTest } from "./database-under-test.js";
import { randomFrom } from "./seeded-random.js";
import * as schema from "./schema.js";

const opened = useDatabaseUnderTest();

const statuses = ["open", "in-progress", "blocked", "done", "cancelled"] as const;
const openStatuses: readonly string[] = ["open", "in-progress", "blocked"];
const dueSoonDays = 14;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Key = string;
const keyOf = (r: { caseId: string; documentId: string; agencyId: string | null; ownerId: string | null }): Key => [r.caseId, r.documentId, r.agencyId ?? "-", r.ownerId ?? "-"].join("|");

/** The figures counted afresh from the actions: the oracle the kept ones must equal. */
async function countedAfresh(today: string): Promise<Map<Key, { total: number; open: number; overdue: number; dueSoon: number; done: number }>> {
  const { db } = opened();
  const rows = await db
    .select({ a: schema.actions, ownersAgency: schema.people.agencyId })
    .from(schema.actions)
    .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, schema.actions.documentId))
    .leftJoin(schema.people, eq(schema.people.id, schema.actions.ownerId))
    .where(isNull(schema.actions.removedAt));
  const figures = new Map<Key, { total: number; open: number; overdue: number; dueSoon: number; done: number }>();
  const soon = addDays(today, dueSoonDays);
  for (const { a, ownersAgency } of rows) {
    const key = keyOf({ caseId: a.caseId, documentId: a.documentId, agencyId: a.ownerAgencyId ?? ownersAgency, ownerId: a.ownerId });
    const f = figures.get(key) ?? { total: 0, open: 0, overdue: 0, dueSoon: 0, done: 0 };
    const open = openStatuses.includes(a.status);
    f.total++;
    if (open) f.open++;
    if (open && a.dueDate && a.dueDate < today) f.overdue++;
    if (open && a.dueDate && a.dueDate >= today && a.dueDate <= soon) f.dueSoon++;
    if (a.status === "done") f.done++;
    figures.set(key, f);
  }
  return figures;
}

async function kept(): Promise<Map<Key, { total: number; open: number; overdue: number; dueSoon: number; done: number }>> {
  const rows = await opened().db.select().from(schema.cetrActionFigures);
  // A row every count of which has gone back to nought is the same as no row.
  return new Map(
    rows.filter((r) => r.total || r.open || r.overdue || r.dueSoon || r.done).map((r) => [keyOf(r), { total: r.total, open: r.open, overdue: r.overdue, dueSoon: r.dueSoon, done: r.done }]),
  );
}

type Counts = { total: number; open: number; overdue: number; dueSoon: number; done: number };

/** The figures summed by one part of their key (0: the child, 1: the CETR report). */
function summedBy(figures: Map<Key, Counts>, part: 0 | 1): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const [key, f] of figures) {
    const k = key.split("|")[part]!;
    const o = out.get(k) ?? { total: 0, open: 0, overdue: 0, dueSoon: 0, done: 0 };
    for (const field of ["total", "open", "overdue", "dueSoon", "done"] as const) o[field] += f[field];
    out.set(k, o);
  }
  return out;
}

/** The figures kept per child and per CETR report (migration 0027), rows of all noughts left out. */
async function keptRollUps(): Promise<{ byChild: Map<string, Counts>; byReport: Map<string, Counts> }> {
  const { db } = opened();
  const counts = (r: Counts): Counts => ({ total: r.total, open: r.open, overdue: r.overdue, dueSoon: r.dueSoon, done: r.done });
  const any = (r: Counts) => r.total || r.open || r.overdue || r.dueSoon || r.done;
  const [children, reports] = await Promise.all([db.select().from(schema.cetrActionChildFigures), db.select().from(schema.cetrActionReportFigures)]);
  return { byChild: new Map(children.filter(any).map((r) => [r.caseId, counts(r)])), byReport: new Map(reports.filter(any).map((r) => [r.documentId, counts(r)])) };
}

/** The day-by-day changes as kept per child and day (migration 0029), and as their sums from the changes kept per child, agency, owner and day. */
async function childDays(): Promise<{ kept: Map<string, { open: number; done: number }>; summed: Map<string, { open: number; done: number }> }> {
  const { db } = opened();
  const d = schema.cetrActionStatusDays;
  const [kept, summed] = await Promise.all([
    db.select().from(schema.cetrActionChildDays),
    db
      .select({ caseId: d.caseId, day: d.day, open: sql<number>`sum(${d.open})::int`, done: sql<number>`sum(${d.done})::int` })
      .from(d)
      .groupBy(d.caseId, d.day),
  ]);
  const byKey = (rows: { caseId: string; day: string; open: number; done: number }[]) =>
    new Map(rows.filter((r) => r.open || r.done).map((r) => [`${r.caseId}|${r.day}`, { open: r.open, done: r.done }]));
  return { kept: byKey(kept), summed: byKey(summed) };
}

/** The kept figures equal those counted afresh, and so do their sums per child and per report; the days per child are the sums of the days kept finer. */
async function expectKeptToEqualCountedAfresh(today: string): Promise<void> {
  const afresh = await countedAfresh(today);
  expect(await kept()).toEqual(afresh);
  expect(await keptRollUps()).toEqual({ byChild: summedBy(afresh, 0), byReport: summedBy(afresh, 1) });
  const days = await childDays();
  expect(days.kept).toEqual(days.summed);
  expect(days.kept.size).toBeGreaterThan(0);
}

/** What a reader does: rebuilds first when the figures are stale or for another day. */
async function bringUpTo(today: string): Promise<void> {
  await opened().db.execute(sql`select cetr_action_figures_rebuild(${today}::date, ${dueSoonDays}::int)`);
}

async function asOf(): Promise<string | null> {
  const [state] = await opened().db.select().from(schema.cetrActionFiguresState);
  return state!.asOf;
}

/** The day-by-day changes added up, per child, agency and owner: what is open and done now. */
async function daysAddedUp(): Promise<Map<string, { open: number; done: number }>> {
  const rows = await opened().db
    .select({ caseId: schema.cetrActionStatusDays.caseId, agencyId: schema.cetrActionStatusDays.agencyId, ownerId: schema.cetrActionStatusDays.ownerId, open: sql<number>`sum(${schema.cetrActionStatusDays.open})::int`, done: sql<number>`sum(${schema.cetrActionStatusDays.done})::int` })
    .from(schema.cetrActionStatusDays)
    .groupBy(schema.cetrActionStatusDays.caseId, schema.cetrActionStatusDays.agencyId, schema.cetrActionStatusDays.ownerId);
  return new Map(rows.filter((r) => r.open || r.done).map((r) => [[r.caseId, r.agencyId ?? "-", r.ownerId ?? "-"].join("|"), { open: r.open, done: r.done }]));
}

function openAndDoneOf(figures: Map<Key, { open: number; done: number }>): Map<string, { open: number; done: number }> {
  const out = new Map<string, { open: number; done: number }>();
  for (const [key, f] of figures) {
    const [caseId, , agencyId, ownerId] = key.split("|");
    const k = [caseId, agencyId, ownerId].join("|");
    const o = out.get(k) ?? { open: 0, done: 0 };
    o.open += f.open;
    o.done += f.done;
    out.set(k, o);
  }
  return new Map([...out].filter(([, v]) => v.open || v.done));
}

describe("the CETR action figures the database keeps", () => {
  it("equal the figures counted afresh after any mix of changes, and a rebuild gives the same", async () => {
    const { db } = opened();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
    const [service] = await db.insert(schema.services).values({ name: "Figures service", area: "Testshire" }).returning();
    const agencies = await db
      .insert(schema.agencies)
      .values(["Health", "Education", "Social care"].map((name) => ({ serviceId: service!.id, name, kind: "health" as const })))
      .returning();
    const owners = await db
      .insert(schema.people)
      .values(agencies.flatMap((ag, i) => [0, 1].map((j) => ({ serviceId: service!.id, name: `Owner ${i}-${j}`, email: `owner${i}${j}@figures.example`, role: "professional" as const, agencyId: ag.id }))))
      .returning();
    const cases = await db
      .insert(schema.cases)
      .values([1, 2, 3].map((n) => ({ serviceId: service!.id, name: `Child ${n}`, ragRating: "red" as const })))
      .returning();
    const documents = await db
      .insert(schema.documents)
      .values(cases.flatMap((c) => [{ caseId: c.id, kind: "cetr" as const, title: "CETR", visibility: "professionals" as const }, { caseId: c.id, kind: "minutes" as const, title: "Minutes", visibility: "professionals" as const }]))
      .returning();
    const cetrDocuments = documents.filter((d) => d.kind === "cetr");
    await db.insert(schema.cetrs).values(cetrDocuments.map((d) => ({ serviceId: service!.id, caseId: d.caseId!, setting: "community" as const, reason: "Risk", documentId: d.id })));
    await bringUpTo(today);
    expect(await asOf()).toBe(today);

    const random = randomFrom(20261206);
    const ids: string[] = [];
    // The edges of overdue and due soon, and anywhere around them.
    const edges = [-1, 0, 1, dueSoonDays, dueSoonDays + 1];
    const dueDate = () => (random.int(6) === 0 ? null : addDays(today, random.int(2) ? random.pick(edges) : random.int(60) - 30));
    const anyAction = () => random.pick(ids);
    const operations = [
      async () => {
        const made = await db
          .insert(schema.actions)
          .values(
            Array.from({ length: 1 + random.int(4) }, () => {
              const doc = random.pick(documents);
              return { id: crypto.randomUUID(), caseId: doc.caseId!, documentId: doc.id, text: "An action", ownerId: random.int(6) ? random.pick(owners).id : null, dueDate: dueDate(), status: random.pick(statuses) };
            }),
          )
          .returning({ id: schema.actions.id });
        ids.push(...made.map((m) => m.id));
      },
      async () => void (await db.update(schema.actions).set({ status: random.pick(statuses) }).where(eq(schema.actions.id, anyAction()))),
      async () => void (await db.update(schema.actions).set({ dueDate: dueDate() }).where(eq(schema.actions.id, anyAction()))),
      async () => void (await db.update(schema.actions).set({ ownerId: random.int(4) ? random.pick(owners).id : null }).where(eq(schema.actions.id, anyAction()))),
      async () => void (await db.update(schema.actions).set({ ownerAgencyId: random.int(2) ? random.pick(agencies).id : null }).where(eq(schema.actions.id, anyAction()))),
      async () => void (await db.update(schema.actions).set({ removedAt: new Date() }).where(eq(schema.actions.id, anyAction()))),
      async () => void (await db.update(schema.actions).set({ removedAt: null }).where(eq(schema.actions.id, anyAction()))),
      async () => void (await db.delete(schema.actions).where(eq(schema.actions.id, anyAction()))),
      // Many at once, as a document's save does.
      async () => void (await db.update(schema.actions).set({ status: "done" }).where(and(eq(schema.actions.caseId, random.pick(cases).id), eq(schema.actions.status, "open")))),
    ];
    await operations[0]!();
    for (let step = 0; step < 150; step++) {
      await (ids.length < 8 ? operations[0]! : random.pick(operations))();
      if (step % 10 === 9) {
        await expectKeptToEqualCountedAfresh(today);
        expect(await daysAddedUp()).toEqual(openAndDoneOf(await countedAfresh(today)));
      }
    }
    // An owner moving agency, and a CETR made for a document that already has actions, are not
    // followed row by row: they make the figures stale, and a reader rebuilds them.
    await db.update(schema.people).set({ agencyId: agencies[2]!.id }).where(eq(schema.people.id, owners[0]!.id));
    expect(await asOf()).toBeNull();
    await bringUpTo(today);
    await expectKeptToEqualCountedAfresh(today);
    const minutes = documents.find((d) => d.kind === "minutes")!;
    await db.insert(schema.cetrs).values({ serviceId: service!.id, caseId: minutes.caseId!, setting: "inpatient", reason: "In hospital", documentId: minutes.id });
    expect(await asOf()).toBeNull();
    await bringUpTo(today);
    const afterRebuild = await kept();
    await expectKeptToEqualCountedAfresh(today);
    expect([...afterRebuild.values()].some((f) => f.open > 0)).toBe(true);

    // A new day: overdue and due soon move on, nothing else.
    const tomorrowWeek = addDays(today, 7);
    await bringUpTo(tomorrowWeek);
    expect(await asOf()).toBe(tomorrowWeek);
    await expectKeptToEqualCountedAfresh(tomorrowWeek);
  }, 60_000);

  it("counts nothing in a document that is not a CETR's", async () => {
    const { db } = opened();
    const [c] = await db.select().from(schema.cases).limit(1);
    const [doc] = await db.insert(schema.documents).values({ caseId: c!.id, kind: "notes", title: "Notes", visibility: "professionals" }).returning();
    const before = await kept();
    await db.insert(schema.actions).values({ id: crypto.randomUUID(), caseId: c!.id, documentId: doc!.id, text: "Not a CETR's", status: "open", dueDate: "2020-01-01" });
    expect(await kept()).toEqual(before);
  });
});
