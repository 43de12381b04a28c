/**
 * pnpm bench:register — how fast the Dynamic Support Register and the ICB lead's CETR actions
 * answer at scale (issue 13: p95 under 100 ms on PGlite and on Postgres).
 *
 * Starts a server on a fresh database (PGlite, or Postgres when DATABASE_URL is set) and adds to
 * the demo service 5,000 children with a year of RAG history (a change every two months or so),
 * 20,000 CETRs (four per child, the last of each still to be held) and 200,000 actions in their
 * reports, a fifth of them overdue; every family shares with the ICB, and the demo ICB commissions
 * the service, so Helen Morris (ICB lead) oversees all 5,000 children. Then, each asked many times
 * through the HTTP API: the register as the service lead sees it (first page, by rating; by next
 * CETR due; one keyworker's children), and Helen's CETR actions (overdue; due in the next 14 days;
 * one agency's; one child's; the page's overview with its counts and chart; its filter choices —
 * the rows column counting the children and CETRs among them).
 *
 * Options: --children N --cetrs N --actions N --rounds N (defaults 5000 20000 200000 100);
 * --keep NAME keeps the seeded database — PGlite's in the directory NAME, or with DATABASE_URL
 * the Postgres database NAME — and a later run given the same NAME times it again without
 * seeding (for trying a change to a query without waiting a minute).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { schema, type Db } from "@roundtable/db";
import { createTestDatabase, keptTestDatabase } from "@roundtable/db/testing";
import { ragRatings, todayInEngland, type ActionStatus } from "@roundtable/domain";
import { eq, like } from "drizzle-orm";
import { keepCetrActionFiguresCurrent } from "../src/cetr-actions/cetr-action-figures.js";
import { loadConfig } from "../src/config.js";
import { refreshStatistics } from "../src/jobs/database-maintenance.js";
import { startServer } from "../src/server.js";
import { signIn, type SignedIn } from "../test/support/api-client.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { children: { type: "string", default: "5000" }, cetrs: { type: "string", default: "20000" }, actions: { type: "string", default: "200000" }, rounds: { type: "string", default: "100" }, keep: { type: "string" } },
});
const CHILDREN = Number(values.children);
const CETRS = Number(values.cetrs);
const ACTIONS = Number(values.actions);
const ROUNDS = Number(values.rounds);

const round = (n: number) => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000);
const isoDay = (days: number) => dayOffset(days).toISOString().slice(0, 10);

type Timing = { p50: number; p95: number; rows: number } | { failed: string };

/** Times one address; one that fails (a 503 when the database gave up on a query) is reported, not thrown, so the rest are still timed. */
async function time(client: SignedIn, address: string): Promise<Timing> {
  try {
    return await timeOrThrow(client, address);
  } catch (err) {
    return { failed: err instanceof Error ? err.message.slice(0, 160) : String(err) };
  }
}

async function timeOrThrow(client: SignedIn, address: string): Promise<{ p50: number; p95: number; rows: number }> {
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < ROUNDS + 10; i++) {
    const t0 = performance.now();
    const res = await client.get<unknown>(address);
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${address} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 200)}`);
    if (i >= 10) samples.push(ms); // the first few warm caches and the JIT
    const body = res.body as { rows?: unknown[]; actions?: unknown[]; children?: unknown[]; cetrs?: unknown[] } | unknown[];
    rows = Array.isArray(body) ? body.length : (body.rows?.length ?? body.actions?.length ?? (body.children?.length ?? 0) + (body.cetrs?.length ?? 0));
  }
  samples.sort((a, b) => a - b);
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), rows };
}

/** Inserts rows in batches small enough for one statement's parameters. */
async function inBatches<T>(rows: readonly T[], size: number, insert: (batch: T[]) => Promise<unknown>, label?: string): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await insert(rows.slice(start, start + size));
    if (label && (start / size) % 20 === 19) console.log(`  …${start + size} ${label}`);
  }
}

interface SeedFrom {
  serviceId: string;
  keyworkers: { id: string }[];
  owners: { id: string }[];
  icb: { id: string };
}

/** Adds the children, their RAG history, CETRs and actions (the scale in the header). */
async function seed(db: Db, { serviceId, keyworkers, owners, icb }: SeedFrom): Promise<void> {
  console.log(`Adding ${CHILDREN} children with a year of RAG history…`);
  const caseIds: string[] = [];
  const rows = Array.from({ length: CHILDREN }, (_, i) => ({
    serviceId,
    name: `Young person ${i + 1}`,
    ragRating: ragRatings[i % ragRatings.length]!,
    keyworkerId: i % 7 === 0 ? null : keyworkers[i % keyworkers.length]!.id,
  }));
  await inBatches(rows, 500, async (batch) => caseIds.push(...(await db.insert(schema.cases).values(batch).returning({ id: schema.cases.id })).map((c) => c.id)));
  const history = caseIds.flatMap((caseId, i) =>
    Array.from({ length: 6 }, (_, k) => ({
      caseId,
      fromRating: k === 0 ? null : ragRatings[(i + k + 1) % 4]!,
      toRating: k === 5 ? ragRatings[i % 4]! : ragRatings[(i + k + 2) % 4]!,
      reason: "Reviewed at the tracker meeting",
      byId: keyworkers[0]!.id,
      at: dayOffset(-365 + k * 60 + (i % 30)),
    })),
  );
  await inBatches(history, 2000, (batch) => db.insert(schema.ragChanges).values(batch));
  // Owners must be on the team (as the projector sees to): each child's team is its owners.
  await inBatches(
    caseIds.flatMap((caseId) => owners.map((o) => ({ caseId, personId: o.id, role: "professional" as const }))),
    2000,
    (batch) => db.insert(schema.caseMembers).values(batch),
  );
  await inBatches(
    caseIds.map((caseId) => ({ caseId, kind: "share-with-agency" as const, agencyId: icb.id, decision: "given" as const, givenBy: "Their parent", recordedBy: keyworkers[0]!.id })),
    2000,
    (batch) => db.insert(schema.consents).values(batch),
  );
  await db.insert(schema.icbCommissions).values({ icbAgencyId: icb.id, serviceId }).onConflictDoNothing();

  console.log(`Adding ${CETRS} CETRs and ${ACTIONS} actions…`);
  const perChild = Math.max(1, Math.round(CETRS / CHILDREN));
  const cetrs: { id: string; documentId: string; caseId: string }[] = [];
  for (let start = 0; start < CETRS; start += 1000) {
    const count = Math.min(1000, CETRS - start);
    const plan = Array.from({ length: count }, (_, j) => {
      const n = start + j;
      const caseId = caseIds[Math.floor(n / perChild) % caseIds.length]!;
      const k = n % perChild;
      const last = k === perChild - 1;
      return { caseId, k, last };
    });
    const docs = await db
      .insert(schema.documents)
      .values(plan.map((p) => ({ caseId: p.caseId, kind: "cetr" as const, title: "CETR", visibility: "professionals" as const })))
      .returning({ id: schema.documents.id });
    const inserted = await db
      .insert(schema.cetrs)
      .values(
        plan.map((p, j) => ({
          serviceId,
          caseId: p.caseId,
          setting: "community" as const,
          status: p.last ? ("arranged" as const) : ("agreed" as const),
          reason: "Risk of admission",
          requestedAt: dayOffset(-330 + p.k * 90),
          heldOn: isoDay(-300 + p.k * 90),
          documentId: docs[j]!.id,
        })),
      )
      .returning({ id: schema.cetrs.id, documentId: schema.cetrs.documentId, caseId: schema.cetrs.caseId });
    cetrs.push(...inserted);
  }
  const statuses: ActionStatus[] = ["open", "in-progress", "done", "done", "blocked", "cancelled", "open", "done", "open", "done"];
  const actionRows = Array.from({ length: ACTIONS }, (_, n) => {
    const cetr = cetrs[n % cetrs.length]!;
    const owner = owners[n % owners.length]!;
    const status = statuses[n % statuses.length]!;
    return {
      id: crypto.randomUUID(),
      caseId: cetr.caseId,
      documentId: cetr.documentId,
      text: `Recommendation action ${n + 1}`,
      ownerId: owner.id,
      ownerAgencyId: null,
      // A fifth overdue, the rest spread over the coming months.
      dueDate: n % 5 === 0 ? isoDay(-1 - (n % 90)) : isoDay(1 + (n % 120)),
      // Owners were told on the day each became overdue: the overdue-actions job has nothing
      // left to send, as on any day but the first, and does not compete with what is timed.
      overdueNotifiedAt: n % 5 === 0 ? dayOffset(-1 - (n % 90)) : null,
      status,
      section: "Recommendations",
      position: n,
    };
  });
  await inBatches(actionRows, 1000, (batch) => db.insert(schema.actions).values(batch), "actions");
  // The CETR action figures are counted for today before the statistics are taken, as a day's
  // first reader (or the job soon after midnight) would have them by the time anyone is timed.
  await keepCetrActionFiguresCurrent(db, todayInEngland());
  await refreshStatistics(db);
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  const postgres = adminUrl ? (values.keep ? await keptTestDatabase(adminUrl, values.keep) : await createTestDatabase(adminUrl)) : null;
  const kept = values.keep && !postgres ? path.resolve(values.keep) : null;
  const seededMark = kept && path.join(kept, "seeded-by-register-bench");
  if (kept) mkdirSync(kept, { recursive: true });
  const dataDir = kept ?? mkdtempSync(path.join(tmpdir(), "roundtable-register-bench-"));
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", CLIENT_DIST: "/nonexistent", DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) });
  const server = await startServer(config);
  try {
    const { db } = server.database;
    const [service] = await db.select().from(schema.services).limit(1);
    const serviceId = service!.id;
    const people = await db.select().from(schema.people).where(eq(schema.people.serviceId, serviceId));
    const keyworkers = people.filter((p) => p.role === "keyworker" || p.role === "senior-keyworker");
    const owners = people.filter((p) => p.role === "professional" && p.agencyId);
    const agencies = await db.select().from(schema.agencies).where(eq(schema.agencies.serviceId, serviceId));
    const icb = agencies.find((a) => a.kind === "icb")!;
    const seedStart = performance.now();
    const reuse = values.keep !== undefined && (seededMark ? existsSync(seededMark) : (await db.$count(schema.cases, like(schema.cases.name, "Young person %"))) >= CHILDREN);
    if (!reuse) {
      await seed(db, { serviceId, keyworkers, owners, icb });
      if (seededMark) writeFileSync(seededMark, `${JSON.stringify(values)}\n`);
    }
    const seedSeconds = round((performance.now() - seedStart) / 1000);
    const [someChild] = await db.select({ id: schema.cases.id }).from(schema.cases).where(eq(schema.cases.name, `Young person ${Math.min(1235, CHILDREN)}`));
    const [cetrCount, historyCount] = await Promise.all([db.$count(schema.cetrs), db.$count(schema.ragChanges)]);


    const angela = await signIn(server.url, "angela.okafor");
    const helen = await signIn(server.url, "helen.morris");
    const camhs = agencies.find((a) => a.kind === "health")!;
    const results: Record<string, Timing> = {
      "register (service lead, by rating)": await time(angela, "/api/register"),
      "register, by next CETR due": await time(angela, "/api/register?sort=next-cetr-due"),
      "register, one keyworker's children": await time(angela, `/api/register?keyworker=${keyworkers[1]!.id}&sort=last-change`),
      "CETR actions, overdue (ICB lead)": await time(helen, "/api/cetr-actions?overdue=true"),
      "CETR actions, due in 14 days": await time(helen, "/api/cetr-actions?dueWithinDays=14"),
      "CETR actions, one agency": await time(helen, `/api/cetr-actions?agencyId=${camhs.id}`),
      "CETR actions, one child": await time(helen, `/api/cetr-actions?caseId=${someChild!.id}`),
      "CETR actions page (overview, counts and chart)": await time(helen, "/api/cetr-actions/overview"),
      "CETR actions page's filter choices": await time(helen, "/api/cetr-actions/choices"),
    };
    const database = postgres ? "Postgres" : "PGlite";
    console.log("\n| list | rows | p50 ms | p95 ms |\n| --- | --- | --- | --- |");
    for (const [name, r] of Object.entries(results)) console.log("failed" in r ? `| ${name} | failed: ${r.failed} | | |` : `| ${name} | ${r.rows} | ${r.p50} | ${r.p95} |`);
    console.log(`\n(${database}; ${CHILDREN} children, ${cetrCount} CETRs, ${ACTIONS} actions, ${historyCount} rating changes; ${ROUNDS} requests each; ${reuse ? `the database kept as ${values.keep}` : `seeding took ${seedSeconds} s`})\n`);
    const over = Object.entries(results).filter(([, r]) => "failed" in r || r.p95 >= 100);
    if (over.length) console.log(`Over the 100 ms target at p95: ${over.map(([n]) => n).join(", ")}`);
  } finally {
    await server.close();
    if (!values.keep) await postgres?.drop();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
