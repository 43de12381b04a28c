/** What the benchmarks read about processes and the machine from /proc (Linux), and how they sum up what they measured. */
import { readFileSync } from "node:fs";

/** CPU seconds (user + system) a process has used so far; given `thread`, that one thread's (its main thread's is its pid's). */
export function processCpuSeconds(pid: number | "self", thread?: number): number {
  const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

/**
 * Seconds a process's thread (its main thread by default) has spent runnable but waiting for a
 * CPU, so far (/proc/…/schedstat): on a busy machine, time it could not run however light its work.
 */
export function runQueueWaitSeconds(pid: number, thread = pid): number {
  return Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, "utf8").split(" ")[1]) / 1e9;
}

/** The whole machine's CPU time so far, in seconds over all cores: busy, and in all. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0); // idle, iowait
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** The p-th percentile of numbers sorted ascending (nearest rank); NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
export const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
export const round3 = (n: number) => Math.round(n * 1000) / 1000;
