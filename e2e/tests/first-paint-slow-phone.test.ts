/**
 * How fast the first page paints, and the care plan can be typed in, on a phone over a slow
 * mobile connection (issue: "a fast first page on a phone"; docs/adr/0020). The figures are
 * printed, not judged: a machine shared with other builds makes them too noisy to gate CI on,
 * so the test only checks that the measurement ran, and that the sign-in page does not load the
 * editor. Targets: first paint under 2.5 s, the care
 * plan editable under 4 s.
 *
 * The profile is Chromium DevTools' "Slow 4G" preset, applied through the DevTools protocol:
 * 562.5 ms latency, 180 KB/s (1.44 Mbit/s) down, 84 KB/s (675 kbit/s) up, and the CPU slowed
 * four times. Each measurement starts in a fresh browser context, so nothing is cached.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoPassword, signInAs } from "../support/browser.js";
import { editorText } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";
import { busyLines, recordMainThread, recordWaterfall, type Waterfall } from "../support/waterfall.js";
import { openJamiesCarePlan } from "../support/case-page.js";

const session = useAppAndBrowser();

const slow4g = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const cpuSlowdown = 4;

/** Throttles the page, and records its requests from now on. */
async function throttled(page: Page): Promise<Waterfall> {
  const cdp = await page.context().newCDPSession(page);
  const waterfall = recordWaterfall(cdp);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", slow4g);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  return waterfall;
}

/** The first-contentful-paint of the page now loaded, in ms from the start of its navigation. */
function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) {
            observer.disconnect();
            resolve(entry.startTime);
          }
        }).observe({ type: "paint", buffered: true });
      }),
  );
}

/** Bytes the page fetched, as sent over the wire (compressed or not), by kind. */
function transferred(page: Page): Promise<{ script: number; css: number; total: number }> {
  return page.evaluate(() => {
    const sum = { script: 0, css: 0, total: 0 };
    for (const entry of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
      sum.total += entry.transferSize;
      if (entry.name.endsWith(".js")) sum.script += entry.transferSize;
      if (entry.name.endsWith(".css")) sum.css += entry.transferSize;
    }
    return sum;
  });
}

async function freshContext(): Promise<BrowserContext> {
  const page = await session.signedOut();
  return page.context();
}

/** How many times to measure each page (FIRST_PAINT_RUNS, default 1): figures vary from run to run. */
const runs = Math.max(1, Number(process.env.FIRST_PAINT_RUNS ?? 1));

async function measureSignIn() {
  const page = (await freshContext()).pages()[0]!;
  const waterfall = await throttled(page);
  await page.goto(`${session.url()}/signin`);
  const firstPaintMs = await firstContentfulPaint(page);
  await page.getByRole("button", { name: /sign in/i }).waitFor();
  const bytes = await transferred(page);
  // The editor (Tiptap and ProseMirror) is not fetched, nor preloaded, for the sign-in page.
  const scripts = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((entry) => entry.name).filter((name) => name.endsWith(".js")),
  );
  const withEditor: string[] = [];
  for (const url of scripts) if ((await (await fetch(url)).text()).includes("ProseMirror")) withEditor.push(url);
  await page.context().close();
  return { firstPaintMs, bytes, withEditor, waterfall: waterfall.lines() };
}

/**
 * The care plan, throttled: from asking for the page until a letter typed into the plan shows in
 * it. `cold`: signed in over the API, nothing cached. Otherwise as a person arrives at it: signed
 * in on this phone's sign-in page, their home page read for `homeReadingMs`, then the plan opened
 * at its address (as from a link in an email or a bookmark).
 */
const homeReadingMs = 5000;

async function measureCarePlan(carePlanUrl: string, arrival: "cold" | "after signing in") {
  const context = await freshContext();
  const page = context.pages()[0]!;
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (arrival === "cold") {
    const signedIn = await context.request.post(`${session.url()}/api/auth/login`, {
      data: { email: "priya.shah@roundtable.demo", password: demoPassword },
    });
    expect(signedIn.ok()).toBe(true);
  }
  const waterfall = await throttled(page);
  await recordMainThread(page);
  if (arrival === "after signing in") {
    await signInAs(page, session.url(), "priya.shah");
    // A person reads their home page for a moment before opening a plan; the app uses that
    // moment to fetch the editor (ADR 0031).
    await page.waitForTimeout(homeReadingMs);
    waterfall.restart();
  }
  const asked = Date.now();
  await page.goto(carePlanUrl, { waitUntil: "commit" });
  const editor = page.getByTestId("care-plan-editor");
  await page.locator('[data-testid="care-plan-editor"][contenteditable="true"]').waitFor({ timeout: 60_000 });
  const mountedMs = Date.now() - asked;
  await editor.click();
  await page.keyboard.type("Z");
  await expect.poll(() => editorText(editor), { timeout: 60_000, interval: 50 }).toContain("Z");
  const editableMs = Date.now() - asked;
  const bytes = await transferred(page);
  const busy = await busyLines(page);
  // Undo the letter, so the next run (and the plan) are as they were.
  await page.keyboard.press("Backspace");
  await expect.poll(() => editorText(editor), { timeout: 60_000, interval: 50 }).not.toContain("Z");
  await context.close();
  return { editableMs, mountedMs, bytes, errors, waterfall: waterfall.lines(), busy };
}

describe("a phone on a slow mobile connection", () => {
  it("measures the sign-in page's first paint and how soon the care plan takes typing", async () => {
    // Where Jamie's care plan lives, found at full speed.
    const errors: string[] = [];
    const finder = await session.signedIn("priya.shah", errors);
    await openJamiesCarePlan(finder);
    const carePlanUrl = finder.url();
    await finder.context().close();

    const documentId = new URL(carePlanUrl).pathname.split("/").pop();
    for (let run = 1; run <= runs; run++) {
      const signIn = await measureSignIn();
      const cold = await measureCarePlan(carePlanUrl, "cold");
      const arrived = await measureCarePlan(carePlanUrl, "after signing in");
      const planLines = (label: string, plan: typeof cold) => [
        `  care plan, ${label}: takes typing after ${(plan.editableMs / 1000).toFixed(2)} s (target < 4 s; editor editable at ${(plan.mountedMs / 1000).toFixed(2)} s); ${Math.round(plan.bytes.total / 1024)} KB over the wire`,
        "    its requests (ms from the first; a websocket ends at its first message):",
        ...plan.waterfall,
        `    its main thread, frames over ${process.env.FIRST_PAINT_BUSY_MS ?? 200} ms (ms from navigation start; busiest script):`,
        ...plan.busy,
      ];
      console.log(
        [
          `Slow 4G (562.5 ms, 180 KB/s down), CPU ×4, run ${run} of ${runs}:`,
          `  sign-in page first contentful paint: ${(signIn.firstPaintMs / 1000).toFixed(2)} s (target < 2.5 s); ${Math.round(signIn.bytes.script / 1024)} KB script, ${Math.round(signIn.bytes.css / 1024)} KB CSS over the wire`,
          "    its requests (ms from the first):",
          ...signIn.waterfall,
          ...planLines("cold (nothing cached)", cold),
          ...planLines(`opened after signing in on this phone and reading the home page for ${homeReadingMs / 1000} s`, arrived),
          JSON.stringify({
            profile: { ...slow4g, cpuSlowdown },
            signInFirstContentfulPaintMs: Math.round(signIn.firstPaintMs),
            signInTransferredBytes: signIn.bytes,
            carePlanColdEditableMs: cold.editableMs,
            carePlanColdTransferredBytes: cold.bytes,
            carePlanAfterSignInEditableMs: arrived.editableMs,
            carePlanAfterSignInTransferredBytes: arrived.bytes,
          }),
        ].join("\n"),
      );
      // Only that it measured: the figures are reported, not gated on.
      expect(signIn.firstPaintMs).toBeGreaterThan(0);
      expect(signIn.withEditor).toEqual([]);
      for (const plan of [cold, arrived]) {
        expect(plan.editableMs).toBeGreaterThan(0);
        expect(plan.errors).toEqual([]);
        // The page names /api/me and the document for the browser to fetch early (docs/adr/0030):
        // the app must be handed those answers, not ask again (twice over a slow line, and the
        // document's opening twice in its audit trail).
        expect(plan.waterfall.filter((line) => line.endsWith("GET /api/me"))).toHaveLength(1);
        expect(plan.waterfall.filter((line) => line.endsWith(`GET /api/documents/${documentId}`))).toHaveLength(1);
        // The page opens the document's collab connection itself and the app takes it over
        // (docs/adr/0031): one connection, not a second once the app has run.
        expect(plan.waterfall.filter((line) => line.includes(`websocket /collab/${documentId}`))).toHaveLength(1);
      }
    }
    expect(errors).toEqual([]);
  });
});
