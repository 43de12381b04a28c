/**
 * What a Chromium performance trace says the long tasks were made of: for each task of 50 ms or
 * more on the page's main thread, the time spent in the work directly inside it, by kind (script
 * by function and file, garbage collection, style, layout, paint…), largest first. Used by
 * `pnpm bench:map-drag -- --trace` to say why a round went over the target.
 */
import { readFileSync } from "node:fs";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

export interface LongTaskInTrace {
  ms: number;
  /** What it held, in ms by kind, largest first. */
  parts: [string, number][];
}

const ms = (us: number) => Math.round(us / 100) / 10;

function kindOf(e: TraceEvent): string {
  const data = e.args?.data;
  if (e.name === "FunctionCall" && data?.functionName !== undefined) return `script ${data.functionName || "(anonymous)"} ${data.url?.split("/").at(-1) ?? ""}`.trim();
  if (e.name === "EventDispatch" && data?.type) return `event ${data.type}`;
  return e.name;
}

/** Work worth naming; the scheduler's own wrappers around it are looked through. */
const named = /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|FireIdleCallback|v8\.evaluateModule|v8\.compile|ParseHTML|UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|HitTest|BlinkScheduler_PerformMicrotaskCheckpoint|MajorGC|MinorGC|V8\.GC.*|BlinkGC.*)$/;

export function longTasksInTrace(path: string, thresholdMs = 50): LongTaskInTrace[] {
  const { traceEvents } = JSON.parse(readFileSync(path, "utf8")) as { traceEvents: TraceEvent[] };
  // A page may have had more than one renderer (about:blank first): every page main thread counts.
  const mains = new Set(traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}/${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of traceEvents) {
    const thread = `${e.pid}/${e.tid}`;
    if (!mains.has(thread) || e.ph !== "X" || e.dur === undefined) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), e]);
  }
  const found: LongTaskInTrace[] = [];
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    for (const task of events.filter((e) => e.name === "RunTask" && e.dur! >= thresholdMs * 1000)) {
      const end = task.ts + task.dur!;
      const inside = events.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
      // The outermost named events inside the task, so each microsecond is counted once; and the
      // garbage collection anywhere inside it, which is otherwise hidden in the script that set it off.
      const parts = new Map<string, number>();
      let coveredUntil = task.ts;
      let gc = 0;
      for (const e of inside) {
        if (/GC/.test(e.name) && e.ts >= coveredUntil) gc += e.dur!;
        if (e.ts < coveredUntil || !named.test(e.name)) continue;
        parts.set(kindOf(e), (parts.get(kindOf(e)) ?? 0) + e.dur!);
        coveredUntil = e.ts + e.dur!;
      }
      const listed = [...parts].sort((a, b) => b[1] - a[1]).map(([k, us]): [string, number] => [k, ms(us)]);
      found.push({ ms: ms(task.dur!), parts: gc > 0 ? [...listed, ["of which garbage collection", ms(gc)]] : listed });
    }
  }
  return found.sort((a, b) => b.ms - a.ms);
}
