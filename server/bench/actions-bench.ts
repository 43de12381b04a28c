/**
 * pnpm bench:actions — how fast the action lists answer at scale.
 *
 * Starts a server on a fresh database (PGlite, or Postgres when DATABASE_URL is set), adds
 * 5,000 cases and 100,000 actions to the demo service, then times the three lists people use:
 * My actions (a professional on 40 cases who owns ~400), Case actions (one child), and Overdue (the
 * service lead, whole service). Each is asked for many times through the HTTP API.
 *
 * Then the first action only (limit=1), for people who may see almost none of it: Jamie's mum
 * (with and without his case), the administrator (who sees no action), and the service lead.
 * Jamie's case also gets --hidden professionals-only actions his mum may not see, due first.
 *
 * Options: --cases N --actions N --hidden N --rounds N (defaults 5000 100000 3000 200).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { schema } from "@roundtable/db";
import { createTestDatabase } from "@roundtable/db/testing";
import { actionStatuses } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { loadConfig } from "../src/config.js";
import { refreshStatistics } from "../src/jobs/database-maintenance.js";
import { startServer } from "../src/server.js";
import { signIn, type SignedIn } from "../test/support/api-client.js";

const { values } = parseArgs({ options: { cases: { type: "string", default: "5000" }, actions: { type: "string", default: "100000" }, rounds: { type: "string", default: "200" }, hidden: { type: "string", default: "3000" } } });
const CASES = Number(values.cases);
const ACTIONS = Number(values.actions);
const ROUNDS = Number(values.rounds);
const HIDDEN = Number(values.hidden);

const isMarksCase = (index: number) => index % Math.max(1, Math.floor(CASES / 40)) === 0;
const round = (n: number) => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time(client: SignedIn, paths: () => string): Promise<{ p50: number; p95: number; rows: number }> {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < ROUNDS + 10; i++) {
    const t0 = performance.now();
    const res = await client.get<unknown[]>(paths());
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${paths()} answered ${res.status}`);
    if (i >= 10) samples.push(ms); // the first few warm caches and the JIT
    rows = Math.max(rows, res.body.length);
  }
  samples.sort((a, b) => a - b);
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), rows };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-actions-bench-"));
  const postgres = process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : null;
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", CLIENT_DIST: "/nonexistent", DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) });
  const server = await startServer(config);
  try {
    const { db } = server.database;
    const [service] = await db.select().from(schema.services).limit(1);
    const people = await db.select().from(schema.people);
    const mark = people.find((p) => p.email.startsWith("mark.davies"))!;
    // Owners are always on the case (the projector makes sure), so Mark owns actions only on his.
    const professionals = people.filter((p) => (p.role === "professional" || p.role === "keyworker") && p.id !== mark.id);
    const agencies = await db.select().from(schema.agencies).where(eq(schema.agencies.serviceId, service!.id));

    console.log(`Adding ${CASES} cases and ${ACTIONS} actions…`);
    const seedStart = performance.now();
    const caseIds: string[] = [];
    const documentIds: string[] = [];
    const rag = ["red", "amber", "green", "blue"] as const;
    for (let start = 0; start < CASES; start += 500) {
      const batch = Array.from({ length: Math.min(500, CASES - start) }, (_, i) => ({ serviceId: service!.id, name: `Young person ${start + i + 1}`, ragRating: rag[(start + i) % 4]! }));
      const inserted = await db.insert(schema.cases).values(batch).returning({ id: schema.cases.id });
      caseIds.push(...inserted.map((c) => c.id));
      // Mark is on 40 cases, a full caseload; the others' teams don't matter to these lists.
      const markOn = inserted.filter((_, i) => isMarksCase(start + i)).map((c) => ({ caseId: c.id, personId: mark.id, role: "professional" as const }));
      if (markOn.length) {
        await db.insert(schema.caseMembers).values(markOn);
        // The family agreed to share with Mark's school, or he could open none of it.
        await db.insert(schema.consents).values(
          markOn.map((m) => ({ caseId: m.caseId, kind: "share-with-agency" as const, agencyId: mark.agencyId, decision: "given" as const, givenBy: "A parent", recordedBy: mark.id })),
        );
      }
      const docs = await db
        .insert(schema.documents)
        .values(inserted.map((c) => ({ caseId: c.id, kind: "care-plan" as const, title: "Care plan", visibility: "family" as const })))
        .returning({ id: schema.documents.id });
      documentIds.push(...docs.map((d) => d.id));
    }
    const today = new Date();
    for (let start = 0; start < ACTIONS; start += 2000) {
      const batch = Array.from({ length: Math.min(2000, ACTIONS - start) }, (_, k) => {
        const i = start + k;
        const c = i % CASES;
        const due = new Date(today.getTime() + ((i % 120) - 60) * 86_400_000).toISOString().slice(0, 10);
        // Mark owns the actions on his cases; the rest are spread across people and agencies.
        const ownerId = isMarksCase(c) && i % 2 === 0 ? mark.id : i % 3 === 0 ? null : professionals[i % professionals.length]!.id;
        return {
          id: crypto.randomUUID(),
          caseId: caseIds[c]!,
          documentId: documentIds[c]!,
          text: `Action ${i + 1}: follow up and report back to the team`,
          ownerId,
          ownerAgencyId: ownerId ? null : agencies[i % agencies.length]!.id,
          dueDate: i % 7 === 0 ? null : due,
          // Varies along each case too, so every owner (Mark included) has actions of every status.
          status: actionStatuses[(i + Math.floor(i / CASES)) % actionStatuses.length]!,
          position: Math.floor(i / CASES),
          // Last changed some time in the past year, so "done lately" is a small part of the done.
          updatedAt: new Date(today.getTime() - (i % 365) * 86_400_000),
        };
      });
      await db.insert(schema.actions).values(batch);
      if ((start / 2000) % 10 === 9) console.log(`  …${start + batch.length} actions`);
    }
    // Professionals-only actions on Jamie's case, due before anything else: his mum may see none.
    const [jamie] = await db.select().from(schema.cases).where(eq(schema.cases.name, "Jamie Walker"));
    const [notes] = await db.insert(schema.documents).values({ caseId: jamie!.id, kind: "notes", title: "Professionals' notes", visibility: "professionals" }).returning();
    for (let start = 0; start < HIDDEN; start += 2000) {
      const batch = Array.from({ length: Math.min(2000, HIDDEN - start) }, (_, k) => ({
        id: crypto.randomUUID(),
        caseId: jamie!.id,
        documentId: notes!.id,
        text: `Professionals-only action ${start + k + 1}`,
        dueDate: "2020-01-01",
        // Done long ago, so they do not change what the other lists (overdue, My actions) return.
        status: "done" as const,
        updatedAt: new Date("2020-01-02"),
        position: start + k,
      }));
      await db.insert(schema.actions).values(batch);
    }
    // What the maintenance job does every 15 minutes on PGlite (autovacuum does it on Postgres).
    await refreshStatistics(db);
    const seedSeconds = round((performance.now() - seedStart) / 1000);

    const markClient = await signIn(server.url, "mark.davies");
    const lead = await signIn(server.url, "angela.okafor");
    const parent = await signIn(server.url, "claire.walker");
    const admin = await signIn(server.url, "sam.patel");
    let n = 0;
    const results = {
      database: server.database.kind,
      cases: CASES,
      actions: ACTIONS,
      hidden: HIDDEN,
      rounds: ROUNDS,
      seedSeconds,
      // What the My actions page asks for: still to do, and done or cancelled in the last 30 days.
      myActions: await time(markClient, () => "/api/actions?owner=me&closedWithinDays=30"),
      caseActions: await time(lead, () => `/api/actions?caseId=${caseIds[(n++ * 7919) % CASES]}`),
      overdue: await time(lead, () => "/api/actions?overdue=true&limit=200"),
      overdueByAgency: await time(lead, () => `/api/actions?overdue=true&agencyId=${agencies[n++ % agencies.length]!.id}&limit=200`),
      parentFirst: await time(parent, () => "/api/actions?limit=1"),
      parentCaseFirst: await time(parent, () => `/api/actions?limit=1&caseId=${jamie!.id}`),
      adminFirst: await time(admin, () => "/api/actions?limit=1"),
      leadFirst: await time(lead, () => "/api/actions?limit=1"),
    };
    if (results.myActions.rows < 100) throw new Error(`My actions returned only ${results.myActions.rows} rows: the benchmark's data is not what it means to measure.`);
    console.log("\n| list | rows | p50 ms | p95 ms |\n| --- | --- | --- | --- |");
    for (const key of ["myActions", "caseActions", "overdue", "overdueByAgency", "parentFirst", "parentCaseFirst", "adminFirst", "leadFirst"] as const) {
      console.log(`| ${key} | ${results[key].rows} | ${results[key].p50} | ${results[key].p95} |`);
    }
    console.log(`\n(${results.database}, ${CASES} cases, ${ACTIONS} actions and ${HIDDEN} hidden from the family, ${ROUNDS} requests each; seeding took ${seedSeconds} s)\n`);
    console.log(JSON.stringify(results));
  } finally {
    await server.close();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit();
