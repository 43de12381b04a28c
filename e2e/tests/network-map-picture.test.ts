/**
 * The young person's picture on the network map (issue 14), in Chromium: the child's mum, who
 * comments on the map rather than changes it, is told the limit before choosing; a file that is
 * not a picture is refused by the server with a reason, one too large before anything is sent; a
 * photo she adds from the list shows, live, on the keyworker's list and in the young person's node
 * on the drawn map for both; she still has no way to change the rest of the map; the keyworker
 * removes it after a second thought, for both; and axe-core finds nothing on the list or the drawn
 * map with the picture, at desktop and phone widths.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { newNetworkMap } from "../support/network-map.js";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

const list = (page: Page) => page.getByTestId("network-map-list");
const pictureOf = (within: Page | Locator) => within.getByRole("img", { name: "Picture of Jamie Walker" });

async function openMap(page: Page, documentId: string, view: "A drawn map" | "A list"): Promise<void> {
  await page.goto(`${session.url()}/documents/${documentId}`);
  await page.getByTestId("network-map-editor").waitFor({ timeout: 15_000 });
  await page.getByRole("button", { name: view }).click();
  await (view === "A list" ? list(page) : page.getByTestId("network-map-canvas")).waitFor({ timeout: 15_000 });
}

/** A photo-like JPEG, drawn in the page: 320 × 240, blue in the middle. */
async function aPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 320;
    canvas.height = 240;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#d4351c";
    g.fillRect(0, 0, 320, 240);
    g.fillStyle = "#005eb8";
    g.fillRect(80, 60, 160, 120);
    return canvas.toDataURL("image/jpeg", 0.8);
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
}

describe("the young person's picture on the network map", () => {
  it("is added by the family from the list, shows live on the drawn map and for the keyworker, and is removed after a second thought", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const mapId = await newNetworkMap(priya, session.url(), "Jamie and his picture");

    const claire = await session.signedIn("claire.walker", errors);
    await openMap(claire, mapId, "A list");
    await openMap(priya, mapId, "A list");

    // The limit is said before a file is chosen.
    const chooser = list(claire).getByLabel("Add a picture");
    await chooser.waitFor({ timeout: 10_000 });
    expect(await list(claire).getByTestId("map-picture").textContent()).toContain("PNG, JPEG or WebP, up to 2 MB");

    // Notes renamed to look like a picture: the server reads the file itself and refuses it, in words.
    let sent = 0;
    claire.on("request", (r) => {
      if (r.method() === "PUT" && r.url().endsWith(`/documents/${mapId}/picture`)) sent++;
    });
    await chooser.setInputFiles({ name: "jamie.png", mimeType: "image/png", buffer: Buffer.from("Jamie likes trains and swimming.") });
    await expect.poll(() => list(claire).getByRole("alert").textContent()).toContain("This file is not a picture Roundtable can take");
    expect(sent).toBe(1);
    // Too large: refused before anything is sent.
    await chooser.setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(3 * 1024 * 1024) });
    await expect.poll(() => list(claire).getByRole("alert").textContent()).toContain("This picture is too large: pictures can be up to 2 MB");
    expect(sent).toBe(1);

    // A photo: sent, then shown in the list.
    await chooser.setInputFiles({ name: "jamie.jpg", mimeType: "image/jpeg", buffer: await aPhoto(claire) });
    await pictureOf(list(claire)).waitFor({ timeout: 10_000 });
    expect(sent).toBe(2);
    expect(await list(claire).getByTestId("map-picture").getByRole("status").textContent()).toBe("The picture has been added.");
    expect(await list(claire).getByRole("alert").count()).toBe(0);
    await list(claire).getByLabel("Change the picture").waitFor();

    // The keyworker sees it without reloading, and may change it too; the mum changes nothing else on the map.
    await pictureOf(list(priya)).waitFor({ timeout: 5_000 });
    await list(priya).getByLabel("Change the picture").waitFor();
    expect(await list(claire).getByRole("button", { name: "Add to the map" }).count()).toBe(0);
    expect(await list(claire).getByRole("combobox").count()).toBe(0);

    // In the young person's node on the drawn map, for both.
    await priya.getByRole("button", { name: "A drawn map" }).click();
    await pictureOf(priya.locator(".react-flow__node")).waitFor({ timeout: 15_000 });
    await claire.getByRole("button", { name: "A drawn map" }).click();
    await pictureOf(claire.locator(".react-flow__node")).waitFor({ timeout: 15_000 });

    for (const width of [1280, 390]) {
      await priya.setViewportSize({ width, height: 900 });
      expect(await axeViolations(priya, `the drawn network map with a picture at ${width} px`)).toEqual([]);
      await priya.getByRole("button", { name: "A list" }).click();
      await pictureOf(list(priya)).waitFor();
      expect(await axeViolations(priya, `the network map's list with a picture at ${width} px`)).toEqual([]);
      await priya.getByRole("button", { name: "A drawn map" }).click();
    }

    // Removed after a second thought, for the parent too.
    await priya.getByRole("button", { name: "A list" }).click();
    await list(priya).getByRole("button", { name: "Remove the picture" }).click();
    await priya.getByTestId("remove-map-picture").getByRole("button", { name: "Yes, remove it" }).click();
    await expect.poll(() => pictureOf(list(priya)).count()).toBe(0);
    await list(priya).getByLabel("Add a picture").waitFor();
    await expect.poll(() => pictureOf(claire.locator(".react-flow__node")).count(), { timeout: 5_000 }).toBe(0);
    expect(errors).toEqual([]);
  });
});
