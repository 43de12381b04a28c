/**
 * The process's map drawing workers (ADR 0037): at most `workers` drawings at once, each on a
 * worker thread of its own, so the event loop (every live editing connection) never waits on
 * one; at most `queued` more waiting, and any beyond that refused at once as "busy". Each drawing
 * has a deadline, past which its worker is stopped. A worker that fails or dies fails only its
 * own drawing; the next drawing starts a new one. Workers start when first needed and stop after
 * a minute with nothing to draw.
 */
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { MapDrawingConfig } from "../config.js";
import type { MapDrawingAnswer, MapDrawingJob, MapDrawingRequest } from "./map-drawing-jobs.js";

/**
 * Set by build.mjs in the built server: the address of the worker's own bundle,
 * dist/map-drawing-worker.js. Not defined when running from source.
 */
declare const ROUNDTABLE_MAP_DRAWING_WORKER: string | undefined;

/** The file a worker runs: the built worker in the bundle, else the worker's source through tsx. */
export function mapDrawingWorkerFile(): URL {
  if (typeof ROUNDTABLE_MAP_DRAWING_WORKER === "string") return new URL(ROUNDTABLE_MAP_DRAWING_WORKER);
  return new URL("./map-drawing-worker-from-source.mjs", import.meta.url);
}

/** Why a drawing was not made: "busy" before it started; the others once it was under way or waiting. */
export type MapDrawingFailure = "busy" | "too-long" | "failed" | "cancelled" | "closed";

export class MapDrawingError extends Error {
  constructor(readonly reason: MapDrawingFailure) {
    super(`The map drawing was not made: ${reason}`);
    this.name = "MapDrawingError";
  }
}

export type MapDrawingLimits = Pick<MapDrawingConfig, "workers" | "queued" | "deadlineMs" | "workerMemoryMb" | "workerFile">;

interface Task {
  id: number;
  job: MapDrawingJob;
  resolve(bytes: Uint8Array<ArrayBuffer>): void;
  reject(error: MapDrawingError): void;
  /** Stops listening for the request being cancelled while it waits. */
  forget(): void;
  deadline?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker | null;
  task: Task | null;
  idle: NodeJS.Timeout | null;
}

/** A worker with nothing to draw for this long is stopped; the next drawing starts another. */
const idleMs = 60_000;

export class MapDrawingPool {
  readonly #slots: Slot[];
  readonly #waiting: Task[] = [];
  readonly #limits: MapDrawingLimits;
  readonly #log: Logger;
  readonly #file: URL;
  #nextId = 1;
  #closed = false;

  constructor(limits: MapDrawingLimits, log: Logger) {
    this.#limits = limits;
    this.#log = log;
    this.#file = limits.workerFile ?? mapDrawingWorkerFile();
    this.#slots = Array.from({ length: limits.workers }, () => ({ worker: null, task: null, idle: null }));
  }

  /** Drawings under way and waiting, now. */
  get load(): { drawing: number; waiting: number } {
    return { drawing: this.#slots.filter((s) => s.task).length, waiting: this.#waiting.length };
  }

  /**
   * The job's bytes, drawn on a worker. A request cancelled (`signal`) while it waits is dropped;
   * one already being drawn is finished, and nobody reads it.
   */
  draw(job: MapDrawingJob, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#closed) return Promise.reject(new MapDrawingError("closed"));
    if (signal?.aborted) return Promise.reject(new MapDrawingError("cancelled"));
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.#nextId++, job, resolve, reject, forget: () => {} };
      const free = this.#slots.find((s) => !s.task);
      if (free) return this.#start(free, task);
      if (this.#waiting.length >= this.#limits.queued) {
        this.#log.warn({ kind: job.kind, ...this.load }, "map drawing refused: the server is busy drawing other maps");
        return reject(new MapDrawingError("busy"));
      }
      this.#waiting.push(task);
      if (signal) {
        const cancelled = () => {
          const at = this.#waiting.indexOf(task);
          if (at < 0) return;
          this.#waiting.splice(at, 1);
          reject(new MapDrawingError("cancelled"));
        };
        signal.addEventListener("abort", cancelled, { once: true });
        task.forget = () => signal.removeEventListener("abort", cancelled);
      }
    });
  }

  /** Refuses what waits, fails what is being drawn, and stops every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#waiting.splice(0)) {
      task.forget();
      task.reject(new MapDrawingError("closed"));
    }
    await Promise.all(
      this.#slots.map(async (slot) => {
        if (slot.task) this.#settle(slot, slot.task, new MapDrawingError("closed"));
        if (slot.idle) clearTimeout(slot.idle);
        await this.#stopWorker(slot);
      }),
    );
  }

  #start(slot: Slot, task: Task): void {
    task.forget();
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.task = task;
    let worker: Worker;
    try {
      worker = slot.worker ?? this.#startWorker(slot);
      worker.postMessage({ id: task.id, job: task.job } satisfies MapDrawingRequest);
    } catch (err) {
      this.#log.error({ kind: task.job.kind, err: { name: (err as Error).name } }, "a map drawing could not be handed to its worker");
      this.#settle(slot, task, new MapDrawingError("failed"));
      return;
    }
    task.deadline = setTimeout(() => {
      this.#log.error({ kind: task.job.kind, deadlineMs: this.#limits.deadlineMs }, "a map drawing passed its deadline; its worker was stopped");
      void this.#stopWorker(slot);
      this.#settle(slot, task, new MapDrawingError("too-long"));
    }, this.#limits.deadlineMs);
  }

  #startWorker(slot: Slot): Worker {
    // execArgv: [] — the worker needs none of the parent's flags or loaders (the source entry brings its own).
    const worker = new Worker(this.#file, { name: "map-drawing", execArgv: [], resourceLimits: { maxOldGenerationSizeMb: this.#limits.workerMemoryMb } });
    worker.unref(); // an idle worker never keeps the process alive; close() stops it
    slot.worker = worker;
    worker.on("message", (answer: MapDrawingAnswer) => {
      const task = slot.task;
      if (slot.worker !== worker || !task || answer.id !== task.id) return;
      if (answer.ok) return this.#settle(slot, task, answer.bytes);
      this.#log.error({ kind: task.job.kind, err: answer.error }, "a map drawing failed in its worker");
      this.#settle(slot, task, new MapDrawingError("failed"));
    });
    const lost = (how: Record<string, unknown>) => {
      if (slot.worker !== worker) return; // stopped on purpose, or already replaced
      slot.worker = null;
      void worker.terminate();
      const task = slot.task;
      this.#log.error({ kind: task?.job.kind ?? null, ...how }, "a map drawing worker died");
      if (task) this.#settle(slot, task, new MapDrawingError("failed"));
    };
    // An uncaught error or running out of memory (ERR_WORKER_OUT_OF_MEMORY), then an exit.
    worker.on("error", (err) => lost({ err: { name: err.name, code: (err as { code?: unknown }).code ?? null } }));
    worker.on("exit", (exitCode) => lost({ exitCode }));
    return worker;
  }

  #stopWorker(slot: Slot): Promise<unknown> {
    const worker = slot.worker;
    slot.worker = null;
    return worker ? worker.terminate() : Promise.resolve();
  }

  /** Ends a task one way or the other (once), then starts the next one waiting on this slot. */
  #settle(slot: Slot, task: Task, outcome: Uint8Array<ArrayBuffer> | MapDrawingError): void {
    if (slot.task !== task) return;
    clearTimeout(task.deadline);
    slot.task = null;
    if (outcome instanceof MapDrawingError) task.reject(outcome);
    else task.resolve(outcome);
    if (this.#closed) return;
    const next = this.#waiting.shift();
    if (next) {
      this.#start(slot, next);
      return;
    }
    slot.idle = setTimeout(() => {
      slot.idle = null;
      if (!slot.task) void this.#stopWorker(slot);
    }, idleMs);
    slot.idle.unref();
  }
}
