// @ts-check
/**
 * The worker-thread side of PGlite-in-a-worker (see ./pglite-worker-client.ts): owns the real
 * PGlite, applies the committed migrations on start, then answers query / begin / commit /
 * rollback / close messages. Plain JavaScript so it loads without any TypeScript loader.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

/** @typedef {import("./pglite-worker-client.js").WorkerStartData} WorkerStartData */
/** @typedef {import("./pglite-worker-client.js").WorkerRequest} WorkerRequest */
/** @typedef {import("./pglite-worker-client.js").WorkerResponse} WorkerResponse */
/** @typedef {import("./pglite-worker-client.js").WorkerQueryResult} WorkerQueryResult */
/** @typedef {import("./pglite-worker-client.js").SerializedError} SerializedError */
/** @typedef {import("@electric-sql/pglite").Transaction} Transaction */
/** @typedef {import("@electric-sql/pglite").Results} Results */

/**
 * @typedef {object} OpenTransaction
 * @property {Transaction | null} tx set once BEGIN has run
 * @property {(outcome: "commit" | "rollback") => void} finish
 * @property {Promise<void>} settled resolves once committed or rolled back
 */

if (!parentPort) throw new Error("pglite-worker.mjs must run in a worker thread");
const port = parentPort;
const { dataDir, migrationsFolder } = /** @type {WorkerStartData} */ (workerData);

/**
 * The parsers drizzle-orm/pglite passes with every query (see its session.js): date and time
 * values, and arrays of them and of numeric, stay the strings Postgres sent, for drizzle to map.
 * bytea is ours (parseBytea, below). They are reproduced here because functions cannot be sent between threads.
 * @type {Record<number, (value: string) => string | Uint8Array>}
 */
const drizzleParsers = {
  [types.TIMESTAMP]: (value) => value,
  [types.TIMESTAMPTZ]: (value) => value,
  [types.INTERVAL]: (value) => value,
  [types.DATE]: (value) => value,
  1231: (value) => value, // numeric[]
  1115: (value) => value, // timestamp[]
  1185: (value) => value, // timestamp with time zone[]
  1187: (value) => value, // interval[]
  1182: (value) => value, // date[]
  [types.BYTEA]: parseBytea,
};

/*
 * bytea both ways. PGlite's own handlers turn each byte into a hex pair, and back, one at a time
 * in JavaScript: reading a care plan's log of 10,000 updates as one value took about 40 ms of
 * that alone, and every batch of the update log paid it on the way in. Node's hex codec does the
 * same in native code. Postgres sends bytea as "\x" and hex (bytea_output's default).
 */

/** @param {string} value @returns {Uint8Array} */
function parseBytea(value) {
  // A small value lands in Node's shared pool and is copied with the reply; a large one (4 KB
  // and more) has a buffer of its own, which the reply transfers (transferablesIn).
  return Buffer.from(value.slice(2), "hex");
}

/** @param {unknown} value @returns {string} */
function serializeBytea(value) {
  if (!(value instanceof Uint8Array)) throw new Error("Invalid input for bytea type");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

const serializers = { [types.BYTEA]: serializeBytea };

/**
 * Postgres's shared memory lives in PGlite's WebAssembly memory, which never gives pages back:
 * initdb's default shared_buffers of 128MB became about 125 MB of the server's resident memory
 * once the buffers had been used (ADR 0038). 16MB (2,048 pages) holds the pages the server uses
 * over and over (the update log's tail and indexes, sessions, the lists); any other page is
 * read from the data directory's files, which the operating system keeps in its own cache.
 * These are given at start, in addition to PGlite's own, and never written to postgresql.conf.
 */
const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

const pg = new PGlite({ dataDir, startParams });

/** @type {Map<number, OpenTransaction>} */
const transactions = new Map();

/** @param {unknown} err @returns {SerializedError} */
function serializeError(err) {
  if (!(err instanceof Error)) return { name: "Error", message: String(err), stack: undefined, fields: {} };
  /** @type {Record<string, unknown>} */
  const fields = {};
  for (const [key, value] of Object.entries(err)) {
    // queryOptions holds the parser functions, which cannot cross.
    if (key === "name" || key === "message" || key === "stack" || key === "queryOptions") continue;
    if (typeof value === "function" || typeof value === "symbol") continue;
    fields[key] = value;
  }
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

/** @param {WorkerResponse} response @param {import("node:worker_threads").TransferListItem[]} [transfer] */
function post(response, transfer = []) {
  try {
    port.postMessage(response, transfer);
  } catch (err) {
    if (!response.ok) {
      // Some field would not clone: send the error with its primitive fields only.
      const fields = Object.fromEntries(Object.entries(response.error.fields).filter(([, v]) => v === null || typeof v !== "object"));
      port.postMessage({ ...response, error: { ...response.error, fields } });
    } else {
      port.postMessage({ id: response.id, ok: false, error: serializeError(err) });
    }
  }
}

/**
 * Byte columns come back from PGlite as Uint8Arrays that each own a fresh buffer: move those
 * buffers to the main thread instead of copying them.
 * @param {unknown[]} rows @returns {ArrayBuffer[]}
 */
function transferablesIn(rows) {
  /** @type {Set<ArrayBuffer>} */
  const buffers = new Set();
  for (const row of rows) {
    if (row === null || typeof row !== "object") continue;
    for (const value of Array.isArray(row) ? row : Object.values(row)) {
      if (value instanceof Uint8Array && value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) {
        buffers.add(value.buffer);
      }
    }
  }
  return [...buffers];
}

/** @param {Results} results @returns {WorkerQueryResult} */
function plainResult({ blob: _blob, ...result }) {
  return result;
}

/** @param {number} txId */
function openTransaction(txId) {
  const open = transactions.get(txId);
  if (!open?.tx) throw new Error(`Transaction ${txId} is not open`);
  return open.tx;
}

/** @param {number} txId */
async function begin(txId) {
  if (transactions.has(txId)) throw new Error(`Transaction ${txId} is already open`);
  /** @type {OpenTransaction} */
  const open = { tx: null, finish: () => {}, settled: Promise.resolve() };
  /** @type {Promise<"commit" | "rollback">} */
  const outcome = new Promise((resolve) => (open.finish = resolve));
  /** @type {Promise<void>} */
  const started = new Promise((resolve) => {
    // PGlite holds its transaction lock from BEGIN until this callback returns, so other
    // queries wait for the transaction exactly as they do with PGlite on the main thread.
    open.settled = pg.transaction(async (tx) => {
      open.tx = tx;
      resolve();
      if ((await outcome) === "rollback") await tx.rollback();
    });
  });
  open.settled.catch(() => {}); // awaited by commit/rollback/close; never left unhandled
  transactions.set(txId, open);
  try {
    await Promise.race([started, open.settled]);
  } catch (err) {
    transactions.delete(txId);
    throw err;
  }
}

/** @param {number} txId @param {"commit" | "rollback"} outcome */
async function end(txId, outcome) {
  const open = transactions.get(txId);
  if (!open) throw new Error(`Transaction ${txId} is not open`);
  transactions.delete(txId);
  open.finish(outcome);
  await open.settled;
}

async function close() {
  // An abandoned transaction would hold PGlite's lock and make close() wait forever.
  const abandoned = [...transactions.values()];
  transactions.clear();
  for (const open of abandoned) open.finish("rollback");
  await Promise.allSettled(abandoned.map((open) => open.settled));
  await pg.close();
}

/** @param {WorkerRequest} request */
async function handle(request) {
  try {
    switch (request.op) {
      case "query": {
        const options = { rowMode: request.rowMode, parsers: drizzleParsers, serializers };
        const client = request.txId === null ? pg : openTransaction(request.txId);
        const result = plainResult(await client.query(request.sql, request.params, options));
        post({ id: request.id, ok: true, result }, transferablesIn(result.rows));
        return;
      }
      case "begin":
        await begin(request.txId);
        break;
      case "commit":
      case "rollback":
        await end(request.txId, request.op);
        break;
      case "close":
        await close();
        break;
    }
    post({ id: request.id, ok: true, result: null });
  } catch (err) {
    post({ id: request.id, ok: false, error: serializeError(err) });
  }
}

try {
  await pg.waitReady;
  await migrate(drizzle(pg), { migrationsFolder });
  port.on("message", (request) => void handle(request));
  post({ id: 0, ok: true, result: null });
} catch (err) {
  post({ id: 0, ok: false, error: serializeError(err) });
}
