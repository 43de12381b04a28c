/**
 * One app server and one Chromium per test file, started before its tests and stopped after,
 * and a way to open a page signed in as a demo account in a context of its own.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startAppServer, type AppServer } from "./app-server.js";
import { launchChromium, signInAs } from "./browser.js";

export interface E2eSession {
  /** The app's base URL (valid once the file's tests run). */
  url(): string;
  /** A new browser context signed in as `emailLocal`; page errors are pushed to `errors`. */
  signedIn(emailLocal: string, errors: string[]): Promise<Page>;
  /** A page in a new browser context of its own, signed in as nobody, with nothing cached. */
  signedOut(): Promise<Page>;
}

/** `env`: settings for the server beyond the defaults (e.g. SMTP_URL), read when it starts. */
export function useAppAndBrowser(env: () => NodeJS.ProcessEnv = () => ({})): E2eSession {
  let app: AppServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAppServer(env()), launchChromium()]);
  });
  // A failed test says where each of its pages was and what it showed, so a failure seen only in
  // CI (where nobody watched the browser) can be read from the log.
  afterEach(async ({ task }) => {
    if (task.result?.state !== "fail") return;
    for (const context of contexts) for (const page of context.pages()) console.error(await describePage(page));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
  });
  const signedOut = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };
  return {
    url: () => app.url,
    signedOut,
    async signedIn(emailLocal, errors) {
      const page = await signedOut();
      page.on("pageerror", (e) => errors.push(`${emailLocal}: ${e.message}`));
      await signInAs(page, app.url, emailLocal);
      return page;
    },
  };
}

/** A page's address and the start of its visible text, for a failed test's log. */
async function describePage(page: Page): Promise<string> {
  if (page.isClosed()) return "[a closed page]";
  const text = await page
    .locator("body")
    // biome-ignore lint/performance/useDomNodeTextContent: what the reader saw, laid out, is the point here.
    .innerText({ timeout: 2000 })
    .catch((error: Error) => `(could not read the page: ${error.message})`);
  return `[page at ${page.url()}]\n${text.replace(/\n{2,}/g, "\n").slice(0, 1500)}`;
}
