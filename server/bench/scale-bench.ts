/**
 * pnpm bench:scale — one Roundtable process under many clients (issue 15, "Scale on one process"):
 * by default 5,000 connected clients over 1,000 care plans (five to a plan), each typing a letter
 * once a second; the target is p99 delivery under 50 ms, every edit delivered, none lost.
 *
 * The server runs as `pnpm start` builds it, on PGlite, or on a fresh Postgres database made from
 * DATABASE_URL; every client is signed in as one demo person, whose per-person caps are raised
 * for the run by configuration only. The plans are made through the API, several requests at a
 * time. The clients are stock y-websocket providers spread over several generator processes
 * (scale-generator.ts), client k on process k mod N, so the clients of one plan sit in different
 * processes. Each process records the edits it makes and the remote edits it receives, both
 * named by author and clock and timed by `performance.timeOrigin + performance.now()` (see
 * scale-generator.ts for why that clock); this process matches them at the end. It first asks each
 * generator for its clock to check how far their clocks disagree.
 *
 * Measured over the edit window: delivery latency (p50, p95, p99, max), delivered ÷ expected
 * (every edit reaching the plan's other clients), the server's CPU (all threads, and its main
 * thread alone), its event-loop delay (measured inside it by loop-delay-probe.mjs, preloaded for the
 * run), each generator's CPU and event-loop delay, how long the server's and each generator's main
 * thread waited for a CPU (runnable, not running: the machine's other work), the whole
 * machine's CPU, and how far saving fell behind (the update log's backlog, from /api/health, once a
 * second). Once everything is delivered and saved, the clients leave, the server is stopped and
 * every plan read back from its database: each must hold every edit made to it. The server runs
 * in a session of its own, so the kernel's per-session fair scheduling gives it a share of the
 * CPU of its own rather than a fifth of the generators' (docs/adr/0042).
 * The report says what saturated: the load generator shares the machine with the server, and a
 * generator with no CPU to spare delays the very deliveries it times.
 *
 * Options: --clients (5000) --docs (1000; clients must be a multiple) --rate edits a second per
 * client (1) --seconds (20) --generators processes (4) --connecting connections each generator
 * opens at once (20).
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import buildServer from "../test/support/build-server.js";
import { startTarget, type Target } from "./collab-targets.js";
import { lettersIn } from "./collab-workloads.js";
import { machineCpuSeconds, percentile, processCpuSeconds, round3, runQueueWaitSeconds } from "./process-stats.js";
import { now, type GeneratorReply, type GeneratorRequest } from "./scale-generator.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    clients: { type: "string", default: "5000" },
    docs: { type: "string", default: "1000" },
    rate: { type: "string", default: "1" },
    seconds: { type: "string", default: "20" },
    generators: { type: "string", default: "4" },
    connecting: { type: "string", default: "20" },
  },
});
function positive(name: keyof typeof values, integer = true): number {
  const n = Number(values[name]);
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    console.error(`--${name} must be a positive ${integer ? "whole " : ""}number, not ${JSON.stringify(values[name])}`);
    process.exit(2);
  }
  return n;
}
const CLIENTS = positive("clients");
const DOCS = positive("docs");
const RATE = positive("rate", false);
const SECONDS = positive("seconds", false);
const GENERATORS = positive("generators");
const CONNECTING = positive("connecting");
const PER_DOC = CLIENTS / DOCS;
if (!Number.isInteger(PER_DOC) || PER_DOC < 2) {
  console.error(`--clients (${CLIENTS}) must be a multiple of --docs (${DOCS}), at least two clients to a plan`);
  process.exit(2);
}
if (GENERATORS > CLIENTS) {
  console.error(`--generators (${GENERATORS}) cannot be more than --clients (${CLIENTS})`);
  process.exit(2);
}

const target99Ms = 50;
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(", ");

class Generator {
  readonly child: ChildProcess;
  private waiting = new Map<string, (reply: GeneratorReply) => void>();
  private failure: Error | null = null;

  constructor(readonly index: number) {
    this.child = fork(path.join(benchDir, "scale-generator.ts"), [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.child.on("message", (reply: GeneratorReply) => {
      if (reply.type === "failed") return this.fail(new Error(`Generator ${index + 1}: ${reply.message}`));
      const resolve = this.waiting.get(reply.type);
      this.waiting.delete(reply.type);
      resolve?.(reply);
    });
    this.child.on("exit", (code, signal) => this.fail(new Error(`Generator ${index + 1} exited (${signal ?? code})`)));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const [type, resolve] of this.waiting) resolve({ type: "failed", message: `${type}: ${err.message}` });
    this.waiting.clear();
  }

  /** Sends `request` and resolves with its answer (a reply of type `answer`). */
  ask<T extends GeneratorReply["type"]>(request: GeneratorRequest, answer: T): Promise<Extract<GeneratorReply, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.set(answer, (reply) => (reply.type === "failed" ? reject(new Error(reply.message)) : resolve(reply as Extract<GeneratorReply, { type: T }>)));
      this.child.send(request);
    });
  }

  stop(): void {
    this.failure ??= new Error("stopped");
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
}

/** How far each generator's clock is from this process's, from the exchange with the shortest round trip of several. */
async function clockOffsets(generators: Generator[]): Promise<{ offsetMs: number; roundTripMs: number }[]> {
  const offsets = [];
  for (const g of generators) {
    let best = { offsetMs: NaN, roundTripMs: Infinity };
    for (let i = 0; i < 20; i++) {
      const t0 = now();
      const { now: theirs } = await g.ask({ type: "clock" }, "clock");
      const t1 = now();
      if (t1 - t0 < best.roundTripMs) best = { offsetMs: theirs - (t0 + t1) / 2, roundTripMs: t1 - t0 };
    }
    offsets.push({ offsetMs: round3(best.offsetMs), roundTripMs: round3(best.roundTripMs) });
  }
  return offsets;
}

interface Health {
  backlog: { waiting: number; oldestWaitingSeconds: number };
}

async function health(target: Target): Promise<Health> {
  const res = await fetch(`${target.baseUrl()}/api/health`);
  return (await res.json()) as Health; // a 503 (saving behind) still says how far
}

interface LoopDelay {
  reports: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Asks the server's loop-delay probe for what it measured since it was last asked. */
async function serverLoopDelay(pid: number, file: string): Promise<LoopDelay> {
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as LoopDelay).reports : 0;
  process.kill(pid, "SIGUSR2");
  for (let waited = 0; waited < 30_000; waited += 20) {
    await sleep(20);
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8")) as LoopDelay;
    if (report.reports > before) return report;
  }
  throw new Error("The server's loop-delay probe did not answer in 30 s");
}

async function main(): Promise<void> {
  buildServer(); // as `pnpm start` does: what is measured is the code in the checkout now
  const probeDir = mkdtempSync(path.join(tmpdir(), "roundtable-scale-"));
  const probeFile = path.join(probeDir, "loop-delay.json");
  const databaseUrl = process.env.DATABASE_URL;
  const name = databaseUrl ? "postgres" : "pglite";
  console.log(`${CLIENTS} clients over ${DOCS} care plans (${PER_DOC} each), each typing ${RATE} letter(s) a second for ${SECONDS} s; Roundtable on ${databaseUrl ? "Postgres" : "PGlite"}, ${GENERATORS} generator processes. Load average ${load()}.`);
  const target: Target = await startTarget(name, { connections: CLIENTS }, databaseUrl, {
    env: { BENCH_LOOP_DELAY_FILE: probeFile },
    nodeArgs: ["--import", pathToFileURL(path.join(benchDir, "loop-delay-probe.mjs")).href],
    ownSession: true, // its own share of the CPU, not a fifth of the generators' (docs/adr/0042)
  });
  const serverPid = target.pids[0]!;
  const generators = Array.from({ length: GENERATORS }, (_, i) => new Generator(i));
  let documentIds: string[] = [];
  let failed: string[] = [];
  let serverStopped = false;
  try {
    let t = Date.now();
    documentIds = await target.newDocuments("care-plan", (n) => `Scale plan ${n}`, DOCS);
    console.log(`Made ${DOCS} care plans in ${seconds(Date.now() - t)}.`);

    const offsets = await clockOffsets(generators);
    const worstOffset = Math.max(...offsets.map((o) => Math.abs(o.offsetMs)));
    console.log(`Generator clocks against this one's: ${offsets.map((o) => `${o.offsetMs} ms (round trip ${o.roundTripMs})`).join(", ")}.`);

    // Client k writes to plan ⌊k / PER_DOC⌋ from generator k mod GENERATORS.
    const shares: string[][] = generators.map(() => []);
    for (let k = 0; k < CLIENTS; k++) shares[k % GENERATORS]!.push(documentIds[Math.floor(k / PER_DOC)]!);
    t = Date.now();
    const ready = await Promise.all(
      generators.map((g, i) => g.ask({ type: "connect", wsBase: target.wsBase(), cookie: target.cookie(), documentIds: shares[i]!, connectingAtOnce: CONNECTING }, "ready")),
    );
    const lettersBefore = new Map(ready.flatMap((r) => r.lettersBefore));
    console.log(`Connected and synced ${CLIENTS} clients in ${seconds(Date.now() - t)}; each has made its own paragraph. Load average ${load()}.`);
    await sleep(3000); // the paragraphs reach everyone, and the server settles

    const cpuAt = () => ({
      server: processCpuSeconds(serverPid),
      serverMain: processCpuSeconds(serverPid, serverPid),
      serverWaited: runQueueWaitSeconds(serverPid),
      generatorsWaited: generators.map((g) => runQueueWaitSeconds(g.child.pid!)),
      bench: processCpuSeconds("self"),
      machine: machineCpuSeconds(),
      at: now(),
    });
    await serverLoopDelay(serverPid, probeFile); // starts its measuring afresh
    const startCpu = cpuAt();
    for (const g of generators) g.child.send({ type: "start", rate: RATE } satisfies GeneratorRequest);
    // Once a second, how far saving has fallen behind (the update log's backlog, from /api/health).
    const behind = { waiting: 0, oldestSeconds: 0 };
    const windowEnds = Date.now() + SECONDS * 1000;
    while (Date.now() < windowEnds) {
      await sleep(Math.min(1000, windowEnds - Date.now()));
      const { backlog } = await health(target);
      behind.waiting = Math.max(behind.waiting, backlog.waiting);
      behind.oldestSeconds = Math.max(behind.oldestSeconds, backlog.oldestWaitingSeconds);
    }
    const stopped = await Promise.all(generators.map((g) => g.ask({ type: "stop" }, "stopped")));
    const endCpu = cpuAt();
    const serverLoop = await serverLoopDelay(serverPid, probeFile);
    const loadAtEnd = load();
    const wall = (endCpu.at - startCpu.at) / 1000;

    const sent = stopped.reduce((n, s) => n + s.sent, 0);
    const expected = sent * (PER_DOC - 1);
    const settleFrom = Date.now();
    let received = 0;
    while (Date.now() - settleFrom < 30_000) {
      received = (await Promise.all(generators.map((g) => g.ask({ type: "count" }, "count")))).reduce((n, c) => n + c.received, 0);
      if (received >= expected) break;
      await sleep(200);
    }
    // Every edit saved before the clients go and the server is stopped: a stop waits only a few
    // seconds for edits still queued (SHUTDOWN_SAVE_WAIT_SECONDS), as their clients still hold them.
    const drainFrom = Date.now();
    let backlogAtEnd = (await health(target)).backlog;
    while (backlogAtEnd.waiting > 0 && Date.now() - drainFrom < 300_000) {
      await sleep(500);
      backlogAtEnd = (await health(target)).backlog;
    }
    const savedAfterMs = Date.now() - drainFrom;
    const results = await Promise.all(generators.map((g) => g.ask({ type: "results" }, "results")));

    // Match every receipt to its edit.
    const sentAt = new Map<string, number>();
    for (const r of results) for (let i = 0; i < r.sent.length; i += 3) sentAt.set(`${r.sent[i]}:${r.sent[i + 1]}`, r.sent[i + 2]!);
    const latencies: number[] = [];
    for (const r of results) {
      for (let i = 0; i < r.received.length; i += 3) {
        const t0 = sentAt.get(`${r.received[i]}:${r.received[i + 1]}`);
        if (t0 !== undefined) latencies.push(r.received[i + 2]! - t0);
      }
    }
    const sorted = Float64Array.from(latencies).sort();
    const delivered = sorted.length;
    const sentByDocument = new Map<string, number>();
    for (const r of results) for (const [id, n] of r.sentByDocument) sentByDocument.set(id, (sentByDocument.get(id) ?? 0) + n);
    for (const g of generators) g.stop();

    console.log("Stopping the server and reading every plan back…");
    serverStopped = true;
    const stored = (await target.stop(documentIds, lettersIn))!;
    let lost = 0;
    for (const id of documentIds) {
      const kept = (stored.get(id) ?? 0) - (lettersBefore.get(id) ?? 0);
      lost += Math.max(0, (sentByDocument.get(id) ?? 0) - kept);
    }
    const storedEdits = documentIds.reduce((n, id) => n + (stored.get(id) ?? 0) - (lettersBefore.get(id) ?? 0), 0);

    const p = (q: number) => round3(percentile(sorted, q));
    const perCore = (s: number) => (s / wall).toFixed(2);
    const waitedMsPerSecond = (s: number) => ((s / wall) * 1000).toFixed(0);
    const serverWaited = waitedMsPerSecond(endCpu.serverWaited - startCpu.serverWaited);
    const machineBusy = (endCpu.machine.busy - startCpu.machine.busy) / (endCpu.machine.total - startCpu.machine.total);
    const serverCores = (endCpu.server - startCpu.server) / wall;
    const serverMainCores = (endCpu.serverMain - startCpu.serverMain) / wall;
    const generatorCores = stopped.map((s) => s.cpuSeconds / wall);
    const ours = serverCores + generatorCores.reduce((a, b) => a + b, 0);
    const cores = availableParallelism();

    console.log(`\n### ${CLIENTS} clients over ${DOCS} care plans, ${RATE} edit(s)/s each, ${SECONDS} s, Roundtable on ${databaseUrl ? "Postgres" : "PGlite"}\n`);
    console.log("| figure | value |\n| --- | --- |");
    console.log(`| delivery latency p50 / p95 / p99 / max | ${p(50)} / ${p(95)} / ${p(99)} / ${round3(sorted.at(-1) ?? NaN)} ms |`);
    console.log(`| p99 target < ${target99Ms} ms | ${p(99) < target99Ms ? "met" : "MISSED"} |`);
    console.log(`| edits made | ${sent} (${(sent / wall).toFixed(0)}/s) |`);
    console.log(`| delivered / expected | ${delivered} / ${expected} (${(Math.floor((delivered / expected) * 10000) / 100).toFixed(2)}%) |`);
    console.log(`| saving behind, at most (update-log backlog) | ${behind.waiting} edits waiting, the oldest ${behind.oldestSeconds} s |`);
    console.log(`| all saved | ${backlogAtEnd.waiting === 0 ? `${seconds(savedAfterMs)} after every edit was delivered` : `NOT after ${seconds(savedAfterMs)}: ${backlogAtEnd.waiting} still waiting`} |`);
    console.log(`| stored (read back after stopping) | ${storedEdits} of ${sent}${lost ? `, ${lost} LOST` : ", none lost"} |`);
    console.log(`| server CPU, all threads / main thread | ${perCore(endCpu.server - startCpu.server)} / ${perCore(endCpu.serverMain - startCpu.serverMain)} cores |`);
    console.log(`| server event-loop delay p50 / p99 / max | ${serverLoop.p50} / ${serverLoop.p99} / ${serverLoop.max} ms |`);
    console.log(`| server main thread, waiting for a CPU | ${serverWaited} ms a second |`);
    console.log(`| generator CPU, each | ${generatorCores.map((c) => c.toFixed(2)).join(", ")} cores (together ${generatorCores.reduce((a, b) => a + b, 0).toFixed(2)}) |`);
    console.log(`| generator event-loop delay p99, each | ${stopped.map((s) => s.loopDelay.p99).join(", ")} ms |`);
    console.log(`| generator main threads, waiting for a CPU, each | ${generators.map((_, i) => waitedMsPerSecond(endCpu.generatorsWaited[i]! - startCpu.generatorsWaited[i]!)).join(", ")} ms a second |`);
    console.log(`| this process's CPU | ${perCore(endCpu.bench - startCpu.bench)} cores |`);
    console.log(`| machine CPU busy | ${(machineBusy * 100).toFixed(0)}% of its cores |`);
    console.log(`| generator clocks, most apart | ${worstOffset} ms |`);
    console.log(`| load average at the end (1, 5, 15 min) | ${loadAtEnd} |`);

    // What saturated first: a process whose one thread of JavaScript had no time to spare.
    const busyGenerators = stopped.map((s, i) => ({ i, s })).filter(({ s, i }) => generatorCores[i]! > 0.85 || s.loopDelay.p99 > target99Ms);
    const verdict = [
      `${machineBusy > 0.9 ? "the machine was saturated" : "the machine had CPU to spare"} (${(machineBusy * 100).toFixed(0)}% busy; this run's server and generators used ${ours.toFixed(2)} of its ${cores} cores, the rest went to other work on it)`,
      serverMainCores > 0.85 || serverLoop.p99 > target99Ms ? `the server's main thread was saturated (${serverMainCores.toFixed(2)} cores, loop delay p99 ${serverLoop.p99} ms, ${serverWaited} ms a second waiting for a CPU)` : `the server's main thread was not (${serverMainCores.toFixed(2)} cores, loop delay p99 ${serverLoop.p99} ms, ${serverWaited} ms a second waiting for a CPU)`,
      busyGenerators.length
        ? `generator process(es) ${busyGenerators.map(({ i }) => i + 1).join(", ")} were saturated (their own event-loop delay is in every latency they timed)`
        : "no generator process was saturated",
    ];
    console.log(`\nWhat saturated: ${verdict.join("; ")}.`);
    console.log(
      `\n${JSON.stringify({ clients: CLIENTS, docs: DOCS, rate: RATE, seconds: SECONDS, generators: GENERATORS, database: name, latencyMs: { p50: p(50), p95: p(95), p99: p(99) }, sent, delivered, expected, stored: storedEdits, lost, serverCores: round3(serverCores), serverMainCores: round3(serverMainCores), serverLoop, serverWaitedMsPerSecond: Number(serverWaited), savingBehind: behind, savedAfterMs, generatorCores: generatorCores.map(round3), generatorLoopP99: stopped.map((s) => s.loopDelay.p99), machineBusy: round3(machineBusy), clockOffsets: offsets })}`,
    );
    if (delivered < expected) failed.push(`${expected - delivered} deliveries missing`);
    if (lost > 0) failed.push(`${lost} edits not stored`);
  } catch (err) {
    failed = [String(err)];
    if (!serverStopped) await target.stop([], lettersIn).catch(() => {});
  } finally {
    for (const g of generators) g.stop();
    rmSync(probeDir, { recursive: true, force: true });
  }
  if (failed.length) {
    console.log(`\nFAILED: ${failed.join("; ")}`);
    process.exitCode = 1;
  }
}

await main();
process.exit();
