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
import { demoPassword } from "../support/browser.js";
import { editorText } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

const slow4g = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const cpuSlowdown = 4;

async function throttled(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", slow4g);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
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

describe("a phone on a slow mobile connection", () => {
  it("measures the sign-in page's first paint and how soon the care plan takes typing", async () => {
    // Where Jamie's care plan lives, found at full speed.
    const errors: string[] = [];
    const finder = await session.signedIn("priya.shah", errors);
    await finder.getByRole("link", { name: "Jamie Walker" }).click();
    await finder.getByRole("link", { name: "Jamie's care plan", exact: true }).click();
    await finder.getByTestId("care-plan-editor").waitFor();
    const carePlanUrl = finder.url();

    // 1. The sign-in page, cold, throttled.
    const signInContext = await freshContext();
    const signInPage = signInContext.pages()[0]!;
    await throttled(signInPage);
    await signInPage.goto(`${session.url()}/signin`);
    const firstPaintMs = await firstContentfulPaint(signInPage);
    await signInPage.getByRole("button", { name: /sign in/i }).waitFor();
    const signInBytes = await transferred(signInPage);
    // The editor (Tiptap and ProseMirror) is not fetched, nor preloaded, for the sign-in page.
    const signInScripts = await signInPage.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((entry) => entry.name).filter((name) => name.endsWith(".js")),
    );
    const withEditor: string[] = [];
    for (const url of signInScripts) if ((await (await fetch(url)).text()).includes("ProseMirror")) withEditor.push(url);

    // 2. The care plan, cold (signed in, nothing cached), throttled: from asking for the page
    // until a letter typed into the plan shows in it.
    const planContext = await freshContext();
    const signedIn = await planContext.request.post(`${session.url()}/api/auth/login`, {
      data: { email: "priya.shah@roundtable.demo", password: demoPassword },
    });
    expect(signedIn.ok()).toBe(true);
    const planPage = planContext.pages()[0]!;
    await throttled(planPage);
    const asked = Date.now();
    await planPage.goto(carePlanUrl, { waitUntil: "commit" });
    const editor = planPage.getByTestId("care-plan-editor");
    await planPage.locator('[data-testid="care-plan-editor"][contenteditable="true"]').waitFor({ timeout: 60_000 });
    await editor.click();
    await planPage.keyboard.type("Z");
    await expect.poll(() => editorText(editor), { timeout: 60_000, interval: 50 }).toContain("Z");
    const editableMs = Date.now() - asked;
    const planBytes = await transferred(planPage);

    const figures = {
      profile: { ...slow4g, cpuSlowdown },
      signInFirstContentfulPaintMs: Math.round(firstPaintMs),
      signInTransferredBytes: signInBytes,
      carePlanEditableMs: editableMs,
      carePlanTransferredBytes: planBytes,
    };
    console.log(
      [
        "Slow 4G (562.5 ms, 180 KB/s down), CPU ×4:",
        `  sign-in page first contentful paint: ${(firstPaintMs / 1000).toFixed(2)} s (target < 2.5 s); ${Math.round(signInBytes.script / 1024)} KB script, ${Math.round(signInBytes.css / 1024)} KB CSS over the wire`,
        `  care plan takes typing after:        ${(editableMs / 1000).toFixed(2)} s (target < 4 s); ${Math.round(planBytes.total / 1024)} KB over the wire`,
        JSON.stringify(figures),
      ].join("\n"),
    );
    // Only that it measured: the figures are reported, not gated on.
    expect(firstPaintMs).toBeGreaterThan(0);
    expect(editableMs).toBeGreaterThan(0);
    expect(withEditor).toEqual([]);
    expect(errors).toEqual([]);
  });
});
