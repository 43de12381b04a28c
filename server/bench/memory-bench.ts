/**
 * pnpm bench:memory — the server's memory at rest, and what each idle editing connection costs it
 * (issue 15: "RSS in PGlite mode at rest with the demo data ≤ 300 MB; in Postgres mode ≤ 150 MB;
 * an idle connected client costs ≤ 50 KB").
 *
 * Builds and starts the server as `pnpm start` does, on a fresh data directory (or, with
 * DATABASE_URL set, a fresh Postgres database) so it makes the database and seeds the demo data,
 * and waits until it is at rest: left alone for 30 s (--idle-seconds), and its RSS moved less than
 * 2 MiB over the last five seconds (see atRest for why both). Then stops
 * it and starts it again on the same data (as every later start is), and measures that too. Nothing asks it to collect
 * garbage (production has no --expose-gc): the figure is what the process holds as it runs.
 * Where that memory lies is read from /proc/<pid>/smaps: WebAssembly memories (PGlite's Postgres)
 * are the mappings of several GiB that V8 reserves for each; the rest is split into the process's
 * other anonymous memory (V8 heaps of the main thread and the workers, malloc) and files (the
 * node binary, shared libraries).
 *
 * Then, on the restarted server, the signed-in person is given enough care plans for
 * --clients-per-document (default 10) idle clients on each, one stock y-websocket client joins
 * each document (loading every room once), the server settles again, and --clients in all
 * (default 2000) are connected across those documents and left idle: they renew their presence
 * every 15 s, as a browser tab does. Each renewal goes to everyone else in the document, so the
 * number in one document decides the traffic: 2,000 clients in the demo's 13 documents sent the
 * load generator about 20,000 renewals a second, and the server's memory then grew with its
 * queues of what the generator had not yet read, not with what a connection holds (2026-12-07).
 * Once the server is at rest again, the growth divided by the clients added is the cost of one
 * idle client; the rooms' own cost is not in it. All clients are one person, so the per-person
 * connection cap is raised through configuration for the run.
 *
 * Options: --clients N (default 2000), --clients-per-document N (default 10), --idle-seconds S
 * (how long it is left alone before RSS is read, default 30), --settle-seconds S (the longest wait
 * for rest, default 90).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTestDatabase } from "@roundtable/db/testing";
import type { CaseDetail, CaseSummary } from "@roundtable/domain";
import { signIn } from "../test/support/api-client.js";
import buildServer from "../test/support/build-server.js";
import { freePort, startChildServer, type ChildServer } from "../test/support/child-server.js";
import { connectCollab, type CollabClient } from "../test/support/collab-client.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { clients: { type: "string", default: "2000" }, "clients-per-document": { type: "string", default: "10" }, "settle-seconds": { type: "string", default: "90" }, "idle-seconds": { type: "string", default: "30" } },
});
const CLIENTS = Number(values.clients);
const SETTLE_S = Number(values["settle-seconds"]);
const IDLE_S = Number(values["idle-seconds"]);
const PER_DOCUMENT = Number(values["clients-per-document"]);
if (!Number.isInteger(PER_DOCUMENT) || PER_DOCUMENT < 1) throw new Error("--clients-per-document must be a whole number above 0");
if (!Number.isInteger(CLIENTS) || CLIENTS < 1) throw new Error("--clients must be a whole number above 0");
if (!(SETTLE_S > 0)) throw new Error("--settle-seconds must be above 0");
if (!(IDLE_S >= 0 && IDLE_S < SETTLE_S)) throw new Error("--idle-seconds must be 0 or more, and less than --settle-seconds");

process.setMaxListeners(CLIENTS + 20); // each stock client listens for the process exiting

const targets = { pgliteRestMiB: 300, postgresRestMiB: 150, perClientKiB: 50 };

const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
}

interface MemoryMap {
  rssKb: number;
  /** Resident in WebAssembly memories: mappings of 4 GiB or more (V8 reserves ~10 GiB for each). */
  wasmKb: number;
  wasmMemories: number;
  /** Resident in other anonymous mappings: V8 heaps, malloc, buffers. */
  otherAnonKb: number;
  /** Resident in mappings of files: the node binary, shared libraries, native addons. */
  fileKb: number;
}

function memoryMap(pid: number): MemoryMap {
  interface Mapping {
    start: bigint;
    end: bigint;
    perms: string;
    file: boolean;
    rssKb: number;
  }
  const mappings: Mapping[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (header) {
      mappings.push({ start: BigInt(`0x${header[1]}`), end: BigInt(`0x${header[2]}`), perms: header[3]!, file: header[4] !== "0" && header[5]!.startsWith("/"), rssKb: 0 });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && mappings.length > 0) mappings.at(-1)!.rssKb = Number(rss[1]);
  }
  // V8 reserves about 10 GiB of address space for each WebAssembly memory and makes only the
  // pages in use readable: the memory is a read-write mapping followed at once by a reserved one
  // (no access) that takes the whole to 4 GiB or more.
  const fourGiB = 4n * 1024n * 1024n * 1024n;
  const map: MemoryMap = { rssKb: 0, wasmKb: 0, wasmMemories: 0, otherAnonKb: 0, fileKb: 0 };
  mappings.forEach((m, i) => {
    map.rssKb += m.rssKb;
    const next = mappings[i + 1];
    if (m.file) map.fileKb += m.rssKb;
    else if (m.perms.startsWith("rw") && next && next.start === m.end && next.perms.startsWith("---") && next.end - m.start >= fourGiB && m.rssKb > 0) {
      map.wasmKb += m.rssKb;
      map.wasmMemories++;
    } else map.otherAnonKb += m.rssKb;
  });
  return map;
}

/**
 * Waits until the server has been left alone for --idle-seconds and its RSS has moved less than
 * 2 MiB over the last five one-second looks, or the settle time passes. Left alone, V8 collects
 * and shrinks its heaps some seconds after the work stops (its memory reducer): RSS 5 s after a
 * first start on PGlite was 33–37 MiB above what it was 30 s after (2026-12-07), so the wait is not only for
 * a steady figure. What RSS was on the way is returned too (every fifth look), to be printed.
 */
async function atRest(pid: number): Promise<{ rssKb: number; settled: boolean; seconds: number; track: number[] }> {
  const looks: number[] = [];
  const started = Date.now();
  const result = (settled: boolean) => ({ rssKb: looks.at(-1)!, settled, seconds: (Date.now() - started) / 1000, track: looks.filter((_, i) => i % 5 === 0) });
  for (;;) {
    looks.push(rssKb(pid));
    const last = looks.slice(-6);
    if (Date.now() - started >= IDLE_S * 1000 && last.length === 6 && Math.max(...last) - Math.min(...last) < 2048) return result(true);
    if (Date.now() - started > SETTLE_S * 1000) return result(false);
    await sleep(1000);
  }
}

/** "at rest after N s (RSS a, b, c MiB on the way)". */
function restWords(rest: { settled: boolean; seconds: number; track: number[] }): string {
  return `At rest${rest.settled ? "" : " (NOT SETTLED)"} after ${rest.seconds.toFixed(0)} s (RSS every 5 s on the way: ${rest.track.map(mib).join(", ")} MiB)`;
}

function describe(map: MemoryMap): string {
  return `${mib(map.rssKb)} MiB (WebAssembly memories ${mib(map.wasmKb)} MiB in ${map.wasmMemories}, other anonymous ${mib(map.otherAnonKb)} MiB, files ${mib(map.fileKb)} MiB)`;
}

async function start(storage: { databaseUrl?: string; dataDir?: string }, port: number): Promise<{ server: ChildServer; seconds: number }> {
  const launched = Date.now();
  const server = await startChildServer(storage, port, {
    // Every client signs in as one person: the per-person caps are raised for that, and only that.
    COLLAB_MAX_CONNECTIONS_PER_PERSON: String(CLIENTS + 10),
    COLLAB_MAX_BYTES_PER_PERSON_PER_SECOND: String(CLIENTS * 64 * 1024),
    COLLAB_PERSON_BYTE_BURST: String(CLIENTS * 128 * 1024),
  });
  return { server, seconds: (Date.now() - launched) / 1000 };
}

async function main(): Promise<void> {
  buildServer(); // what is measured is the code in the checkout now
  const dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-memory-bench-"));
  const postgres = process.env.DATABASE_URL ? await createTestDatabase(process.env.DATABASE_URL) : null;
  const storage = postgres ? { databaseUrl: postgres.url } : { dataDir };
  const databaseKind = postgres ? "postgres" : "pglite";
  const port = await freePort();
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`Starting the server on a fresh ${postgres ? "Postgres database" : `data directory (${dataDir})`}: it makes the database and seeds the demo data…`);
  let { server, seconds: firstStartSeconds } = await start(storage, port);
  const clients: CollabClient[] = [];
  let stopping = false;
  try {
    console.log(`Answering /api/health after ${firstStartSeconds.toFixed(1)} s; waiting for it to be at rest…`);
    const firstRest = await atRest(server.process.pid!);
    const firstMap = memoryMap(server.process.pid!);
    console.log(`${restWords(firstRest)}: ${describe(firstMap)}`);

    console.log("Stopping it and starting it again on the same data, as any later start does…");
    stopping = true;
    await server.kill("SIGTERM");
    stopping = false;
    let startSeconds: number;
    ({ server, seconds: startSeconds } = await start(storage, port));
    const pid = server.process.pid!;
    console.log(`Answering /api/health after ${startSeconds.toFixed(1)} s; waiting for it to be at rest…`);
    const rest = await atRest(pid);
    const restMap = memoryMap(pid);
    console.log(`${restWords(rest)}: ${describe(restMap)}`);

    const priya = await signIn(server.url, "priya.shah");
    const cases = (await priya.get<CaseSummary[]>("/api/cases")).body;
    const documentIds: string[] = [];
    for (const c of cases) documentIds.push(...(await priya.get<CaseDetail>(`/api/cases/${c.id}`)).body.documents.map((d) => d.id));
    if (documentIds.length === 0) throw new Error("The signed-in person has no documents to open");
    const wanted = Math.ceil(CLIENTS / PER_DOCUMENT);
    if (documentIds.length < wanted) {
      const jamie = cases.find((c) => c.name === "Jamie Walker") ?? cases[0]!;
      console.log(`Making ${wanted - documentIds.length} more care plans, for ${PER_DOCUMENT} clients on each document…`);
      for (let n = documentIds.length; n < wanted; n++) {
        const created = await priya.post<{ id: string }>(`/api/cases/${jamie.id}/documents`, { kind: "care-plan", title: `Memory bench ${n}` });
        if (created.status !== 201) throw new Error(`Could not make a care plan: ${created.status} ${JSON.stringify(created.body)}`);
        documentIds.push(created.body.id);
      }
    }
    const rooms = Math.min(documentIds.length, wanted);

    console.log(`Opening ${rooms} documents with one client each…`);
    for (let i = 0; i < rooms; i += 25) {
      clients.push(...(await Promise.all(documentIds.slice(i, Math.min(i + 25, rooms)).map((id) => connectCollab(server.url, id, priya.cookie, {}, 30_000)))));
    }
    const roomsRest = await atRest(pid);
    const roomsMap = memoryMap(pid);
    console.log(`${restWords(roomsRest)}, with ${rooms} rooms open: ${describe(roomsMap)}`);

    const more = CLIENTS - rooms;
    console.log(`Connecting ${more} more idle clients across those ${rooms} documents…`);
    const batch = 50;
    for (let i = 0; i < more; i += batch) {
      const n = Math.min(batch, more - i);
      clients.push(...(await Promise.all(Array.from({ length: n }, (_, k) => connectCollab(server.url, documentIds[(i + k) % rooms]!, priya.cookie, {}, 60_000)))));
    }
    const clientsRest = await atRest(pid);
    const clientsMap = memoryMap(pid);
    const closedByServer = clients.filter((c) => !c.provider.wsconnected).length;
    console.log(`${restWords(clientsRest)}, with ${clients.length} clients: ${describe(clientsMap)}`);

    const perClientKiB = more > 0 ? Math.round(((clientsMap.rssKb - roomsMap.rssKb) / more) * 10) / 10 : NaN;
    const restTarget = postgres ? targets.postgresRestMiB : targets.pgliteRestMiB;
    const firstMiB = mib(firstMap.rssKb);
    const restMiB = mib(restMap.rssKb);
    const holds = (ok: boolean) => (ok ? "holds" : "MISSED");
    const result = {
      database: databaseKind,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      firstStartSeconds,
      firstRestRssMiB: firstMiB,
      firstRestWasmMiB: mib(firstMap.wasmKb),
      startSeconds,
      restRssMiB: restMiB,
      restWasmMiB: mib(restMap.wasmKb),
      restOtherAnonMiB: mib(restMap.otherAnonKb),
      restFilesMiB: mib(restMap.fileKb),
      roomsOpen: rooms,
      clientsPerDocument: PER_DOCUMENT,
      roomsRssMiB: mib(roomsMap.rssKb),
      clients: clients.length,
      clientsClosedByServer: closedByServer,
      clientsRssMiB: mib(clientsMap.rssKb),
      perIdleClientKiB: perClientKiB,
      settled: firstRest.settled && rest.settled && roomsRest.settled && clientsRest.settled,
    };
    console.log("\n| measure | value | target |\n| --- | --- | --- |");
    console.log(`| database | ${databaseKind} | |`);
    console.log(`| first start (fresh database, demo data seeded): launch to /api/health answering (s) | ${firstStartSeconds} | |`);
    console.log(`| first start: RSS at rest (MiB) | ${firstMiB} | ≤ ${restTarget}: ${holds(firstMiB <= restTarget)} |`);
    console.log(`| first start: of which WebAssembly (PGlite) / other anonymous / files (MiB) | ${mib(firstMap.wasmKb)} / ${mib(firstMap.otherAnonKb)} / ${mib(firstMap.fileKb)} | |`);
    console.log(`| later start: launch to /api/health answering (s) | ${startSeconds} | |`);
    console.log(`| later start: RSS at rest (MiB) | ${restMiB} | ≤ ${restTarget}: ${holds(restMiB <= restTarget)} |`);
    console.log(`| later start: of which WebAssembly (PGlite) / other anonymous / files (MiB) | ${result.restWasmMiB} / ${result.restOtherAnonMiB} / ${result.restFilesMiB} | |`);
    console.log(`| RSS with ${rooms} rooms open, one client each (MiB) | ${result.roomsRssMiB} | |`);
    console.log(`| RSS with ${clients.length} idle clients (MiB) | ${result.clientsRssMiB} | |`);
    console.log(`| RSS growth per idle client (KiB) | ${perClientKiB} | ≤ ${targets.perClientKiB}: ${holds(perClientKiB <= targets.perClientKiB)} |`);
    console.log(`| clients the server closed | ${closedByServer} | 0 |`);
    console.log(`| load average (1, 5, 15 min) | ${result.loadAverage.join(" ")} | |`);
    console.log(`\n${JSON.stringify(result)}`);
    if (!result.settled) console.log("Some measure was taken before the server was at rest: the machine may be busy.");
    if (closedByServer > 0 || firstMiB > restTarget || restMiB > restTarget || !(perClientKiB <= targets.perClientKiB)) process.exitCode = 1;
  } catch (err) {
    const { exitCode, signalCode } = server.process;
    if (!stopping && (exitCode !== null || signalCode !== null)) console.error(`The server stopped during the run (exit code ${exitCode}, signal ${signalCode}). Its output:\n${server.output()}`);
    throw err;
  } finally {
    for (const client of clients) client.destroy();
    await server.kill("SIGKILL");
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit();
