/**
 * Two people drawing Jamie's network map at once (issue 14), in Chromium, each in a browser
 * context of their own: each adds someone and sees the other's addition; one drags a person
 * across the map and the other sees them move; one connects two people and the other sees the
 * line drawn and reads the relationship; each sees
 * the other's pointer and selection, with their name; a reload keeps everything.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newNetworkMap } from "../support/network-map.js";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

const drawn = async (page: Page) => (await page.locator(".react-flow__node .rt-map-node__label").allTextContents()).sort();
const nodeOnMap = (page: Page, label: string) => page.locator(".react-flow__node").filter({ has: page.locator(".rt-map-node__label", { hasText: label }) });

async function openDrawnMap(page: Page, documentId: string): Promise<void> {
  // Tall enough for the whole map to be on screen below the page's heading.
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.goto(`${session.url()}/documents/${documentId}`);
  await page.getByTestId("network-map-canvas").waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
}

/** Adds a person through the list (the drawn map's own forms are the list's), then goes back to the map. */
async function addThroughList(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "A list" }).click();
  await page.locator("#map-add-name").fill(name);
  await page.locator("#map-add-name").press("Enter");
  await page.getByRole("button", { name: "A drawn map" }).click();
  await page.getByTestId("network-map-canvas").scrollIntoViewIfNeeded();
}

describe("two people drawing one network map", () => {
  it("see each other's additions, connections, pointers and selections live, and keep them on reload", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const mapId = await newNetworkMap(priya, session.url(), "Drawn together");
    const tom = await session.signedIn("tom.hughes", errors);
    await Promise.all([openDrawnMap(priya, mapId), openDrawnMap(tom, mapId)]);

    // Each adds someone, and sees the other's addition (the model's property test covers adding at the very same moment).
    await addThroughList(priya, "Dr Ben Carter");
    await expect.poll(() => drawn(tom), { timeout: 3000, interval: 50 }).toEqual(["Dr Ben Carter", "Jamie Walker"]);
    await addThroughList(tom, "Mark Davies");
    for (const page of [priya, tom]) await expect.poll(() => drawn(page), { timeout: 3000, interval: 50 }).toEqual(["Dr Ben Carter", "Jamie Walker", "Mark Davies"]);
    // Let the map settle (nodes measured) before dragging.
    await tom.waitForTimeout(300);

    // Tom drags Mark down the map; Priya sees him move.
    const priyaSeesMarkAt = async () => (await nodeOnMap(priya, "Mark Davies").boundingBox())!.y;
    const before = await priyaSeesMarkAt();
    const mark = (await nodeOnMap(tom, "Mark Davies").locator(".rt-map-node__label").boundingBox())!;
    await tom.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await tom.mouse.down();
    await tom.mouse.move(mark.x + mark.width / 2 + 20, mark.y + mark.height / 2 + 160, { steps: 15 });
    await tom.mouse.up();
    await expect.poll(priyaSeesMarkAt, { timeout: 5000, interval: 50 }).toBeGreaterThan(before + 40);

    // Tom connects Ben to Mark (through the list, as the keyboard does); Priya's drawn map shows the line.
    await tom.getByRole("button", { name: "A list" }).click();
    await tom.locator("#map-connect-from").selectOption({ label: "Dr Ben Carter" });
    await tom.locator("#map-connect-label").fill("works with");
    await tom.locator("#map-connect-to").selectOption({ label: "Mark Davies" });
    await tom.getByRole("button", { name: "Connect them" }).click();
    await tom.getByRole("button", { name: "A drawn map" }).click();
    await tom.getByTestId("network-map-canvas").scrollIntoViewIfNeeded();
    await expect.poll(() => priya.locator(".react-flow__edge").count(), { timeout: 3000, interval: 50 }).toBe(1);
    await priya.getByRole("button", { name: "A list" }).click();
    await expect.poll(() => priya.getByRole("list", { name: "Dr Ben Carter's relationships" }).textContent()).toContain("works with Mark Davies");
    await priya.getByRole("button", { name: "A drawn map" }).click();
    await priya.getByTestId("network-map-canvas").waitFor();

    // Tom's pointer, and what he selects, show on Priya's map with his name.
    const canvas = await tom.getByTestId("network-map-canvas").boundingBox();
    await tom.mouse.move(canvas!.x + 40, canvas!.y + 40);
    await tom.mouse.move(canvas!.x + 60, canvas!.y + 50, { steps: 5 });
    await expect.poll(() => priya.getByTestId("map-pointer").allTextContents(), { timeout: 3000, interval: 50 }).toEqual(["Tom Hughes"]);
    await nodeOnMap(tom, "Mark Davies").click();
    await expect.poll(() => nodeOnMap(priya, "Mark Davies").getByTestId("map-selected-by").textContent(), { timeout: 3000, interval: 50 }).toBe("Tom Hughes");

    await expect.poll(() => tom.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
    await priya.reload();
    await priya.getByTestId("network-map-canvas").waitFor({ timeout: 15_000 });
    await expect.poll(() => drawn(priya)).toEqual(["Dr Ben Carter", "Jamie Walker", "Mark Davies"]);
    await expect.poll(() => priya.locator(".react-flow__edge").count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
