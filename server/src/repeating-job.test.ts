import { describe, expect, it } from "vitest";
import { capturedLog } from "../test/support/captured-log.js";
import { waitFor } from "../test/support/wait-for.js";
import { repeatEvery } from "./repeating-job.js";

/** A promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("repeatEvery", () => {
  it("never starts a run while the one before is still going", async () => {
    const { log } = capturedLog();
    const slow = gate();
    let started = 0;
    let atOnce = 0;
    let mostAtOnce = 0;
    const job = repeatEvery({ everyMs: 5, runAtStart: true, what: "the test job", log, once: null }, async () => {
      started++;
      atOnce++;
      mostAtOnce = Math.max(mostAtOnce, atOnce);
      if (started === 1) await slow.opened; // the first run outlasts many intervals
      atOnce--;
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(started).toBe(1);
    slow.open();
    await waitFor(() => started >= 3, { what: "runs to carry on after the slow one" });
    await job.stop();
    expect(mostAtOnce).toBe(1);
  });

  it("stopping waits for the run under way, and starts no more", async () => {
    const { log } = capturedLog();
    const slow = gate();
    let finished = 0;
    let started = 0;
    const job = repeatEvery({ everyMs: 5, runAtStart: true, what: "the test job", log, once: null }, async () => {
      started++;
      await slow.opened;
      finished++;
    });
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false); // the run has not finished, so neither has stopping
    slow.open();
    await stopping;
    expect(finished).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(started).toBe(1);
  });

  it("logs a failed run in words and tries again at the next turn", async () => {
    const captured = capturedLog();
    let runs = 0;
    const job = repeatEvery({ everyMs: 5, what: "the test job", log: captured.log, once: null }, async () => {
      runs++;
      if (runs === 1) throw new Error("the database is away");
    });
    await waitFor(() => runs >= 2, { what: "a second run after the failure" });
    await job.stop();
    const failure = captured.lines.find((l) => l.msg === "the test job failed; it will be tried again");
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).toContain("the database is away");
  });
});
