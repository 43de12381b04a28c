/**
 * pnpm test:faults — Postgres failing under people typing: restarts, a long outage, a shutdown
 * while it is down, kills during compaction, and a document that cannot be folded. Each
 * scenario checks that no acknowledged edit is missing from the database afterwards, what the
 * typists were told, that health answered promptly and truthfully, and that the server never
 * hung or exited on its own.
 */
import { openDatabase, schema } from "@roundtable/db";
import { createTestDatabase } from "@roundtable/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { shutdownReasons } from "../src/collab/room-registry.js";
import { carePlanOf, signIn } from "../test/support/api-client.js";
import { freePort, startChildServer } from "../test/support/child-server.js";
import { connectCollab, upgradeStatus } from "../test/support/collab-client.js";
import { waitFor } from "../test/support/wait-for.js";
import { shareWithin, slowestAnswer, watchHealth, type HealthWatch } from "./support/health-watch.js";
import { startPostgresCluster, type PostgresCluster } from "./support/postgres-cluster.js";
import { logLines, startScenario, type Scenario } from "./support/scenario.js";
import { missingAcknowledged } from "./support/typing-session.js";

/**
 * Health must answer within a second (the bound; its database ping gives up after
 * 500 ms). Measured by curl from outside, on a shared, heavily loaded test machine (2 cores,
 * load ~16), single answers sometimes take 2–3 s however the server behaves; so the test asks
 * that 90% of answers come within a second and none takes 5 s (a hang shows as 10 s).
 */
function expectHealthPrompt(watch: HealthWatch): void {
  expect(slowestAnswer(watch.answers)).toBeLessThan(5000);
  expect(shareWithin(watch.answers, 1000)).toBeGreaterThanOrEqual(0.9);
}

let cluster: PostgresCluster;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  cluster = await startPostgresCluster();
});
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => {});
  await cluster.ensureRunning();
});
afterAll(async () => {
  await cluster?.destroy();
});

async function scenario(env: NodeJS.ProcessEnv = {}, typists?: number): Promise<Scenario> {
  const s = await startScenario(cluster, env, typists);
  cleanups.push(() => s.cleanup());
  onTestFailed(() => {
    console.log(`server exit: ${s.server.process.exitCode ?? s.server.process.signalCode}; its last output:\n${s.server.output().slice(-6000)}`);
    console.log(JSON.stringify(s.session.typists.map((t) => ({ name: t.name, typed: t.typed, acknowledged: t.acknowledged, persisted: t.persisted, told: t.told.slice(-5) }))));
  });
  return s;
}

function watch(s: Scenario): HealthWatch {
  const w = watchHealth(s.server.url);
  cleanups.push(() => w.stop());
  return w;
}

async function everyoneAcknowledged(s: Scenario, atLeast: number[]): Promise<void> {
  await waitFor(() => s.session.typists.every((t, i) => t.acknowledged > atLeast[i]!), { timeoutMs: 60_000, intervalMs: 50, what: "every typist's edits to be acknowledged" });
}

function stillRunning(s: Scenario): void {
  expect(s.server.process.exitCode, "the server exited on its own").toBeNull();
  expect(s.server.process.signalCode).toBeNull();
}

async function elapse(ms: number, s: Scenario): Promise<void> {
  const until = Date.now() + ms;
  // The wait is the scenario (an outage of a set length); check the server is alive throughout.
  await waitFor(() => {
    stillRunning(s);
    return Date.now() >= until;
  }, { timeoutMs: ms + 5000, intervalMs: 200, what: `${ms} ms to pass` });
}

/** Stop Postgres; resolves (with when it began) once every typist has been told edits are not being saved. */
async function stopPostgresAndWaitUntilEveryoneIsTold(s: Scenario): Promise<number> {
  const down = Date.now();
  await cluster.stop("fast");
  await waitFor(() => s.session.typists.every((t) => t.told.some((m) => m.what === "not saving" && m.at >= down)), {
    timeoutMs: 15_000,
    what: "every typist to be told that edits are not being saved",
  });
  return down;
}

describe("when Postgres fails while people are typing", () => {
  it("loses no acknowledged edit across a fast and an immediate restart", async () => {
    const s = await scenario();
    const health = watch(s);
    s.session.start(20);
    await everyoneAcknowledged(s, s.session.typists.map(() => 20));
    for (const mode of ["fast", "immediate"] as const) {
      await cluster.restart(mode);
      await everyoneAcknowledged(s, s.session.typists.map((t) => t.typed + 20));
      stillRunning(s);
    }
    s.session.stop();
    await s.everythingSaved(60_000);
    const acknowledged = s.session.typists.map((t) => t.acknowledged);
    expect(missingAcknowledged(s.session.typists, await s.stored(), acknowledged)).toEqual(Object.fromEntries(s.session.typists.map((t) => [t.name, 0])));
    await health.stop();
    expectHealthPrompt(health);
    expect(health.answers.at(-1)?.status).toBe(200);
    stillRunning(s);
  });

  it("writes a 40-second backlog at 600 edits a second (above one INSERT's parameter limit) once Postgres is back, and tells people in between", async () => {
    // 100 edits a second for 40 s is 4,000 updates, under the old limit of 21,845 in one INSERT;
    // 600 a second is 24,000, over it. Three fast typists rather than six slower ones, so the
    // shared test machine spends less on sending every edit to everyone (the per-connection
    // limit is raised through configuration to let them).
    const s = await scenario({ COLLAB_MAX_MESSAGES_PER_SECOND: "400", COLLAB_MESSAGE_BURST: "800" }, 3);
    const health = watch(s);
    const priya = await signIn(s.server.url, "priya.shah");
    s.session.start(200, 300);
    await everyoneAcknowledged(s, s.session.typists.map(() => 50));
    const down = await stopPostgresAndWaitUntilEveryoneIsTold(s);
    // Meanwhile the API and new connections say plainly that the database is away.
    const asked = Date.now();
    const cases = await priya.get<{ error: string }>("/api/cases");
    expect(cases.status).toBe(503);
    expect(cases.body.error).toMatch(/cannot reach its database/);
    expect(await upgradeStatus(s.server.url, s.documentId, priya.cookie)).toBe(503);
    const refusedWithinMs = Date.now() - asked;
    await elapse(40_000 - (Date.now() - down), s);
    const backlogAtRecovery = s.session.typists.reduce((n, t) => n + t.typed - t.persisted, 0);
    const upAt = Date.now();
    await cluster.start();
    await elapse(3000, s);
    s.session.stop();
    await s.everythingSaved(90_000);
    const savedAt = Date.now();
    const savedAfterMs = savedAt - upAt;
    await waitFor(() => s.session.typists.every((t) => t.told.some((m) => m.what === "saving" && m.at >= upAt)), { what: "every typist to be told that saving works again" });
    expect(missingAcknowledged(s.session.typists, await s.stored())).toEqual(Object.fromEntries(s.session.typists.map((t) => [t.name, 0])));
    // A health answer asked before the last batch was counted as written may still count it.
    await waitFor(() => health.answers.some((a) => a.at > savedAt), { what: "a health answer asked after everything was saved" });

    await health.stop();
    const during = health.answers.filter((a) => a.at > down + 2000 && a.at + a.ms < upAt);
    const busiest = Math.max(...health.answers.map((a) => a.body?.backlog?.waiting ?? 0));
    console.log(JSON.stringify({ scenario: "outage", refusedWithinMs, backlogAtRecovery, busiestHealthBacklog: busiest, savedAfterMs, slowestHealthMs: slowestAnswer(health.answers), healthWithinOneSecond: shareWithin(health.answers, 1000), slowest: [...health.answers].sort((a, b) => b.ms - a.ms).slice(0, 3).map((a) => ({ ms: a.ms, status: a.status, sinceDown: a.at - down })) }));
    // More updates waited in the server than one INSERT once could carry (65,534 parameters, three a row; ADR 0013).
    expect(busiest).toBeGreaterThan(21_845);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((a) => a.status === 503 && a.body?.saving === false)).toBe(true);
    expectHealthPrompt(health);
    const last = health.answers.filter((a) => a.at > savedAt).at(-1);
    expect(last?.status).toBe(200);
    expect(last?.body?.backlog?.waiting).toBe(0);

    // Failed writes are logged by code and message, a line now and then, never their content.
    const output = s.server.output();
    expect(Math.max(...output.split("\n").map((l) => l.length))).toBeLessThan(4000);
    const failures = logLines(output).filter((l) => l.msg === "could not write updates; retrying");
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length).toBeLessThanOrEqual(8); // one per 10 s over a 40 s outage, and a little slack
    expect(output).not.toMatch(/params:/);
    stillRunning(s);
  });

  it("shuts down promptly on SIGTERM while Postgres is down, telling people their changes are not saved yet, and loses nothing", async () => {
    const s = await scenario({ SHUTDOWN_SAVE_WAIT_SECONDS: "3" });
    s.session.start(20);
    await everyoneAcknowledged(s, s.session.typists.map(() => 20));
    await stopPostgresAndWaitUntilEveryoneIsTold(s);
    const acknowledged = s.session.typists.map((t) => t.acknowledged);
    const asked = Date.now();
    const exited = new Promise<number | null>((resolve) => s.server.process.once("exit", (code) => resolve(code)));
    s.server.process.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 30_000))]);
    const shutdownMs = Date.now() - asked;
    console.log(JSON.stringify({ scenario: "sigterm", shutdownMs }));
    expect(code, "the server did not exit within 30 s of SIGTERM").toBe(0);
    for (const t of s.session.typists) {
      const closed = t.told.filter((m) => m.what === "closed" && m.at >= asked);
      expect(closed[0]?.reason).toBe(shutdownReasons.notSaved);
      expect(t.told.some((m) => m.reason === shutdownReasons.saved)).toBe(false);
    }

    // People keep typing while the server is away; everything reaches the database once both are back.
    await cluster.start();
    await s.restartServer();
    await everyoneAcknowledged(s, s.session.typists.map((t) => t.typed + 20));
    s.session.stop();
    await s.everythingSaved(60_000);
    const stored = await s.stored();
    expect(missingAcknowledged(s.session.typists, stored, acknowledged)).toEqual(Object.fromEntries(s.session.typists.map((t) => [t.name, 0])));
    expect(missingAcknowledged(s.session.typists, stored)).toEqual(Object.fromEntries(s.session.typists.map((t) => [t.name, 0])));
  });

  it("loses nothing confirmed saved when the server is killed during compaction, and every acknowledged edit once people reconnect", async () => {
    const s = await scenario({ COLLAB_COMPACT_AFTER_UPDATES: "50" });
    s.session.start(50);
    const windows: number[] = [];
    for (let kill = 0; kill < 2; kill++) {
      await everyoneAcknowledged(s, s.session.typists.map((t) => t.typed + 100));
      // Kill while a compaction is in its transaction or merging (one starts every 50 updates).
      await s.server.kill("SIGKILL");
      for (const t of s.session.typists) t.client.provider.disconnect();
      const persisted = s.session.typists.map((t) => t.persisted);
      const acknowledged = s.session.typists.map((t) => t.acknowledged);
      await s.restartServer();
      const stored = await s.stored();
      // What each author was told is saved is in the database before anyone reconnects.
      expect(missingAcknowledged(s.session.typists, stored, persisted)).toEqual(Object.fromEntries(s.session.typists.map((t) => [t.name, 0])));
      windows.push(Math.max(...Object.values(missingAcknowledged(s.session.typists, stored, acknowledged))));
      for (const t of s.session.typists) t.client.provider.connect();
    }
    s.session.stop();
    await s.everythingSaved(60_000);
    console.log(JSON.stringify({ scenario: "sigkill-compaction", sentButNotYetSavedAtKill: windows }));
    expect(missingAcknowledged(s.session.typists, await s.stored())).toEqual(Object.fromEntries(s.session.typists.map((t) => [t.name, 0])));
  });
});

describe("a document that cannot be folded", () => {
  it("is logged by id at start-up while every other document is served, and the server does not exit", async () => {
    const database = await createTestDatabase(cluster.adminUrl);
    cleanups.push(() => database.drop());
    const port = await freePort();
    const env = { COLLAB_COMPACT_AFTER_UPDATES: "5", LOG_LEVEL: "info" };
    let server = await startChildServer({ databaseUrl: database.url }, port, env);
    cleanups.push(() => server.kill("SIGKILL"));
    const priya = await signIn(server.url, "priya.shah");
    const broken = (await carePlanOf(priya, "Jamie Walker")).documentId;
    const healthy = (await carePlanOf(priya, "Aisha Reid")).documentId;
    await server.kill("SIGKILL");
    // Rows no Yjs decoder can read, more than the start-up sweep's threshold.
    const direct = await openDatabase({ url: database.url });
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]);
    await direct.db.insert(schema.documentUpdates).values(Array.from({ length: 8 }, () => ({ documentId: broken, update: garbage })));
    await direct.close();

    server = await startChildServer({ databaseUrl: database.url }, port, env);
    const again = await signIn(server.url, "priya.shah");
    const other = await connectCollab(server.url, healthy, again.cookie);
    cleanups.push(async () => other.destroy());
    expect(other.text().length).toBeGreaterThan(0);
    const logged = logLines(server.output()).find((l) => l.documentId === broken);
    expect(logged?.msg).toMatch(/could not fold/);
    expect(server.process.exitCode).toBeNull();
  });
});
