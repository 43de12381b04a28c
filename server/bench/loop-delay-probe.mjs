/**
 * Preloaded into a server process by a benchmark (`node --import <this file> dist/main.js`), never
 * by the server itself: measures the process's event-loop delay, and on each SIGUSR2 writes what
 * it measured since the last one to the file named by BENCH_LOOP_DELAY_FILE (JSON, milliseconds),
 * then starts again. The benchmark sends one signal as its measured window opens and one as it
 * closes. Plain JavaScript, since the server runs as compiled JavaScript.
 */
import { writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_LOOP_DELAY_FILE;
if (!file) throw new Error("loop-delay-probe: set BENCH_LOOP_DELAY_FILE to the file it should write to");
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
let reports = 0;
const ms = (ns) => Math.round(ns / 1e3) / 1e3;
process.on("SIGUSR2", () => {
  reports++;
  const h = histogram;
  const report = { reports, p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) };
  writeFileSync(file, JSON.stringify(report));
  histogram.reset();
});
