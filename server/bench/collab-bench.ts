/**
 * pnpm bench:collab — edit-to-delivery latency of the collab endpoint under load.
 *
 * Builds and starts the server (as `pnpm start` does) on a fresh data directory, signs in, creates D
 * documents of one kind, connects C stock y-websocket clients to each, and has every client edit
 * R times a second for S seconds. Each receiver times every remote edit from the moment its
 * author made it. Afterwards the server is stopped and the update log is counted: every edit
 * must be stored. All clients are one person, so the per-person collab caps are raised through
 * configuration. Any connection the server closes is counted by its close code; a close for an
 * update outside the document's model (4423) fails the run.
 *
 * --kind care-plan (the default): care plans; each client types a letter into a paragraph of its
 * own each time. --kind network-map: network maps (issue 14: "10 maps × 10 editors moving nodes
 * 5 times a second: delivery p99 and 100% delivered"); each client adds a person of its own to
 * the map once, then moves them each time, as dragging does. See collab-workloads.ts.
 *
 * Options: --kind K --docs D --clients C --rate R --seconds S (defaults care-plan 10 10 5 10).
 * With DATABASE_URL set, a fresh Postgres database is made for the run instead of embedded PGlite.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openDatabase, schema } from "@roundtable/db";
import { createTestDatabase } from "@roundtable/db/testing";
import { closeCodes, type CaseSummary, type DocumentDetail } from "@roundtable/domain";
import { inArray } from "drizzle-orm";
import { signIn } from "../test/support/api-client.js";
import buildServer from "../test/support/build-server.js";
import { freePort, startChildServer } from "../test/support/child-server.js";
import { connectCollab, type CollabClient } from "../test/support/collab-client.js";
import { workloadFor, workloadKinds, type WorkloadKind } from "./collab-workloads.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"), // `pnpm bench:collab -- --kind …` passes the "--" on
  options: {
    kind: { type: "string", default: "care-plan" },
    docs: { type: "string", default: "10" },
    clients: { type: "string", default: "10" },
    rate: { type: "string", default: "5" },
    seconds: { type: "string", default: "10" },
  },
});
const D = Number(values.docs);
const C = Number(values.clients);
const R = Number(values.rate);
const S = Number(values.seconds);
if (!(workloadKinds as readonly string[]).includes(values.kind)) {
  console.error(`--kind must be one of: ${workloadKinds.join(", ")}`);
  process.exit(2);
}
const workload = workloadFor(values.kind as WorkloadKind, Math.ceil(R * S) + 1);

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | "self"): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

async function main(): Promise<void> {
  buildServer(); // as `pnpm start` does: what is measured is the code in the checkout now, never an old build
  const dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-bench-"));
  const postgres = process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : null;
  const storage = postgres ? { databaseUrl: postgres.url } : { dataDir };
  const port = await freePort();
  console.log(`Starting the server on a fresh ${postgres ? "Postgres database" : `data directory (${dataDir})`}…`);
  const server = await startChildServer(storage, port, {
    COLLAB_COMPACT_AFTER_UPDATES: "1000000000", // keep every update row, so the log can be counted
    // Every client signs in as one person: the per-person caps are raised for that, and only that.
    COLLAB_MAX_CONNECTIONS_PER_PERSON: String(D * C),
    COLLAB_MAX_BYTES_PER_PERSON_PER_SECOND: String(D * C * 64 * 1024),
    COLLAB_PERSON_BYTE_BURST: String(D * C * 128 * 1024),
  });
  const pid = server.process.pid!;
  let stopping = false;
  try {
    const priya = await signIn(server.url, "priya.shah");
    const jamie = (await priya.get<CaseSummary[]>("/api/cases")).body.find((c) => c.name === "Jamie Walker")!;
    const documentIds: string[] = [];
    for (let d = 0; d < D; d++) {
      const created = await priya.post<DocumentDetail>(`/api/cases/${jamie.id}/documents`, { kind: workload.kind, title: workload.title(d + 1) });
      documentIds.push(created.body.id);
    }
    const rssBefore = rssMiB(pid);

    console.log(`Connecting ${D * C} clients to ${D} ${workload.kind} documents…`);
    const latencies: number[] = [];
    let delivered = 0;
    const closes = new Map<number, number>(); // close code → connections the server closed with it
    const clients: CollabClient[][] = [];
    for (const documentId of documentIds) {
      const room = await Promise.all(Array.from({ length: C }, () => connectCollab(server.url, documentId, priya.cookie)));
      for (const client of room) {
        workload.listen(client, (latencyMs) => {
          latencies.push(latencyMs);
          delivered++;
        });
        // Null when the client closed the connection itself (at the end of the run).
        client.provider.on("connection-close", (event) => {
          if (event) closes.set(event.code, (closes.get(event.code) ?? 0) + 1);
        });
      }
      clients.push(room);
    }
    const edits = clients.flatMap((room) => room.map((client, i) => workload.prepare(client, i)));
    await new Promise((r) => setTimeout(r, 1000));
    latencies.length = 0;
    delivered = 0;

    console.log(`${workload.doing}: every client ${R} times a second for ${S} s…`);
    let sent = 0;
    // The clients share this process: its own event-loop delay is part of every figure measured.
    const benchLoop = monitorEventLoopDelay({ resolution: 1 });
    benchLoop.enable();
    const cpuAtStart = { server: cpuSeconds(pid), bench: cpuSeconds("self") };
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
    const cpuUsed = { server: round(cpuSeconds(pid) - cpuAtStart.server), bench: round(cpuSeconds("self") - cpuAtStart.bench) };
    const expected = sent * (C - 1);
    const settleUntil = Date.now() + 10_000;
    while (delivered < expected && Date.now() < settleUntil) await new Promise((r) => setTimeout(r, 50));
    const rssAfter = rssMiB(pid);
    for (const client of clients.flat()) client.destroy();

    stopping = true;
    await server.kill("SIGTERM"); // a clean stop writes anything still queued
    const database = await openDatabase({ url: storage.databaseUrl, dataDir: storage.dataDir });
    const rows = await database.db
      .select({ seq: schema.documentUpdates.seq })
      .from(schema.documentUpdates)
      .where(inArray(schema.documentUpdates.documentId, documentIds));
    await database.close();
    // Setup wrote one paragraph or node per client; every edit after that is one more row.
    const stored = rows.length - D * C;

    latencies.sort((a, b) => a - b);
    const refused = closes.get(closeCodes.outsideModel) ?? 0;
    const result = {
      kind: workload.kind,
      database: postgres ? "postgres" : "pglite",
      docs: D,
      clientsPerDoc: C,
      editsPerSecondPerClient: R,
      seconds: S,
      editsSent: sent,
      deliveriesExpected: expected,
      deliveriesReceived: delivered,
      deliveryRatio: round(delivered / expected),
      latencyMs: { p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? NaN) },
      updatesStored: stored,
      everyEditStored: stored === sent,
      connectionsClosedByServer: Object.fromEntries(closes),
      updatesRefusedAsOutsideModel: refused,
      serverRssMiB: { before: rssBefore, after: rssAfter },
      cpuSecondsWhileEditing: cpuUsed,
      benchProcessLoopDelayMs: { p50: round(benchLoop.percentile(50) / 1e6), p99: round(benchLoop.percentile(99) / 1e6) },
    };
    console.log("\n| measure | value |\n| --- | --- |");
    console.log(`| kind | ${workload.kind} |`);
    console.log(`| documents × clients | ${D} × ${C} |`);
    console.log(`| edits sent (${R}/s each for ${S} s) | ${sent} |`);
    console.log(`| deliveries received / expected | ${delivered} / ${expected} (${(result.deliveryRatio * 100).toFixed(2)}%) |`);
    console.log(`| latency p50 / p95 / p99 / max (ms) | ${result.latencyMs.p50} / ${result.latencyMs.p95} / ${result.latencyMs.p99} / ${result.latencyMs.max} |`);
    console.log(`| updates stored in the log | ${stored} (${result.everyEditStored ? "every edit" : "MISSING EDITS"}) |`);
    console.log(`| connections closed by the server (code × times) | ${closes.size === 0 ? "none" : [...closes].map(([code, n]) => `${code} × ${n}`).join(", ")}${refused > 0 ? " (REFUSED AS OUTSIDE THE MODEL)" : ""} |`);
    console.log(`| server RSS before / after (MiB) | ${rssBefore} / ${rssAfter} |`);
    console.log(`| CPU seconds while editing: server / benchmark clients | ${cpuUsed.server} / ${cpuUsed.bench} |`);
    console.log(`| the benchmark's own event-loop delay p50 / p99 (ms) | ${result.benchProcessLoopDelayMs.p50} / ${result.benchProcessLoopDelayMs.p99} |`);
    console.log(`\n${JSON.stringify(result)}`);
    if (!result.everyEditStored || delivered < expected || refused > 0) process.exitCode = 1;
  } catch (err) {
    const { exitCode, signalCode } = server.process;
    if (!stopping && (exitCode !== null || signalCode !== null)) console.error(`The server stopped during the run (exit code ${exitCode}, signal ${signalCode}). Its output:\n${server.output()}`);
    throw err;
  } finally {
    await server.kill("SIGKILL");
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit();
