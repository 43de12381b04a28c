/**
 * pnpm bench:map-drawing — what drawing a full network map for download does to the server's
 * event loop: every live editing connection waits while it is blocked (docs/adr/0037).
 *
 * Starts a server on a fresh database (PGlite, or Postgres when DATABASE_URL is set) and draws on
 * Jamie Walker's case a map at the model's limit: the young person and 999 others (people and
 * agencies), each with a name, role and contact details, each connected to the young person. Then, one download
 * at a time, asks for `map.png` and for Jamie's care plan's PDF (which ends with the map), and
 * while each is being made measures, in the server's process: the event loop's delay
 * (perf_hooks.monitorEventLoopDelay, 10 ms resolution) and how `GET /api/health`, asked every
 * 100 ms by another process, is answered. The process's CPU time for each download (its worker
 * threads' included) is printed beside them. Run before and after ADR 0037: see its figures.
 *
 * Options: --people N (default 1000), --rounds N (downloads of each, default 2).
 */
import { spawn } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { addMapNode, connectMapNodes, readNetworkMap } from "@roundtable/collab";
import { createTestDatabase } from "@roundtable/db/testing";
import type { DocumentDetail, MapNodeStatus } from "@roundtable/domain";
import * as Y from "yjs";
import { loadConfig } from "../src/config.js";
import { startServer } from "../src/server.js";
import { carePlanOf, signIn } from "../test/support/api-client.js";
import { connectCollab } from "../test/support/collab-client.js";
import { waitFor } from "../test/support/wait-for.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { people: { type: "string", default: "1000" }, rounds: { type: "string", default: "2" } },
});
const PEOPLE = Number(values.people);
const ROUNDS = Number(values.rounds);

const ms = (ns: number) => Math.round(ns / 1e5) / 10;
const statuses: MapNodeStatus[] = ["on-board", "to-bring-in", "left"];

/**
 * `GET /api/health` every 100 ms from another process (a client in this one would wait on the
 * same event loop as the server): how many were answered, how many failed, and the slowest.
 */
function healthProbe(url: string) {
  const script = `
    const http = require("node:http");
    let answered = 0, failed = 0, slowest = 0, stopping = false;
    process.on("message", () => { stopping = true; });
    const ask = () => {
      if (stopping) return process.send({ answered, failed, slowestMs: Math.round(slowest) }, () => process.exit(0));
      const t0 = performance.now();
      const done = (ok) => { slowest = Math.max(slowest, performance.now() - t0); ok ? answered++ : failed++; setTimeout(ask, 100); };
      http.get(${JSON.stringify(`${url}/api/health`)}, { agent: false }, (res) => { res.resume(); res.on("end", () => done(res.statusCode === 200)); }).on("error", () => done(false));
    };
    process.send("started");
    ask();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const answers: unknown[] = [];
  const next = () => new Promise<unknown>((resolve) => (answers.length > 0 ? resolve(answers.shift()) : child.once("message", resolve)));
  return {
    started: next(),
    async stop(): Promise<{ answered: number; failed: number; slowestMs: number }> {
      child.send("stop");
      return (await next()) as { answered: number; failed: number; slowestMs: number };
    },
  };
}

interface Figures {
  download: string;
  status: number;
  bytes: number;
  wallMs: number;
  cpuMs: number;
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
  loopDelayMeanMs: number;
  healthChecks: number;
  healthSlowestMs: number;
  healthFailed: number;
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  const postgres = adminUrl ? await createTestDatabase(adminUrl) : null;
  const dataDir = postgres ? undefined : mkdtempSync(path.join(tmpdir(), "roundtable-map-bench-"));
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", CLIENT_DIST: "/nonexistent", ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: postgres!.url }) });
  // One person asks for every download here: the per-person allowance is not what is measured.
  config.mapDrawing.perPerson = 1000;
  const server = await startServer(config);
  try {
    const priya = await signIn(server.url, "priya.shah");
    const plan = await carePlanOf(priya, "Jamie Walker");
    const made = await priya.post<DocumentDetail>(`/api/cases/${plan.caseId}/documents`, { kind: "network-map", title: "Everyone around Jamie", visibility: "family" });
    if (made.status !== 201) throw new Error(`could not make the map: ${made.status}`);
    const mapId = made.body.id;
    const editor = await connectCollab(server.url, mapId, priya.cookie);
    const started = performance.now();
    for (let batch = 1; batch < PEOPLE; batch += 100) {
      editor.doc.transact(() => {
        for (let i = batch; i < Math.min(batch + 100, PEOPLE); i++) {
          const ring = Math.ceil(Math.sqrt(i));
          const angle = (i / (ring * 6)) * Math.PI * 2;
          const id = addMapNode(editor.doc, {
            label: `Person number ${i} of Jamie's network`,
            kind: i % 7 === 0 ? "agency" : "person",
            status: statuses[i % 3]!,
            x: Math.round(Math.cos(angle) * ring * 300),
            y: Math.round(Math.sin(angle) * ring * 220),
            role: "Clinical psychologist",
            contact: `01632 960 ${String(i).padStart(3, "0")}, person${i}@example.org`,
          });
          connectMapNodes(editor.doc, "young-person", id, i % 5 === 0 ? "strained" : "works with the family");
        }
      });
    }
    await waitFor(
      async () => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, await server.registry.readState(mapId));
        return readNetworkMap(doc).nodes.length === PEOPLE;
      },
      { timeoutMs: 120_000, what: "the map on the server" },
    );
    editor.destroy();
    console.log(`drew a map of ${PEOPLE} people on Jamie's case in ${Math.round(performance.now() - started)} ms`);

    const downloads = { "map.png": `/api/documents/${mapId}/map.png`, "care plan PDF": `/api/documents/${plan.documentId}/pdf` };
    const figures: Figures[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [download, address] of Object.entries(downloads)) {
        const loop = monitorEventLoopDelay({ resolution: 10 });
        const probe = healthProbe(server.url);
        await probe.started;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        loop.enable();
        const res = await fetch(`${server.url}${address}`, { headers: { cookie: priya.cookie } });
        const bytes = (await res.arrayBuffer()).byteLength;
        loop.disable();
        const wallMs = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        const health = await probe.stop();
        figures.push({
          download,
          status: res.status,
          bytes,
          wallMs: Math.round(wallMs),
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
          loopDelayMaxMs: ms(loop.max),
          loopDelayP99Ms: ms(loop.percentile(99)),
          loopDelayMeanMs: ms(loop.mean),
          healthChecks: health.answered,
          healthSlowestMs: health.slowestMs,
          healthFailed: health.failed,
        });
      }
    }
    console.table(figures);
    console.log(JSON.stringify({ people: PEOPLE, database: postgres ? "postgres" : "pglite", figures }));
  } finally {
    await server.close();
    await postgres?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
