/**
 * The document page's code is loaded on demand. If it cannot be fetched (the connection dropped
 * at that moment), the reader is told so, with a way to try again, rather than the whole app
 * going blank (client/src/layout/PageCodeBoundary.tsx).
 */
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

describe("the care plan's code not arriving", () => {
  it("says the page did not open, and opens it when tried again", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    // Every script but the app's own (named in the page) fails, as on a dropped connection; the
    // editor's, perhaps already fetched into the cache, too (routing turns the cache off).
    const loaded = new Set(
      await priya.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="modulepreload"]')).map(
          (element) => new URL("src" in element ? element.src : element.href).pathname,
        ),
      ),
    );
    await priya.route("**/assets/*.js", (route) => (loaded.has(new URL(route.request().url()).pathname) ? route.continue() : route.abort("internetdisconnected")));
    await openCase(priya, "Jamie Walker");
    await priya.getByRole("link", { name: "Jamie's care plan", exact: true }).click();
    await priya.getByRole("heading", { level: 1, name: "Sorry, this page did not open" }).waitFor();
    // The header and the way home are still there.
    expect(await priya.getByRole("link", { name: "My actions" }).count()).toBe(1);

    await priya.unroute("**/assets/*.js");
    await priya.getByRole("button", { name: "Try again" }).click();
    await priya.getByTestId("care-plan-editor").waitFor();
    await expect.poll(() => priya.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
    // The failed fetch is the only page error: the reader saw a message, not a blank page.
    expect(errors.every((e) => /dynamically imported module|Importing a module script failed/i.test(e))).toBe(true);
  });
});
