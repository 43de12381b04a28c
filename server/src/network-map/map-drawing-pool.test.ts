/**
 * The map drawing workers' bound: so many drawings at once, so many waiting, the rest refused at
 * once; a deadline; a worker that fails or dies fails only its own drawing. Real worker threads,
 * running a stand-in that holds each job until the test says what becomes of it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { capturedLog } from "../../test/support/captured-log.js";
import { heldMapDrawings, heldMapDrawingWorker, type HeldMapDrawings } from "../../test/support/held-map-drawings.js";
import type { MapDrawingJob } from "./map-drawing-jobs.js";
import { MapDrawingPool, type MapDrawingLimits } from "./map-drawing-pool.js";

const job: MapDrawingJob = { kind: "png", map: { title: "Jamie's network (Zoë)", about: "Jamie Walker", nodes: [], edges: [] } };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let pool: MapDrawingPool | null = null;
let held: HeldMapDrawings | null = null;
afterEach(async () => {
  await pool?.close();
  held?.close();
});

function poolOf(limits: Partial<MapDrawingLimits> = {}) {
  const captured = capturedLog();
  held = heldMapDrawings();
  pool = new MapDrawingPool({ workers: 1, queued: 1, deadlineMs: 60_000, workerMemoryMb: 128, workerFile: heldMapDrawingWorker, ...limits }, captured.log);
  return { pool, held, captured };
}

/** How a drawing ended: its bytes as text, or the reason it was not made. */
const outcome = (drawing: Promise<Uint8Array>) =>
  drawing.then(
    (bytes) => text(bytes),
    (err: unknown) => (err as { reason?: string }).reason ?? String(err),
  );

describe("the map drawing workers", () => {
  it("draw as many at once as there are workers, keep so many waiting, and refuse any more at once as busy", async () => {
    const { pool, held } = poolOf({ workers: 2, queued: 1 });
    const first = outcome(pool.draw(job));
    const second = outcome(pool.draw({ ...job, kind: "care-plan-pdf" } as unknown as MapDrawingJob));
    const started = [await held.started(), await held.started()];
    expect(started.map((s) => s.kind).sort()).toEqual(["care-plan-pdf", "png"]);
    const waiting = outcome(pool.draw(job));
    expect(pool.load).toEqual({ drawing: 2, waiting: 1 });
    expect(await outcome(pool.draw(job))).toBe("busy");

    held.tell("finish");
    expect(await first).toBe("drawn png");
    expect(await second).toBe("drawn care-plan-pdf");
    // The one waiting goes to a worker as soon as one is free.
    expect((await held.started()).kind).toBe("png");
    held.tell("finish");
    expect(await waiting).toBe("drawn png");
    expect(pool.load).toEqual({ drawing: 0, waiting: 0 });
  });

  it("drop a waiting drawing whose request is cancelled, and finish the one under way", async () => {
    const { pool, held } = poolOf();
    const first = outcome(pool.draw(job));
    await held.started();
    const cancel = new AbortController();
    const waiting = outcome(pool.draw(job, cancel.signal));
    cancel.abort();
    expect(await waiting).toBe("cancelled");
    expect(pool.load).toEqual({ drawing: 1, waiting: 0 });
    held.tell("finish");
    expect(await first).toBe("drawn png");
  });

  it("stop a drawing past its deadline, with its worker, and draw the next on a new one", async () => {
    // The deadline counts from when a drawing is handed over, a worker's start included: a worker
    // is started first, so the drawing that is held reaches it at once.
    const { pool, held, captured } = poolOf({ deadlineMs: 2000 });
    const first = outcome(pool.draw(job));
    await held.started();
    held.tell("finish");
    expect(await first).toBe("drawn png");

    const stuck = outcome(pool.draw(job));
    await held.started();
    expect(await stuck).toBe("too-long");
    const next = outcome(pool.draw(job));
    await held.started();
    held.tell("finish");
    expect(await next).toBe("drawn png");
    expect(captured.lines).toContainEqual(expect.objectContaining({ msg: "a map drawing passed its deadline; its worker was stopped", kind: "png" }));
  });

  it("fail only the drawing whose worker failed or died, and draw the next; the log says how, never what the map says", async () => {
    const { pool, held, captured } = poolOf();
    for (const what of ["fail", "crash", "exit"] as const) {
      const drawing = outcome(pool.draw(job));
      await held.started();
      held.tell(what);
      expect(await drawing, what).toBe("failed");
    }
    const next = outcome(pool.draw(job));
    await held.started();
    held.tell("finish");
    expect(await next).toBe("drawn png");
    expect(captured.lines).toContainEqual(expect.objectContaining({ msg: "a map drawing failed in its worker", err: { name: "Error", code: "ERR_STAND_IN" } }));
    expect(captured.lines).toContainEqual(expect.objectContaining({ msg: "a map drawing worker died", kind: "png", exitCode: 3 }));
    expect(captured.text()).not.toContain("Jamie");
  });

  it("when closed, refuse what waits, fail what is being drawn, and draw nothing more", async () => {
    const { pool, held } = poolOf();
    const drawing = outcome(pool.draw(job));
    await held.started();
    const waiting = outcome(pool.draw(job));
    await pool.close();
    expect([await drawing, await waiting]).toEqual(["closed", "closed"]);
    expect(await outcome(pool.draw(job))).toBe("closed");
  });
});
