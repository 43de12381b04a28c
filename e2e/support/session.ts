/**
 * One app server and one Chromium per test file, started before its tests and stopped after,
 * and a way to open a page signed in as a demo account in a context of its own.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startAppServer, type AppServer } from "./app-server.js";
import { launchChromium, signInAs } from "./browser.js";

export interface E2eSession {
  /** The app's base URL (valid once the file's tests run). */
  url(): string;
  /** A new browser context signed in as `emailLocal`; page errors are pushed to `errors`. */
  signedIn(emailLocal: string, errors: string[]): Promise<Page>;
}

/** `env`: settings for this file's app server (see `startAppServer`). */
export function useAppAndBrowser(env: Record<string, string> = {}): E2eSession {
  let app: AppServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startAppServer(env), launchChromium()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
  });
  return {
    url: () => app.url,
    async signedIn(emailLocal, errors) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`${emailLocal}: ${e.message}`));
      await signInAs(page, app.url, emailLocal);
      return page;
    },
  };
}
