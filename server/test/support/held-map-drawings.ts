/** Drives the stand-in map drawing worker (held-map-drawing-worker.mjs) from a test. */
import type { MapDrawingJob } from "../../src/network-map/map-drawing-jobs.js";

export const heldMapDrawingWorker = new URL("./held-map-drawing-worker.mjs", import.meta.url);

export interface HeldMapDrawings {
  /** Resolves with the next job a stand-in worker was handed (in order), once it has it (within 10 s). */
  started(): Promise<{ started: number; kind: MapDrawingJob["kind"] }>;
  /** What becomes of every job the stand-ins hold now. */
  tell(what: "finish" | "fail" | "crash" | "exit"): void;
  close(): void;
}

export function heldMapDrawings(): HeldMapDrawings {
  const channel = new BroadcastChannel("heldMapDrawings");
  const arrived: { started: number; kind: MapDrawingJob["kind"] }[] = [];
  const waiting: ((job: { started: number; kind: MapDrawingJob["kind"] }) => void)[] = [];
  channel.onmessage = (event) => {
    const job = (event as MessageEvent).data as { started: number; kind: MapDrawingJob["kind"] };
    const next = waiting.shift();
    if (next) next(job);
    else arrived.push(job);
  };
  return {
    started: () => {
      const job = arrived.shift();
      if (job) return Promise.resolve(job);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no map drawing reached a stand-in worker within 10 s")), 10_000);
        waiting.push((started) => {
          clearTimeout(timer);
          resolve(started);
        });
      });
    },
    tell: (what) => channel.postMessage(what),
    close: () => channel.close(),
  };
}
