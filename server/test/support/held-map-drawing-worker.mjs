/**
 * A stand-in map drawing worker for tests (config.mapDrawing.workerFile): it answers the pool's
 * messages as the real one does (src/network-map/map-drawing-jobs.ts), but holds each job until
 * the test says what becomes of it, over the BroadcastChannel `heldMapDrawings`:
 * it posts { started: id, kind } when a job arrives; "finish" answers every held job with the
 * bytes of `drawn <kind>`; "fail" answers each as failed; "crash" throws where nothing catches
 * it, and "exit" ends the thread, as a worker that dies would.
 */
import { parentPort } from "node:worker_threads";

const channel = new BroadcastChannel("heldMapDrawings");
const held = [];

parentPort.on("message", ({ id, job }) => {
  held.push({ id, kind: job.kind });
  channel.postMessage({ started: id, kind: job.kind });
});

channel.onmessage = ({ data }) => {
  if (data === "crash") setImmediate(() => { throw new Error("the stand-in worker crashed"); });
  if (data === "exit") process.exit(3);
  if (data !== "finish" && data !== "fail") return; // another stand-in saying a job started
  for (const { id, kind } of held.splice(0)) {
    if (data === "finish") {
      const bytes = new TextEncoder().encode(`drawn ${kind}`);
      parentPort.postMessage({ id, ok: true, bytes }, [bytes.buffer]);
    } else if (data === "fail") {
      parentPort.postMessage({ id, ok: false, error: { name: "Error", code: "ERR_STAND_IN" } });
    }
  }
};
