/**
 * Who each ICB oversees, as the database keeps it (`icb_oversight`, migration 0026, ADR 0036):
 * after any mix of changes — sharing consent given, declined, withdrawn or deleted; a service
 * commissioned or no longer; a child moved to another service; an agency becoming an ICB or no
 * longer one — the kept rows equal the rule worked out afresh by this test (its own oracle, in
 * TypeScript): the ICB commissions the child's service, and the family's latest decision on
 * sharing with that ICB is "given" and not withdrawn. On PGlite and on Postgres.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useDatabaseUnderTest } from "./database-under-test.js";
import { randomFrom } from "./seeded-random.js";
import * as schema from "./schema.js";

const opened = useDatabaseUnderTest();

/** The rule, worked out from the records by this test. */
async function overseenAfresh(): Promise<string[]> {
  const { db } = opened();
  const [cases, commissions, agencies, consents] = await Promise.all([
    db.select().from(schema.cases),
    db.select().from(schema.icbCommissions),
    db.select().from(schema.agencies),
    db.select().from(schema.consents),
  ]);
  const isIcb = new Set(agencies.filter((a) => a.kind === "icb").map((a) => a.id));
  const out: string[] = [];
  for (const c of cases) {
    for (const ic of commissions) {
      if (ic.serviceId !== c.serviceId || !isIcb.has(ic.icbAgencyId)) continue;
      const latest = consents
        .filter((k) => k.kind === "share-with-agency" && k.caseId === c.id && k.agencyId === ic.icbAgencyId)
        .sort((x, y) => y.recordedAt.getTime() - x.recordedAt.getTime())[0];
      if (latest?.decision === "given" && latest.withdrawnAt === null) out.push(`${ic.icbAgencyId}|${c.id}`);
    }
  }
  return out.sort();
}

async function kept(): Promise<string[]> {
  const rows = await opened().db.select().from(schema.icbOversight);
  return rows.map((r) => `${r.icbAgencyId}|${r.caseId}`).sort();
}

describe("who each ICB oversees, as the database keeps it", () => {
  it("equals the rule worked out afresh after any mix of changes to consent, commissioning, services and agencies", async () => {
    const { db } = opened();
    const services = await db
      .insert(schema.services)
      .values(["North", "South"].map((name) => ({ name: `${name} keyworking`, area: `${name}shire` })))
      .returning();
    const agencies = await db
      .insert(schema.agencies)
      .values([
        { serviceId: services[0]!.id, name: "North ICB", kind: "icb" },
        { serviceId: services[1]!.id, name: "South ICB", kind: "icb" },
        { serviceId: services[0]!.id, name: "CAMHS", kind: "health" },
      ])
      .returning();
    const [recorder] = await db.insert(schema.people).values({ serviceId: services[0]!.id, name: "Keyworker", email: "kw@oversight.example", role: "keyworker" }).returning();
    const cases = await db
      .insert(schema.cases)
      .values([1, 2, 3, 4, 5].map((n) => ({ serviceId: services[n % 2]!.id, name: `Child ${n}`, ragRating: "amber" as const })))
      .returning();
    const random = randomFrom(20261207);
    let clock = Date.parse("2026-01-01T09:00:00Z");
    const recordConsent = async (decision: "given" | "declined") => {
      clock += 60_000;
      await db.insert(schema.consents).values({
        caseId: random.pick(cases).id,
        kind: "share-with-agency",
        agencyId: random.pick(agencies).id,
        decision,
        givenBy: "Their parent",
        recordedBy: recorder!.id,
        recordedAt: new Date(clock),
      });
    };
    const operations: (() => Promise<unknown>)[] = [
      () => recordConsent("given"),
      () => recordConsent("given"),
      () => recordConsent("declined"),
      // Withdrawing the consent someone is overseen by (the latest for that ICB and child).
      async () => {
        const overseen = await db.select().from(schema.icbOversight);
        if (!overseen.length) return;
        const { icbAgencyId, caseId } = random.pick(overseen);
        const k = schema.consents;
        await db.execute(
          sql`update ${k} set withdrawn_at = now(), withdrawn_by = ${recorder!.id} where ${k.id} = (select ${k.id} from ${k} where ${k.caseId} = ${caseId} and ${k.agencyId} = ${icbAgencyId} and ${k.kind} = 'share-with-agency' order by ${k.recordedAt} desc limit 1)`,
        );
      },
      async () => {
        const all = await db.select().from(schema.consents);
        if (all.length) await db.delete(schema.consents).where(sql`${schema.consents.id} = ${random.pick(all).id}`);
      },
      () => db.insert(schema.icbCommissions).values({ icbAgencyId: random.pick(agencies).id, serviceId: random.pick(services).id }).onConflictDoNothing(),
      async () => {
        const all = await db.select().from(schema.icbCommissions);
        const gone = all.length ? random.pick(all) : null;
        if (gone) await db.delete(schema.icbCommissions).where(sql`${schema.icbCommissions.icbAgencyId} = ${gone.icbAgencyId} and ${schema.icbCommissions.serviceId} = ${gone.serviceId}`);
      },
      // A commission moved to the other service (as correcting a mistaken one would).
      async () => {
        const all = await db.select().from(schema.icbCommissions);
        const moved = all.length ? random.pick(all) : null;
        const to = services.find((s) => s.id !== moved?.serviceId)!;
        if (moved && !all.some((c) => c.icbAgencyId === moved.icbAgencyId && c.serviceId === to.id)) {
          await db.update(schema.icbCommissions).set({ serviceId: to.id }).where(sql`${schema.icbCommissions.icbAgencyId} = ${moved.icbAgencyId} and ${schema.icbCommissions.serviceId} = ${moved.serviceId}`);
        }
      },
      () => db.update(schema.cases).set({ serviceId: random.pick(services).id }).where(sql`${schema.cases.id} = ${random.pick(cases).id}`),
      // A change to a child that does not move them changes nothing here.
      () => db.update(schema.cases).set({ ragRating: random.pick(["red", "green"] as const) }).where(sql`${schema.cases.id} = ${random.pick(cases).id}`),
      () => db.update(schema.agencies).set({ kind: random.pick(["icb", "health"]) }).where(sql`${schema.agencies.id} = ${random.pick(agencies).id}`),
    ];
    let sawSome = false;
    for (let step = 0; step < 200; step++) {
      await random.pick(operations)();
      const afresh = await overseenAfresh();
      expect(await kept(), `after step ${step}`).toEqual(afresh);
      sawSome ||= afresh.length > 0;
    }
    // The changes reached states where someone is overseen, not only the empty one.
    expect(sawSome).toBe(true);
  }, 60_000);
});
