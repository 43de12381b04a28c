/**
 * pnpm bench:collab — edit-to-delivery latency of the collab endpoint under load, side by side
 * with the stock y-websocket server in one run (issue 15).
 *
 * Starts each server once (collab-targets.ts): the stock y-websocket server, Roundtable on PGlite,
 * Roundtable on Postgres when DATABASE_URL is set, and Roundtable as two processes through Redis
 * behind a round-robin proxy when REDIS_URL is set too (or `--servers …,redis`; Redis defaults to
 * redis://127.0.0.1:6379). Then, for each load level, runs rounds,
 * interleaved (each round puts the load on every server in turn, in an order that rotates): a
 * round makes D fresh documents on that server, connects C stock y-websocket clients to each,
 * and has every client edit R times a second for S seconds. Each receiver times every remote edit
 * from the moment its author made it. At the end Roundtable is stopped and each document read back
 * from its database: every edit must be in it. Prints each server's medians over the rounds and Roundtable's ratios
 * to the stock server against the targets (p50 within 1.1×, p99 within 1.2×), and the two
 * processes' p99 ÷ the one Postgres process's (within 2×), with each server's CPU a round and, on
 * Postgres, the CPU its database's backends spent meanwhile (the same two cores). Missing a target is
 * reported, not an error; an edit not delivered or not stored, or a connection the server closed
 * for an update outside the document's model (4423), fails the run.
 *
 * --kind care-plan (the default): care plans; each client types a letter into a paragraph of its
 * own each time. --kind network-map: network maps; each client adds a person of its own to the
 * map once, then moves them each time, as dragging does. See collab-workloads.ts.
 *
 * Options: --kind K --rounds N (default 5) --seconds S (default 10) --servers stock,pglite,postgres,redis
 * (default: the first two, postgres too with DATABASE_URL set, and redis with REDIS_URL as well); --docs D --clients C --rate R
 * to run one load level instead of the issue's two (10 × 10 × 5/s and 20 × 10 × 10/s);
 * --cold-load N (default 10000; 0 for none): after the rounds, Roundtable is stopped, five care
 * plans (--cold-docs to change how many) are each given an update log of N updates (and no newer
 * snapshot), as a crash would leave them, and once it is started again each one's first opening
 * is timed, connect to synced, with where its time went as the server logged it. The server keeps
 * those logs as they are (the issue's case); with --cold-folded it starts as configured, and so
 * folds each long log into a snapshot before it serves, as it does after a crash.
 * SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the Roundtable servers, STOCK_NODE_ARGS the
 * stock server.
 */
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closeCodes } from "@roundtable/domain";
import buildServer from "../test/support/build-server.js";
import { median, percentile, processCpuSeconds, round3 } from "./process-stats.js";
import type { CollabClient } from "../test/support/collab-client.js";
import { startTarget, targetTitles, type ColdLoad, type Target, type TargetName } from "./collab-targets.js";
import { workloadFor, workloadKinds, type Workload, type WorkloadKind } from "./collab-workloads.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"), // `pnpm bench:collab -- --kind …` passes the "--" on
  options: {
    kind: { type: "string", default: "care-plan" },
    rounds: { type: "string", default: "5" },
    seconds: { type: "string", default: "10" },
    servers: { type: "string" },
    "cold-load": { type: "string", default: "10000" },
    "cold-docs": { type: "string", default: "5" },
    "cold-folded": { type: "boolean", default: false },
    docs: { type: "string" },
    clients: { type: "string" },
    rate: { type: "string" },
  },
});
if (!(workloadKinds as readonly string[]).includes(values.kind)) {
  console.error(`--kind must be one of: ${workloadKinds.join(", ")}`);
  process.exit(2);
}
const ROUNDS = Number(values.rounds);
const S = Number(values.seconds);
const defaultServers = ["stock", "pglite", ...(process.env.DATABASE_URL ? ["postgres"] : []), ...(process.env.DATABASE_URL && process.env.REDIS_URL ? ["redis"] : [])];
const servers = (values.servers?.split(",") ?? defaultServers) as TargetName[];
if (servers.some((s) => !(s in targetTitles))) {
  console.error(`--servers takes a list of: ${Object.keys(targetTitles).join(", ")}`);
  process.exit(2);
}
for (const name of ["postgres", "redis"] as const) {
  if (servers.includes(name) && !process.env.DATABASE_URL) {
    console.error(`--servers ${name} needs DATABASE_URL (a database the run may make others from)`);
    process.exit(2);
  }
}

interface Level {
  docs: number;
  clients: number;
  rate: number;
}
const levels: Level[] =
  values.docs || values.clients || values.rate
    ? [{ docs: Number(values.docs ?? 10), clients: Number(values.clients ?? 10), rate: Number(values.rate ?? 5) }]
    : [
        { docs: 10, clients: 10, rate: 5 },
        { docs: 20, clients: 10, rate: 10 },
      ];
const levelName = (l: Level) => `${l.docs} documents × ${l.clients} clients × ${l.rate} edits/s`;

/** The resident memory of these processes together. */
function rssMiB(pids: number[]): number {
  const kb = pids.reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0), 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** CPU seconds (user + system) these processes have used so far, together. */
function cpuSeconds(pids: (number | "self")[]): number {
  return pids.reduce<number>((sum, pid) => sum + processCpuSeconds(pid), 0);
}

/** CPU seconds so far of each process that still exists (a database backend may come and go). */
function cpuByPid(pids: number[]): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    try {
      cpu.set(pid, processCpuSeconds(pid));
    } catch {
      // gone meanwhile
    }
  }
  return cpu;
}

/** CPU the target's database spent between two readings: backends that started meanwhile count from nothing. */
function databaseCpuBetween(start: Map<number, number>, end: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, now] of end) seconds += now - (start.get(pid) ?? 0);
  return round3(seconds);
}


interface RoundResult {
  target: TargetName;
  level: Level;
  documentIds: string[];
  /** Edits (by the workload's count) the documents held before the round's first edit. */
  before: number;
  sent: number;
  expected: number;
  delivered: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  /** Two processes: p99 of deliveries on the author's own process and across to the other, and how many crossed. */
  split: { sameP99: number; otherP99: number; other: number; all: number } | undefined;
  closes: Map<number, number>;
  /** `database`: Postgres's backends for this target (null where there is none apart from the server). */
  cpu: { server: number; bench: number; database: number | null };
  benchLoopP99: number;
}

const p99Of = (xs: number[]) => round3(percentile(xs.sort((a, b) => a - b), 99));

/** One round of one load level on one server. */
async function runRound(target: Target, level: Level, workload: Workload): Promise<RoundResult> {
  const { docs: D, clients: C, rate: R } = level;
  const documentIds = await target.newDocuments(workload.kind, workload.title, D);
  const latencies: number[] = [];
  // Two processes: latencies of edits received on the author's own process, and on the other one.
  const processOf = new Map<number, number | null>(); // Yjs client id → process
  const byPath = { same: [] as number[], other: [] as number[] };
  let delivered = 0;
  const closes = new Map<number, number>(); // close code → connections the server closed with it
  const clients: CollabClient[] = [];
  for (const documentId of documentIds) {
    const room = await Promise.all(Array.from({ length: C }, () => target.connect(documentId)));
    for (const client of room) {
      workload.listen(client, (latencyMs, author) => {
        latencies.push(latencyMs);
        delivered++;
        const from = processOf.get(author);
        const to = processOf.get(client.doc.clientID);
        if (from != null && to != null) (from === to ? byPath.same : byPath.other).push(latencyMs);
      });
      // Null when the client closed the connection itself (at the end of the round).
      client.provider.on("connection-close", (event) => {
        if (event) closes.set(event.code, (closes.get(event.code) ?? 0) + 1);
      });
    }
    clients.push(...room);
  }
  if (target.processesOf) {
    const where = await target.processesOf(clients);
    for (const [i, client] of clients.entries()) processOf.set(client.doc.clientID, where[i] ?? null);
  }
  const edits = clients.map((client, i) => workload.prepare(client, i % C));
  await new Promise((r) => setTimeout(r, 1000));
  // What the documents hold before the first edit (a new care plan has its headings' words).
  const before = documentIds.reduce((n, _, d) => n + workload.editsIn(clients[d * C]!.doc), 0);
  latencies.length = 0;
  byPath.same.length = 0;
  byPath.other.length = 0;
  delivered = 0;

  let sent = 0;
  // The clients share this process: its own event-loop delay is part of every figure measured.
  const benchLoop = monitorEventLoopDelay({ resolution: 1 });
  benchLoop.enable();
  const databaseAtStart = target.databasePids ? cpuByPid(await target.databasePids()) : null;
  const cpuAtStart = { server: cpuSeconds(target.pids), bench: cpuSeconds(["self"]) };
  const timers = edits.map((edit) => {
    const start = setTimeout(() => {
      const tick = setInterval(() => {
        edit();
        sent++;
      }, 1000 / R);
      timers.push(tick);
    }, Math.random() * (1000 / R));
    return start;
  });
  await new Promise((r) => setTimeout(r, S * 1000));
  for (const t of timers) {
    clearTimeout(t);
    clearInterval(t);
  }
  benchLoop.disable();
  const serverCpu = round3(cpuSeconds(target.pids) - cpuAtStart.server);
  const benchCpu = round3(cpuSeconds(["self"]) - cpuAtStart.bench);
  const database = databaseAtStart && target.databasePids ? databaseCpuBetween(databaseAtStart, cpuByPid(await target.databasePids())) : null;
  const cpu = { server: serverCpu, bench: benchCpu, database };
  const expected = sent * (C - 1);
  const settleUntil = Date.now() + 10_000;
  while (delivered < expected && Date.now() < settleUntil) await new Promise((r) => setTimeout(r, 50));
  for (const client of clients) client.destroy();
  latencies.sort((a, b) => a - b);
  const split = target.processesOf ? { sameP99: p99Of(byPath.same), otherP99: p99Of(byPath.other), other: byPath.other.length, all: latencies.length } : undefined;
  const latency = { p50: round3(percentile(latencies, 50)), p95: round3(percentile(latencies, 95)), p99: round3(percentile(latencies, 99)), max: round3(latencies.at(-1) ?? NaN) };
  return { target: target.name, level, documentIds, before, sent, expected, delivered, latency, split, closes, cpu, benchLoopP99: round3(benchLoop.percentile(99) / 1e6) };
}

async function main(): Promise<void> {
  process.setMaxListeners(0); // y-websocket's provider listens for this process's exit, once per client
  buildServer(); // as `pnpm start` does: what is measured is the code in the checkout now, never an old build
  const maxEditsPerClient = Math.ceil(Math.max(...levels.map((l) => l.rate)) * S) + 1;
  const workload = workloadFor(values.kind as WorkloadKind, maxEditsPerClient);
  const caps = { connections: Math.max(...levels.map((l) => l.docs * l.clients)) };
  console.log(`Starting ${servers.map((s) => targetTitles[s]).join(", ")}…`);
  const targets: Target[] = [];
  for (const name of servers) targets.push(await startTarget(name, caps, process.env.DATABASE_URL));
  const rss = new Map(targets.map((t) => [t.name, { atStart: rssMiB(t.pids), atEnd: 0 }]));
  const results: RoundResult[] = [];
  const coldLoads = new Map<TargetName, ColdLoad[]>();
  const coldUpdates = Number(values["cold-load"]);
  const coldDocs = Number(values["cold-docs"]);
  let failed = false;
  try {
    for (const level of levels) {
      console.log(`\n${levelName(level)}, ${S} s a round, ${ROUNDS} rounds (${workload.doing.toLowerCase()})`);
      for (let r = 0; r < ROUNDS; r++) {
        // Interleaved, in an order that rotates, so no server always follows the same one.
        const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
        for (const target of order) {
          const result = await runRound(target, level, workload);
          results.push(result);
          const { p50, p99 } = result.latency;
          const lost = result.expected - result.delivered;
          const split = result.split ? ` (p99 on the author's process ${result.split.sameP99} ms, on the other ${result.split.otherP99} ms, ${result.split.other} of ${result.split.all} crossed)` : "";
          console.log(`  round ${r + 1}, ${targetTitles[target.name]}: p50 ${p50} ms, p99 ${p99} ms${split}, ${result.delivered}/${result.expected} delivered${lost ? ` (${lost} MISSING)` : ""}, server CPU ${result.cpu.server} s${result.cpu.database === null ? "" : `, database CPU ${result.cpu.database} s`}`);
        }
      }
    }
    for (const target of targets) {
      if (!target.coldLoad || coldUpdates === 0) continue;
      console.log(`\n${targetTitles[target.name]}: opening ${coldDocs} care plans with ${coldUpdates} updates in their logs, once each, after a restart…`);
      coldLoads.set(target.name, await target.coldLoad("care-plan", coldDocs, coldUpdates, values["cold-folded"]));
    }
  } finally {
    for (const target of targets) {
      rss.get(target.name)!.atEnd = rssMiB(target.pids);
      const ours = results.filter((r) => r.target === target.name);
      const stored = await target.stop(target.name === "stock" ? [] : ours.flatMap((r) => r.documentIds), workload.editsIn);
      if (!stored) continue;
      for (const r of ours) {
        const kept = r.documentIds.reduce((n, id) => n + (stored.get(id) ?? 0), 0) - r.before;
        if (kept !== r.sent) {
          console.log(`${targetTitles[target.name]}: ${r.sent} edits sent in a round at ${levelName(r.level)}, but ${kept} stored: EDITS LOST`);
          failed = true;
        }
      }
    }
  }

  const summary = levels.map((level) => {
    const of = (name: TargetName) => results.filter((r) => r.target === name && r.level === level);
    const byServer = Object.fromEntries(
      targets.map((t) => {
        const rounds = of(t.name);
        return [
          t.name,
          {
            p50Median: median(rounds.map((r) => r.latency.p50)),
            p99Median: median(rounds.map((r) => r.latency.p99)),
            p50Rounds: rounds.map((r) => r.latency.p50),
            p99Rounds: rounds.map((r) => r.latency.p99),
            delivered: rounds.reduce((n, r) => n + r.delivered, 0),
            expected: rounds.reduce((n, r) => n + r.expected, 0),
            serverCpuSecondsMedian: median(rounds.map((r) => r.cpu.server)),
            databaseCpuSecondsMedian: rounds[0]?.cpu.database === null ? null : median(rounds.map((r) => r.cpu.database ?? 0)),
            benchLoopDelayP99Median: median(rounds.map((r) => r.benchLoopP99)),
            ...(rounds[0]?.split && {
              sameProcessP99Median: median(rounds.map((r) => r.split!.sameP99)),
              otherProcessP99Median: median(rounds.map((r) => r.split!.otherP99)),
            }),
          },
        ];
      }),
    );
    return { level, servers: byServer };
  });

  for (const { level, servers: byServer } of summary) {
    console.log(`\n### ${levelName(level)}: medians of ${ROUNDS} interleaved rounds\n`);
    console.log(
      "| server | p50 ms | p99 ms | p50 by round | p99 by round | delivered | server CPU s a round | Postgres CPU s a round |\n| --- | --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const [name, s] of Object.entries(byServer)) {
      const database = s.databaseCpuSecondsMedian ?? (name === "pglite" ? "(in the server's)" : "none");
      console.log(
        `| ${targetTitles[name as TargetName]} | ${s.p50Median} | ${s.p99Median} | ${s.p50Rounds.join(", ")} | ${s.p99Rounds.join(", ")} | ${((s.delivered / s.expected) * 100).toFixed(2)}% | ${s.serverCpuSecondsMedian} | ${database} |`,
      );
    }
    const single = byServer.postgres;
    const two = byServer.redis;
    if (two && single) {
      const p99 = two.p99Median / single.p99Median;
      console.log(`\n${targetTitles.redis} ÷ ${targetTitles.postgres}: p99 ${p99.toFixed(2)}× (target ≤ 2×: ${p99 <= 2 ? "met" : "MISSED"})`);
      console.log(`  its p99, median of rounds: ${two.sameProcessP99Median} ms received on the author's own process, ${two.otherProcessP99Median} ms on the other (through Redis: ADR 0039)`);
    } else if (two) console.log(`\n(${targetTitles.redis}: no ratio without ${targetTitles.postgres} in the same run; add postgres to --servers)`);
    const stock = byServer.stock;
    if (!stock) continue;
    for (const name of ["pglite", "postgres"] as const) {
      const ours = byServer[name];
      if (!ours) continue;
      const p50 = ours.p50Median / stock.p50Median;
      const p99 = ours.p99Median / stock.p99Median;
      console.log(
        `\n${targetTitles[name]} ÷ stock: p50 ${p50.toFixed(2)}× (target ≤ 1.1×: ${p50 <= 1.1 ? "met" : "MISSED"}), p99 ${p99.toFixed(2)}× (target ≤ 1.2×: ${p99 <= 1.2 ? "met" : "MISSED"})`,
      );
    }
  }
  if (coldLoads.size > 0) {
    const asLeft = values["cold-folded"] ? "folded into a snapshot by the server as it started" : "no snapshot";
    console.log(`\n### Cold load: a care plan with ${coldUpdates} updates in its log (${asLeft}), opened first after a restart (connect to synced)\n`);
    console.log("| server | each, in order (ms) | median (ms) | target < 50 ms |\n| --- | --- | --- | --- |");
    for (const [name, loads] of coldLoads) {
      const m = median(loads.map((l) => l.ms));
      console.log(`| ${targetTitles[name]} | ${loads.map((l) => l.ms.toFixed(1)).join(", ")} | ${m.toFixed(1)} | ${m < 50 ? "met" : "MISSED"} |`);
    }
    console.log("\nWhere each opening's time went, in order (ms; the server's steps as it logged them, the rest outside it: the handshake, the sync exchange, the client applying the state):\n");
    console.log("| server | opening | session | access check | audit visit | read the log | build the document | room, other | join | rest | total |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const [name, loads] of coldLoads) {
      for (const [i, { ms, server: s }] of loads.entries()) {
        const cells = s ? [s.session, s.access - s.session, s.visit - s.access, s.readMs, s.buildMs, s.room - s.visit - s.readMs - s.buildMs, s.joined - s.room, ms - s.joined].map((c) => c.toFixed(1)) : ["not logged", "", "", "", "", "", "", ""];
        console.log(`| ${targetTitles[name]} | ${i + 1} | ${cells.join(" | ")} | ${ms.toFixed(1)} |`);
      }
    }
  }
  console.log(`\n| server | RSS at start / end (MiB) |\n| --- | --- |`);
  for (const [name, m] of rss) console.log(`| ${targetTitles[name]} | ${m.atStart} / ${m.atEnd} |`);

  const everyDelivered = results.every((r) => r.delivered >= r.expected);
  const refused = results.reduce((n, r) => n + (r.closes.get(closeCodes.outsideModel) ?? 0), 0);
  const closedByServer = results.filter((r) => r.closes.size > 0).map((r) => `${targetTitles[r.target]}: ${[...r.closes].map(([code, n]) => `${code} × ${n}`).join(", ")}`);
  if (closedByServer.length) console.log(`\nConnections the servers closed: ${closedByServer.join("; ")}`);
  console.log(`\n${JSON.stringify({ kind: workload.kind, rounds: ROUNDS, seconds: S, summary, coldLoadMs: Object.fromEntries([...coldLoads].map(([name, loads]) => [name, loads.map((l) => l.ms)])), coldLoadSteps: Object.fromEntries(coldLoads), rssMiB: Object.fromEntries(rss) })}`);
  if (failed || !everyDelivered || refused > 0) {
    console.log(`\nFAILED: ${[failed && "edits not stored", !everyDelivered && "edits not delivered", refused > 0 && `${refused} connections refused as outside the model`].filter(Boolean).join("; ")}`);
    process.exitCode = 1;
  }
}

await main();
process.exit();
