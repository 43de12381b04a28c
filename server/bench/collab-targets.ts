/**
 * The servers `pnpm bench:collab` puts the same load on, side by side in one run:
 *
 * - the stock y-websocket server (@y/websocket-server, a dev dependency of the benchmark only):
 *   no sign-in, nothing stored; the bare protocol, and the yardstick;
 * - Roundtable on embedded PGlite, and Roundtable on Postgres: built as `pnpm start` builds it,
 *   each client signed in, every update stored durably, the action projector running;
 * - Roundtable as two processes through Redis (ADR 0039) on one Postgres database, behind a
 *   round-robin proxy (round-robin-proxy.ts): each new connection goes to the next process, so the
 *   clients of one document are spread over both and their edits cross through Redis.
 *
 * Each is its own process, started once for the run. A target makes fresh documents for each
 * round, connects stock y-websocket clients to them, and at the end (Roundtable only) reads back
 * what it stored of each round's documents, which it can only do once stopped (PGlite opens a
 * data directory in one process at a time).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyStoredUpdates } from "@roundtable/collab";
import { executeRows, openDatabase } from "@roundtable/db";
import { createTestDatabase } from "@roundtable/db/testing";
import type { CaseSummary, DocumentDetail } from "@roundtable/domain";
import { sql } from "drizzle-orm";
import * as Y from "yjs";
import { PostgresDocumentStorage } from "../src/collab/postgres-document-storage.js";
import { signIn } from "../test/support/api-client.js";
import { freePort, startChildServer, type ChildOptions, type ChildServer } from "../test/support/child-server.js";
import { connectAt, type CollabClient } from "../test/support/collab-client.js";
import { waitFor } from "../test/support/wait-for.js";
import { startRoundRobinProxy, tagParameter } from "./round-robin-proxy.js";

export type TargetName = "stock" | "pglite" | "postgres" | "redis";

export const targetTitles: Record<TargetName, string> = {
  stock: "stock y-websocket server",
  pglite: "Roundtable, PGlite",
  postgres: "Roundtable, Postgres",
  redis: "Roundtable, 2 processes through Redis",
};

/** Where the redis target finds Redis when REDIS_URL is not set. */
export const defaultRedisUrl = "redis://127.0.0.1:6379";

export interface Target {
  name: TargetName;
  /** The server's processes (two for the redis target; the proxy is not counted). */
  pids: number[];
  /** Fresh documents of `kind` for one round. */
  newDocuments(kind: string, title: (n: number) => string, count: number): Promise<string[]>;
  connect(documentId: string): Promise<CollabClient>;
  /** Two-process target only: which of its processes each client is connected to (0 or 1; null if unknown). */
  processesOf?(clients: CollabClient[]): Promise<(number | null)[]>;
  /**
   * Roundtable on Postgres: the database server's processes serving this target's database now
   * (its connections' backends), so a round can count the CPU the database spent on it. The
   * stock server has no database, and PGlite runs inside the server's own process.
   */
  databasePids?(): Promise<number[]>;
  /** The server's address (http://…), for requests such as GET /api/health. */
  baseUrl(): string;
  /** Where clients connect (ws://…), and the cookie they carry (null for none): for clients in other processes. */
  wsBase(): string;
  cookie(): string | null;
  /**
   * Roundtable only: makes `docs` documents whose update logs hold `updates` updates each (and no
   * more snapshot than a new one has), with the server stopped, as a crash would leave them; starts
   * it again and times each one's first opening, from connecting to synced. Milliseconds.
   * `asConfigured`: the server is started again with its own setting for folding the log, so it
   * folds every long log before it serves (as it does after a crash), instead of keeping them.
   */
  coldLoad?(kind: string, docs: number, updates: number, asConfigured?: boolean): Promise<ColdLoad[]>;
  /**
   * Stops the server; for Roundtable, how many edits each document asked about holds as stored
   * (its snapshot and update log read back, and the edits in it counted by `editsIn`).
   */
  stop(countStoredFor: string[], editsIn: (doc: Y.Doc) => number): Promise<Map<string, number> | null>;
}

/**
 * One timed opening, and where its time went on the server, as the server logged it at debug
 * level (milliseconds since the upgrade arrived when each step ended: the session read, the
 * access check, the audit visit, the room loaded, the connection joined; and, within loading
 * the room, reading the stored state and building the document from it). Null where the server
 * logged nothing for it.
 */
export interface ColdLoad {
  ms: number;
  server: { session: number; access: number; visit: number; room: number; joined: number; readMs: number; buildMs: number } | null;
}

/** The per-person caps, raised for a run whose clients are all one person. */
export interface Caps {
  connections: number;
}

/** For Roundtable only: more environment for its processes, and how to start them (child-server.ts). */
export interface RoundtableOptions extends ChildOptions {
  env?: NodeJS.ProcessEnv;
}

export async function startTarget(name: TargetName, caps: Caps, databaseUrl: string | undefined, options: RoundtableOptions = {}): Promise<Target> {
  return name === "stock" ? startStock() : startRoundtable(name, caps, databaseUrl, options);
}

async function startStock(): Promise<Target> {
  const port = await freePort();
  const script = createRequire(import.meta.url).resolve("@y/websocket-server/package.json").replace(/package\.json$/, "src/server.js");
  // STOCK_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles it, to set beside a profile of Roundtable (SERVER_NODE_ARGS).
  const nodeArgs = process.env.STOCK_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  // The stock server has no handler for a signal; profiled, it is given one that exits, so the profile is written.
  if (nodeArgs.length > 0) nodeArgs.push("--import", "data:text/javascript,process.on('SIGINT',()=>process.exit(0))");
  const child = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`The stock y-websocket server exited: ${output}`);
      return (await fetch(url).catch(() => null))?.ok;
    },
    { timeoutMs: 20_000, intervalMs: 100, what: "the stock y-websocket server to start" },
  );
  return {
    name: "stock",
    pids: [child.pid!],
    newDocuments: async (_kind, _title, count) => Array.from({ length: count }, () => randomUUID()),
    baseUrl: () => `http://127.0.0.1:${port}`,
    wsBase: () => `ws://127.0.0.1:${port}`,
    cookie: () => null,
    connect: (documentId) => connectAt(`ws://127.0.0.1:${port}`, documentId, null, { syncTimeoutMs: 10_000 }),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        // Profiled, it is asked to stop: Node writes a profile only when it exits of itself (see below).
        child.kill(nodeArgs.length > 0 ? "SIGINT" : "SIGKILL");
        await exited;
      }
      return null;
    },
  };
}

/** How many document-creating requests are in flight at once (a round may make a thousand). */
const creatingAtOnce = 8;

async function startRoundtable(name: "pglite" | "postgres" | "redis", caps: Caps, databaseUrl: string | undefined, options: RoundtableOptions): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-bench-"));
  const postgres = name === "pglite" ? null : await createTestDatabase(databaseUrl!);
  const storage = postgres ? { databaseUrl: postgres.url } : { dataDir };
  const env: NodeJS.ProcessEnv = {
    COLLAB_COMPACT_AFTER_UPDATES: "1000000000", // keep every update row, so the log can be counted
    // Every client signs in as one person: the per-person caps are raised for that, and only that.
    COLLAB_MAX_CONNECTIONS_PER_PERSON: String(caps.connections),
    COLLAB_MAX_BYTES_PER_PERSON_PER_SECOND: String(caps.connections * 64 * 1024),
    COLLAB_PERSON_BYTE_BURST: String(caps.connections * 128 * 1024),
    ...options.env,
  };
  // Only the redis target goes through Redis, though REDIS_URL is set for the run (an unset value is left out of the child's environment).
  env.REDIS_URL = name === "redis" ? (process.env.REDIS_URL ?? defaultRedisUrl) : undefined;
  if (name === "redis") env.REDIS_PREFIX = `bench-${randomUUID().slice(0, 8)}:`; // this run's channels only
  // The first process makes the schema and the demo data; only then may the second start.
  const servers: ChildServer[] = [];
  for (let n = name === "redis" ? 2 : 1; n > 0; n--) servers.push(await startChildServer(storage, await freePort(), env, options));
  const proxy = name === "redis" ? await startRoundRobinProxy(servers.map((s) => Number(new URL(s.url).port))) : null;
  const baseUrl = () => (proxy ? `http://127.0.0.1:${proxy.port}` : servers[0]!.url);
  let priya = await signIn(baseUrl(), "priya.shah");
  const jamie = (await priya.get<CaseSummary[]>("/api/cases")).body.find((c) => c.name === "Jamie Walker")!;
  let made = 0;
  const tags = new WeakMap<CollabClient, string>();
  // The bench's own connection to the target's database, to ask which backends serve it (not counted itself).
  const watcher = storage.databaseUrl ? await openDatabase({ url: storage.databaseUrl }) : null;
  const target: Target = {
    name,
    pids: servers.map((s) => s.process.pid!),
    baseUrl,
    wsBase: () => `${baseUrl().replace(/^http/, "ws")}/collab`,
    cookie: () => priya.cookie,
    async newDocuments(kind, title, count) {
      const ids: string[] = new Array(count);
      let next = 0;
      const worker = async () => {
        for (let d = next++; d < count; d = next++) {
          const created = await priya.post<DocumentDetail>(`/api/cases/${jamie.id}/documents`, { kind, title: title(++made) });
          if (created.status !== 201) throw new Error(`Could not make a ${kind}: ${created.status} ${JSON.stringify(created.body)}`);
          ids[d] = created.body.id;
        }
      };
      await Promise.all(Array.from({ length: Math.min(creatingAtOnce, count) }, worker));
      return ids;
    },
    connect: (documentId) => {
      if (!proxy) return connectAt(target.wsBase(), documentId, priya.cookie, { syncTimeoutMs: 10_000 });
      // Tagged, so the proxy can say which process the client reached.
      const tag = randomUUID();
      return connectAt(target.wsBase(), documentId, priya.cookie, { syncTimeoutMs: 10_000, params: { [tagParameter]: tag } }).then((client) => {
        tags.set(client, tag);
        return client;
      });
    },
    async stop(countStoredFor, editsIn) {
      try {
        await watcher?.close();
        for (const server of servers) await server.kill("SIGTERM"); // a clean stop writes anything still queued
        await proxy?.stop();
        const database = await openDatabase({ url: storage.databaseUrl, dataDir: storage.dataDir });
        // Read back as the server loads a document: a room left empty is folded into its snapshot.
        const documents = new PostgresDocumentStorage(database.db);
        const stored = new Map<string, number>();
        for (const id of countStoredFor) {
          const doc = new Y.Doc();
          applyStoredUpdates(doc, (await documents.load(id)).updates);
          stored.set(id, editsIn(doc));
          doc.destroy();
        }
        await database.close();
        return stored;
      } finally {
        for (const server of servers) await server.kill("SIGKILL");
        await proxy?.stop();
        await postgres?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  if (watcher) {
    target.databasePids = async () => {
      const rows = await executeRows<{ pid: number }>(watcher.db, sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      return rows.map((r) => Number(r.pid));
    };
  }
  // Cold load restarts the one process; the two-process target has no such figure to give.
  if (proxy) {
    target.processesOf = (clients) => proxy.serversOf(clients.map((c) => tags.get(c) ?? ""));
    return target;
  }
  target.coldLoad = async (kind, docs, updates, asConfigured = false) => {
    const ids = await target.newDocuments(kind, (n) => `Cold load ${n}`, docs);
    await servers[0]!.kill("SIGTERM");
    const database = await openDatabase({ url: storage.databaseUrl, dataDir: storage.dataDir });
    const documents = new PostgresDocumentStorage(database.db);
    for (const documentId of ids) {
      // Someone typing a letter at a time, each letter an update of its own, as the log keeps them.
      const doc = new Y.Doc();
      applyStoredUpdates(doc, (await documents.load(documentId)).updates);
      const typed: Uint8Array[] = [];
      doc.on("update", (update: Uint8Array) => typed.push(update));
      const text = new Y.XmlText();
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [text]);
      doc.getXmlFragment("default").push([paragraph]);
      while (typed.length < updates) text.insert(text.length, "a");
      for (let i = 0; i < typed.length; i += 1000) {
        await documents.appendBatch(typed.slice(i, i + 1000).map((update) => ({ documentId, update, authorId: priya.personId })));
      }
      doc.destroy();
    }
    await database.close();
    // At debug level, the server logs where each opening's time went (see ColdLoad).
    const restartEnv: NodeJS.ProcessEnv = { ...env, LOG_LEVEL: "debug" };
    if (asConfigured) delete restartEnv.COLLAB_COMPACT_AFTER_UPDATES;
    servers[0] = await startChildServer(storage, await freePort(), restartEnv, options);
    target.pids = [servers[0].process.pid!];
    priya = await signIn(baseUrl(), "priya.shah");
    const times: number[] = [];
    for (const documentId of ids) {
      const started = performance.now();
      const client = await target.connect(documentId);
      times.push(performance.now() - started);
      client.destroy();
    }
    const logged = serverLogLines(servers[0].output());
    return ids.map((documentId, i) => {
      const opened = logged.find((l) => l.msg === "opened a document" && l.documentId === documentId)?.msSinceUpgrade as Record<string, number> | undefined;
      const loaded = logged.find((l) => l.msg === "loaded a document" && l.documentId === documentId);
      const server =
        opened && loaded
          ? { session: opened.session!, access: opened.access!, visit: opened.visit!, room: opened.room!, joined: opened.joined!, readMs: Number(loaded.readMs), buildMs: Number(loaded.buildMs) }
          : null;
      return { ms: times[i]!, server };
    });
  };
  return target;
}

/** The JSON lines of a server's output (pino's), skipping anything else. */
function serverLogLines(output: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // not a log line
    }
  }
  return lines;
}
