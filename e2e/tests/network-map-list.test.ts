/**
 * The professional network map's list view (issue 14), in Chromium: a keyworker makes a map for
 * Jamie and fills it by keyboard alone — two people, one to be brought in, and a relationship
 * between them; the child's parent, on the same map in a context of her own, sees each change
 * live, first on the drawn map and then in the list; a reload keeps everything; Undo takes back
 * only the keyworker's own last change; and axe-core finds nothing on the drawn map or the list,
 * at desktop and phone widths.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { newNetworkMap, tabTo } from "../support/network-map.js";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

const list = (page: Page) => page.getByTestId("network-map-list");
const people = async (page: Page) => (await list(page).getByTestId("map-person").locator("strong").allTextContents()).sort();

/** Opens the map; on a desktop-wide page it opens drawn, and `view` chooses. */
async function openMap(page: Page, documentId: string, view: "A drawn map" | "A list"): Promise<void> {
  await page.goto(`${session.url()}/documents/${documentId}`);
  await page.getByTestId("network-map-editor").waitFor({ timeout: 15_000 });
  await page.getByRole("button", { name: view }).click();
  await (view === "A list" ? list(page) : page.getByTestId("network-map-canvas")).waitFor({ timeout: 15_000 });
}

const drawn = async (page: Page) => (await page.locator(".react-flow__node .rt-map-node__label").allTextContents()).sort();

describe("the network map's list view", () => {
  it("is filled by keyboard alone, shows each change to the other person live, and keeps it on reload", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const mapId = await newNetworkMap(priya, session.url(), "Who is round Jamie");

    await openMap(priya, mapId, "A list");
    const claire = await session.signedIn("claire.walker", errors);
    await openMap(claire, mapId, "A drawn map");
    await expect.poll(() => drawn(claire)).toEqual(["Jamie Walker"]);

    // Add Dr Ben Carter, on board, with his role and phone number: typing, Tab and Enter only.
    await priya.locator("#map-add-name").focus();
    await priya.keyboard.type("Dr Ben Carter");
    await tabTo(priya, "#map-add-role");
    await priya.keyboard.type("Consultant psychiatrist");
    await tabTo(priya, "#map-add-contact");
    await priya.keyboard.type("01632 960 111");
    await priya.keyboard.press("Enter");
    await expect.poll(() => people(priya)).toEqual(["Dr Ben Carter"]);
    // On the parent's drawn map within a moment; then she reads it as a list.
    await expect.poll(() => drawn(claire), { timeout: 2000, interval: 50 }).toEqual(["Dr Ben Carter", "Jamie Walker"]);
    await claire.getByRole("button", { name: "A list" }).click();
    await expect.poll(() => people(claire), { timeout: 2000, interval: 50 }).toEqual(["Dr Ben Carter"]);
    // The form is ready for the next person, with the focus back on the name.
    expect(await priya.locator("#map-add-name").evaluate((el) => el === document.activeElement && (el as HTMLInputElement).value === "")).toBe(true);

    // Lucy Evans, to be brought in: the status chosen with the arrow keys.
    await priya.keyboard.type("Lucy Evans");
    await tabTo(priya, "#map-add-status");
    await priya.keyboard.press("ArrowDown");
    await priya.locator("#map-add-name").focus();
    await priya.keyboard.press("Enter");
    await expect.poll(() => people(claire), { timeout: 2000, interval: 50 }).toEqual(["Dr Ben Carter", "Lucy Evans"]);
    expect(await list(priya).getByLabel("Status of Lucy Evans").inputValue()).toBe("to-bring-in");
    expect(await list(claire).getByTestId("map-person").filter({ hasText: "Lucy Evans" }).textContent()).toContain("To be brought in");

    // Connect them: "Dr Ben Carter works with Lucy Evans".
    await tabTo(priya, "#map-connect-from");
    await priya.keyboard.type("Dr");
    await tabTo(priya, "#map-connect-label");
    await priya.keyboard.type("works with");
    await tabTo(priya, "#map-connect-to");
    await priya.keyboard.type("Lucy");
    await tabTo(priya, "form[aria-labelledby=map-connect-heading] button[type=submit]");
    await priya.keyboard.press("Enter");
    await expect.poll(() => list(claire).getByRole("list", { name: "Dr Ben Carter's relationships" }).textContent(), { timeout: 2000, interval: 50 }).toContain("works with Lucy Evans");
    await expect.poll(() => list(claire).getByRole("list", { name: "Lucy Evans's relationships" }).textContent()).toContain("Dr Ben Carter works with them");

    // The parent reads the map; she cannot change it (only the picture, which is the family's too: mayChangeMapPicture).
    expect(await list(claire).locator("select, input:not([type=file]), button").count()).toBe(0);

    // Undo takes back Priya's last change (the relationship), for both of them.
    await priya.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => list(claire).getByRole("list", { name: "Dr Ben Carter's relationships" }).count(), { timeout: 2000, interval: 50 }).toBe(0);
    await priya.getByRole("button", { name: "Redo" }).click();
    await expect.poll(() => list(claire).getByRole("list", { name: "Dr Ben Carter's relationships" }).count(), { timeout: 2000, interval: 50 }).toBe(1);

    await expect.poll(() => priya.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
    await claire.reload();
    await claire.getByRole("button", { name: "A list" }).click();
    await list(claire).waitFor();
    await expect.poll(() => people(claire)).toEqual(["Dr Ben Carter", "Lucy Evans"]);
    expect(await list(claire).textContent()).toContain("Contact: 01632 960 111");

    for (const width of [1280, 390]) {
      await priya.setViewportSize({ width, height: 900 });
      expect(await axeViolations(priya, `the network map's list at ${width} px`)).toEqual([]);
      await priya.getByRole("button", { name: "A drawn map" }).click();
      await expect.poll(() => drawn(priya)).toEqual(["Dr Ben Carter", "Jamie Walker", "Lucy Evans"]);
      expect(await axeViolations(priya, `the drawn network map at ${width} px`)).toEqual([]);
      await priya.getByRole("button", { name: "A list" }).click();
    }
    expect(errors).toEqual([]);
  });
});
