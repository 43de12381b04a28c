/**
 * A page's network waterfall from the DevTools protocol: when each request (and websocket) started
 * and finished, in ms from the first request, to show which round trips lie on the critical path.
 */
import type { CDPSession } from "playwright-core";

interface Row {
  what: string;
  start: number;
  end: number | null;
}

export interface Waterfall {
  /** One line a request, in the order they started: "  start–end ms  what". */
  lines(): string[];
  /** Forgets what was recorded so far: the next request is the first. */
  restart(): void;
}

function shortName(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname.startsWith("/assets/") ? pathname.slice("/assets/".length) : pathname + search.split("&")[0];
}

/** Starts recording; call before the page navigates (Network must be enabled on `cdp`). */
export function recordWaterfall(cdp: CDPSession): Waterfall {
  const rows = new Map<string, Row>();
  let origin: number | null = null;
  const at = (seconds: number) => {
    origin ??= seconds;
    return Math.round((seconds - origin) * 1000);
  };
  cdp.on("Network.requestWillBeSent", (e) => {
    rows.set(e.requestId, { what: `${e.request.method} ${shortName(e.request.url)}`, start: at(e.timestamp), end: null });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const row = rows.get(e.requestId);
    if (row) row.end = at(e.timestamp);
  });
  // A websocket's creation carries no time: it starts when its handshake is sent.
  const websocketUrls = new Map<string, string>();
  cdp.on("Network.webSocketCreated", (e) => {
    websocketUrls.set(e.requestId, e.url);
  });
  cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => {
    const url = websocketUrls.get(e.requestId) ?? "";
    rows.set(`ws:${e.requestId}`, { what: `websocket ${url ? shortName(url) : ""}`, start: at(e.timestamp), end: null });
  });
  cdp.on("Network.webSocketHandshakeResponseReceived", (e) => {
    const row = rows.get(`ws:${e.requestId}`);
    if (row) row.what += ` (open at ${at(e.timestamp)})`;
  });
  cdp.on("Network.webSocketFrameReceived", (e) => {
    const row = rows.get(`ws:${e.requestId}`);
    if (row && row.end === null) row.end = at(e.timestamp); // the first message: the server's sync step
  });
  return {
    restart: () => {
      rows.clear();
      origin = null;
    },
    lines: () =>
      [...rows.values()]
        .sort((a, b) => a.start - b.start)
        .map((r) => `  ${String(r.start).padStart(6)}–${r.end === null ? "  …   " : String(r.end).padEnd(6)} ms  ${r.what}`),
  };
}

/**
 * Records the page's long animation frames (main thread busy over 50 ms) from its start; read
 * them with `busyLines`. Call before the page navigates.
 */
export async function recordMainThread(page: import("playwright-core").Page): Promise<void> {
  await page.addInitScript(() => {
    const frames: { start: number; duration: number; script: string }[] = [];
    (window as unknown as { __busy: typeof frames }).__busy = frames;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { scripts?: { sourceURL: string; duration: number; invoker: string }[] })[]) {
        const top = [...(entry.scripts ?? [])].sort((a, b) => b.duration - a.duration)[0];
        const script = top ? `${top.invoker} ${top.sourceURL.split("/").pop()} ${Math.round(top.duration)} ms` : "";
        frames.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration), script });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  });
}

/** The main thread's long frames so far: "  start +duration ms  busiest script". */
export async function busyLines(page: import("playwright-core").Page): Promise<string[]> {
  const frames = await page.evaluate(() => (window as unknown as { __busy: { start: number; duration: number; script: string }[] }).__busy ?? []);
  // FIRST_PAINT_BUSY_MS shows shorter frames too, to see what fills a gap.
  const atLeast = Number(process.env.FIRST_PAINT_BUSY_MS ?? 200);
  return frames.filter((f) => f.duration >= atLeast).map((f) => `  ${String(f.start).padStart(6)} +${String(f.duration).padEnd(5)} ms  ${f.script}`);
}
