/** What the benchmarks read about processes and the machine from /proc (Linux). */
import { readFileSync } from "node:fs";

/** CPU seconds (user + system) a process has used so far. */
export function processCpuSeconds(pid: number | "self"): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100/s)
}

/** The whole machine's CPU time so far, in seconds over all cores: busy, and in all. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0); // idle, iowait
  return { busy: (total - idle) / 100, total: total / 100 };
}
