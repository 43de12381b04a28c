/**
 * Words typed with no connection are kept on this device and reach everyone once the plan is
 * opened again with one. The page now connects to the server at once, beside reading this
 * device's copy, not after it (docs/adr/0031): whichever comes first, nothing typed offline may
 * be lost.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorText, goToEndOfDocument } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();
const editor = (page: Page) => page.getByTestId("care-plan-editor");
const connectionState = (page: Page) => page.getByTestId("connection-state").textContent();

async function openJamiesPlan(page: Page): Promise<void> {
  await openCase(page, "Jamie Walker");
  await page.getByRole("link", { name: "Jamie's care plan", exact: true }).click();
  await editor(page).waitFor();
  await expect.poll(() => connectionState(page), { timeout: 10_000 }).toBe("Saved");
}

describe("the care plan written offline", () => {
  it("keeps what was typed with no connection, and sends it when the plan is opened again online", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    // Priya's document connections go through a switch that can stop what she sends from
    // reaching the server, as when a phone loses its signal (the browser's own offline switch
    // does not reliably stop an open websocket).
    let reachesServer = true;
    await priya.context().routeWebSocket(/\/collab\//, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        if (reachesServer) server.send(message);
      });
    });
    await openJamiesPlan(priya);
    const planUrl = priya.url();

    const typedOffline = "Written on the train with no signal: Jamie's new bus pass arrived.";
    reachesServer = false;
    await editor(priya).click();
    await goToEndOfDocument(priya, editor(priya));
    await priya.keyboard.press("Enter");
    await priya.keyboard.type(typedOffline);
    // Not stored on the server, so never "Saved"; then the page is closed: the words are only on this device.
    await expect.poll(() => connectionState(priya), { timeout: 10_000 }).not.toBe("Saved");
    await priya.waitForTimeout(500);
    expect(await connectionState(priya)).not.toBe("Saved");
    await priya.close();

    const ben = await session.signedIn("ben.carter", errors);
    await ben.goto(planUrl);
    await editor(ben).waitFor();
    expect(await editorText(editor(ben))).not.toContain(typedOffline);

    // The signal back, the plan opened again at its address (as from a bookmark) on the same device.
    reachesServer = true;
    const again = await priya.context().newPage();
    await again.goto(planUrl);
    await expect.poll(() => editorText(editor(again)), { timeout: 10_000 }).toContain(typedOffline);
    await expect.poll(() => connectionState(again), { timeout: 10_000 }).toBe("Saved");
    // And it reached the server: someone else sees it, live, and after opening the plan afresh.
    await expect.poll(() => editorText(editor(ben)), { timeout: 10_000 }).toContain(typedOffline);
    await ben.reload();
    await expect.poll(() => editorText(editor(ben)), { timeout: 10_000 }).toContain(typedOffline);
    expect(errors).toEqual([]);
  });
});
