/**
 * One process of `pnpm bench:scale`'s load generator, forked by scale-bench.ts and driven by it over
 * IPC (see `GeneratorRequest`). It holds its share of the clients — stock y-websocket providers, as
 * anyone else would use, each on a care plan of its own — and each types a letter into a paragraph
 * of its own at the rate asked. It records every edit it makes (author, clock, when) and every edit
 * of someone else's it receives (author, clock, when): the author's client id and the clock the
 * edit started from name the edit in the document itself, so a receiver in another process knows
 * it. The parent matches the two lists at the end.
 *
 * "When" is `performance.timeOrigin + performance.now()`: the wall clock, taken once at each
 * process's start, plus a monotonic clock in fractions of a millisecond since. Every process reads
 * the same system clock for its origin, so the times compare across processes (the parent checks
 * how far they disagree and reports it); Date.now() would too, but only to the millisecond, which
 * is coarser than the latencies being measured.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { connectAt, type CollabClient } from "../test/support/collab-client.js";
import { lettersIn, onRemoteLetters, ownParagraph, type EditId } from "./collab-workloads.js";

export type GeneratorRequest =
  | { type: "clock" }
  | { type: "connect"; wsBase: string; cookie: string | null; documentIds: string[]; connectingAtOnce: number }
  | { type: "start"; rate: number }
  | { type: "stop" }
  | { type: "count" }
  | { type: "results" };

export type GeneratorReply =
  | { type: "clock"; now: number }
  | { type: "ready"; lettersBefore: [string, number][] }
  | { type: "stopped"; sent: number; cpuSeconds: number; loopDelay: { p50: number; p99: number; max: number } }
  | { type: "count"; received: number }
  | {
      type: "results";
      /** (author, clock, when) for each edit made, three numbers each. */
      sent: Float64Array;
      /** (author, clock, when) for each remote edit received, three numbers each. */
      received: Float64Array;
      sentByDocument: [string, number][];
    }
  | { type: "failed"; message: string };

export const now = () => performance.timeOrigin + performance.now();

function reply(message: GeneratorReply): void {
  process.send!(message);
}

interface Writer {
  documentId: string;
  client: CollabClient;
  edit: () => EditId;
  sent: number;
}

const writers: Writer[] = [];
const sent: number[] = [];
const received: number[] = [];
let measuring = false;
const timers: NodeJS.Timeout[] = [];
const loop = monitorEventLoopDelay({ resolution: 1 });
let cpuAtStart: NodeJS.CpuUsage | null = null;

async function connectAll(request: Extract<GeneratorRequest, { type: "connect" }>): Promise<void> {
  let next = 0;
  const connectOne = async () => {
    for (let i = next++; i < request.documentIds.length; i = next++) {
      const documentId = request.documentIds[i]!;
      const client = await connectAt(request.wsBase, documentId, request.cookie, { syncTimeoutMs: 60_000 });
      onRemoteLetters(client, (author, clock) => {
        if (measuring) received.push(author, clock, now());
      });
      writers.push({ documentId, client, edit: ownParagraph(client), sent: 0 });
    }
  };
  await Promise.all(Array.from({ length: request.connectingAtOnce }, connectOne));
  const lettersBefore = new Map<string, number>();
  for (const w of writers) lettersBefore.set(w.documentId, lettersIn(w.client.doc));
  reply({ type: "ready", lettersBefore: [...lettersBefore] });
}

function start(rate: number): void {
  measuring = true;
  loop.reset();
  loop.enable();
  cpuAtStart = process.cpuUsage();
  for (const w of writers) {
    // Each client starts at its own moment within the first period, so the edits are spread out.
    const first = setTimeout(
      () => {
        const tick = () => {
          const t = now();
          const { author, clock } = w.edit();
          sent.push(author, clock, t);
          w.sent++;
        };
        tick();
        timers.push(setInterval(tick, 1000 / rate));
      },
      Math.random() * (1000 / rate),
    );
    timers.push(first);
  }
}

function stop(): void {
  for (const t of timers) clearTimeout(t);
  loop.disable();
  const cpu = process.cpuUsage(cpuAtStart ?? undefined);
  const ms = (ns: number) => Math.round(ns / 1e3) / 1e3;
  reply({
    type: "stopped",
    sent: sent.length / 3,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
  });
}

function results(): void {
  measuring = false;
  const sentByDocument = new Map<string, number>();
  for (const w of writers) sentByDocument.set(w.documentId, (sentByDocument.get(w.documentId) ?? 0) + w.sent);
  reply({ type: "results", sent: Float64Array.from(sent), received: Float64Array.from(received), sentByDocument: [...sentByDocument] });
  for (const w of writers) w.client.destroy();
}

process.setMaxListeners(0); // y-websocket's provider listens for this process's exit, once per client
process.on("message", (request: GeneratorRequest) => {
  try {
    if (request.type === "clock") reply({ type: "clock", now: now() });
    else if (request.type === "connect") connectAll(request).catch((err: unknown) => reply({ type: "failed", message: String(err) }));
    else if (request.type === "start") start(request.rate);
    else if (request.type === "stop") stop();
    else if (request.type === "count") reply({ type: "count", received: received.length / 3 });
    else if (request.type === "results") results();
  } catch (err) {
    reply({ type: "failed", message: String(err) });
  }
});
// Its parent gone, the generator has no one to report to.
process.on("disconnect", () => process.exit(0));
