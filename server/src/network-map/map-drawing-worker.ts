/**
 * A map drawing worker's thread (ADR 0037): draws the jobs its pool sends it, one at a time, and
 * answers each with the bytes, or with what went wrong. Its own entry point: bundled by build.mjs
 * as dist/map-drawing-worker.js, and started from source through map-drawing-worker-from-source.mjs.
 */
import { parentPort } from "node:worker_threads";
import { drawMapJob, type MapDrawingAnswer, type MapDrawingRequest } from "./map-drawing-jobs.js";

const port = parentPort;
if (!port) throw new Error("map-drawing-worker.ts runs as a worker thread, started by the map drawing pool");

port.on("message", async ({ id, job }: MapDrawingRequest) => {
  let answer: MapDrawingAnswer;
  try {
    // Copied into a buffer of its own, so it moves to the server's thread rather than being copied again.
    const bytes = new Uint8Array(await drawMapJob(job));
    answer = { id, ok: true, bytes };
    port.postMessage(answer, [bytes.buffer]);
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    answer = { id, ok: false, error: { name: err instanceof Error ? err.name : typeof err, code: typeof code === "string" ? code : null } };
    port.postMessage(answer);
  }
});
