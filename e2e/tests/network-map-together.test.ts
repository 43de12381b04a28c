/**
 * Two people drawing Jamie's network map at once (issue 14), in Chromium, each in a browser
 * context of their own: both add someone at the same moment and each sees both; one drags a
 * person across the map and the other sees them move; both connect two people at the same moment
 * (one in the list, one by drawing a line between two people on the map) and each sees both lines
 * and reads both relationships; each sees the other's pointer and selection, with their name; a
 * reload keeps everything.
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

/** Connects two people through the list's keyboard form, then goes back to the drawn map. */
async function connectInList(page: Page, from: string, label: string, to: string): Promise<void> {
  await page.getByRole("button", { name: "A list" }).click();
  await page.locator("#map-connect-from").selectOption({ label: from });
  await page.locator("#map-connect-label").fill(label);
  await page.locator("#map-connect-to").selectOption({ label: to });
  await page.getByRole("button", { name: "Connect them" }).click();
  await page.getByRole("button", { name: "A drawn map" }).click();
  await page.getByTestId("network-map-canvas").scrollIntoViewIfNeeded();
}

/** Draws a line on the map from the foot of one person's box to the head of another's, as a mouse does. */
async function connectOnMap(page: Page, from: string, to: string): Promise<void> {
  const centre = async (label: string, end: "source" | "target") => {
    const box = (await nodeOnMap(page, label).locator(`.react-flow__handle.${end}`).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const start = await centre(from, "source");
  const end = await centre(to, "target");
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}

describe("two people drawing one network map", () => {
  it("see each other's additions, connections, pointers and selections live, and keep them on reload", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const mapId = await newNetworkMap(priya, session.url(), "Drawn together");
    const tom = await session.signedIn("tom.hughes", errors);
    await Promise.all([openDrawnMap(priya, mapId), openDrawnMap(tom, mapId)]);

    // Both add someone at the same moment; each sees both.
    await Promise.all([addThroughList(priya, "Dr Ben Carter"), addThroughList(tom, "Mark Davies")]);
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

    // Both connect two people at the same moment: Tom in the list (Ben works with Mark), Priya on the
    // drawn map by drawing a line from Jamie down to Ben (a new line reads "works with").
    await Promise.all([connectInList(tom, "Dr Ben Carter", "refers to", "Mark Davies"), connectOnMap(priya, "Jamie Walker", "Dr Ben Carter")]);
    for (const page of [priya, tom]) {
      await expect.poll(() => page.locator(".react-flow__edge").count(), { timeout: 3000, interval: 50 }).toBe(2);
      await page.getByRole("button", { name: "A list" }).click();
      const bens = () => page.getByRole("list", { name: "Dr Ben Carter's relationships" }).textContent();
      await expect.poll(bens).toContain("refers to Mark Davies");
      await expect.poll(bens).toContain("Jamie Walker works with them");
      await page.getByRole("button", { name: "A drawn map" }).click();
      await page.getByTestId("network-map-canvas").waitFor();
    }

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
    await expect.poll(() => priya.locator(".react-flow__edge").count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
