/**
 * The relationships on a network map (issue 14), in Chromium: the service lead adds the
 * service's own on the Agencies page and puts them in order, by keyboard alone; a keyworker then
 * changes a relationship on a child's map from the list, by keyboard alone — to one of the
 * service's words, then to words of her own ("Other…") — while the child's mum, on the same map,
 * sees each change live; Escape leaves the words as they were and Undo takes a change back; on
 * the drawn map, Enter on the relationship's line opens the same choice in a dialog. axe-core
 * finds nothing on the new section, the list's form or the dialog, at desktop and phone widths.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { newNetworkMap } from "../support/network-map.js";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

const isFocused = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el === document.activeElement);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");

/** Press `key` (Tab, or Shift+Tab) until `selector` has the focus, pressing nothing else. */
async function pressUntilFocused(page: Page, selector: string, key = "Tab"): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await isFocused(page, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${selector}`);
}

const ownWords = (page: Page) => page.getByTestId("relationship-label").locator(".rt-relationship-labels__word").allTextContents();
const list = (page: Page) => page.getByTestId("network-map-list");
const relationshipsOf = (page: Page, name: string) => list(page).getByRole("list", { name: `${name}'s relationships` });

describe("the relationships on a network map", () => {
  it("are the service's own words after the defaults, and are changed by keyboard alone from the list or the drawn map, live for everyone", async () => {
    const errors: string[] = [];

    // The service lead adds two of the service's own and moves the second up, by keyboard.
    const angela = await session.signedIn("angela.okafor", errors);
    await angela.goto(`${session.url()}/agencies`);
    const section = angela.getByTestId("relationship-labels");
    await section.getByText("None yet").waitFor({ timeout: 15_000 });
    await angela.locator("#relationship-label-new").focus();
    await angela.keyboard.type("supervises");
    await angela.keyboard.press("Enter");
    await expect.poll(() => ownWords(angela)).toEqual(["supervises"]);
    expect(await isFocused(angela, "#relationship-label-new")).toBe(true);
    await angela.keyboard.type("  advocate   for ");
    await angela.keyboard.press("Enter");
    await expect.poll(() => ownWords(angela)).toEqual(["supervises", "advocate for"]);
    // Written again in capitals, it is refused and said next to the box.
    await angela.keyboard.type("Supervises");
    await angela.keyboard.press("Enter");
    await expect.poll(() => section.locator(".nhsuk-error-message").textContent()).toContain("“supervises” is on the list already");
    await angela.keyboard.press("Control+A");
    await angela.keyboard.press("Backspace");
    await pressUntilFocused(angela, 'button:has-text("Move up “advocate for”")', "Shift+Tab");
    await angela.keyboard.press("Enter");
    await expect.poll(() => ownWords(angela)).toEqual(["advocate for", "supervises"]);
    // The focus stays on the button pressed, on the word it moved.
    await expect.poll(() => focusedText(angela)).toBe("Move up “advocate for”, it is first");
    for (const width of [1280, 390]) {
      await angela.setViewportSize({ width, height: 900 });
      expect(await axeViolations(angela, `the relationships on the Agencies page at ${width} px`)).toEqual([]);
    }

    // A keyworker makes Jamie's map with two people and a relationship between them.
    const priya = await session.signedIn("priya.shah", errors);
    const mapId = await newNetworkMap(priya, session.url(), "Jamie's network");
    const openList = async (page: Page) => {
      await page.goto(`${session.url()}/documents/${mapId}`);
      await page.getByTestId("network-map-editor").waitFor({ timeout: 15_000 });
      await page.getByRole("button", { name: "A list" }).click();
      await list(page).waitFor();
    };
    await openList(priya);
    for (const name of ["Dr Ben Carter", "Lucy Evans"]) {
      await priya.locator("#map-add-name").fill(name);
      await priya.keyboard.press("Enter");
      await list(priya).getByTestId("map-person").locator("strong", { hasText: name }).waitFor();
    }
    // The connect form offers the service's words after the defaults.
    expect(await priya.locator("form[aria-labelledby=map-connect-heading] datalist option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      "works with",
      "refers to",
      "family",
      "strained",
      "advocate for",
      "supervises",
    ]);
    await priya.locator("#map-connect-from").selectOption({ label: "Dr Ben Carter" });
    await priya.locator("#map-connect-label").fill("works with");
    await priya.locator("#map-connect-to").selectOption({ label: "Lucy Evans" });
    await priya.getByRole("button", { name: "Connect them" }).click();
    await expect.poll(() => relationshipsOf(priya, "Dr Ben Carter").textContent()).toContain("works with Lucy Evans");

    const claire = await session.signedIn("claire.walker", errors);
    await openList(claire);
    await expect.poll(() => relationshipsOf(claire, "Dr Ben Carter").textContent()).toContain("works with Lucy Evans");
    // The mum reads the relationship; she cannot change it.
    expect(await relationshipsOf(claire, "Dr Ben Carter").locator("button").count()).toBe(0);

    // Change it by keyboard: Tab to Change, Enter, choose the service's word, Tab to Save, Enter.
    const change = 'button[aria-expanded]:has-text("the relationship: Dr Ben Carter")';
    await priya.getByLabel("Status of Dr Ben Carter").focus();
    await pressUntilFocused(priya, change);
    await priya.keyboard.press("Enter");
    await expect.poll(() => isFocused(priya, ".rt-relationship-form select")).toBe(true);
    expect(await priya.locator(".rt-relationship-form label").first().textContent()).toBe("How Dr Ben Carter is related to Lucy Evans");
    for (const width of [1280, 390]) {
      await priya.setViewportSize({ width, height: 900 });
      expect(await axeViolations(priya, `changing a relationship in the list at ${width} px`)).toEqual([]);
    }
    await priya.keyboard.type("sup");
    await pressUntilFocused(priya, '.rt-relationship-form button[type="submit"]');
    await priya.keyboard.press("Enter");
    await expect.poll(() => relationshipsOf(claire, "Dr Ben Carter").textContent(), { timeout: 2000, interval: 50 }).toContain("supervises Lucy Evans");
    expect(await relationshipsOf(claire, "Lucy Evans").textContent()).toContain("Dr Ben Carter supervises them");
    // The form has gone and the focus is back on Change, whose name says the relationship as it now is.
    expect(await priya.locator(".rt-relationship-form").count()).toBe(0);
    expect(await focusedText(priya)).toBe("Change the relationship: Dr Ben Carter, supervises Lucy Evans");

    // Words of her own: "Other…", then a box to write them in; Enter there saves.
    await priya.keyboard.press("Enter");
    await priya.keyboard.type("Oth");
    await priya.keyboard.press("Tab");
    expect(await isFocused(priya, ".rt-relationship-form input")).toBe(true);
    await priya.keyboard.type("co-ordinates care with");
    await priya.keyboard.press("Enter");
    await expect.poll(() => relationshipsOf(claire, "Dr Ben Carter").textContent(), { timeout: 2000, interval: 50 }).toContain("co-ordinates care with Lucy Evans");

    // Opened again it shows her own words; Escape leaves them as they were.
    await priya.keyboard.press("Enter");
    expect(await priya.locator(".rt-relationship-form select").inputValue()).toBe("other");
    expect(await priya.locator(".rt-relationship-form input").inputValue()).toBe("co-ordinates care with");
    await priya.keyboard.press("ArrowUp");
    await priya.keyboard.press("Escape");
    expect(await priya.locator(".rt-relationship-form").count()).toBe(0);
    expect(await isFocused(priya, change)).toBe(true);
    expect(await relationshipsOf(priya, "Dr Ben Carter").textContent()).toContain("co-ordinates care with Lucy Evans");

    // Undo takes back her last change, for both of them.
    await priya.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => relationshipsOf(claire, "Dr Ben Carter").textContent(), { timeout: 2000, interval: 50 }).toContain("supervises Lucy Evans");

    // On the drawn map: Enter on the relationship's line opens the same choice in a dialog.
    await priya.setViewportSize({ width: 1280, height: 900 });
    await priya.getByRole("button", { name: "A drawn map" }).click();
    const line = priya.getByRole("group", { name: "Dr Ben Carter supervises Lucy Evans" });
    await line.waitFor({ timeout: 15_000 });
    await line.focus();
    await priya.keyboard.press("Enter");
    const dialog = priya.getByRole("dialog", { name: "Change the relationship" });
    await dialog.waitFor();
    expect(await dialog.locator("select").evaluate((el) => el === document.activeElement)).toBe(true);
    for (const width of [1280, 390]) {
      await priya.setViewportSize({ width, height: 900 });
      expect(await axeViolations(priya, `changing a relationship on the drawn map at ${width} px`)).toEqual([]);
    }
    await priya.keyboard.type("str");
    await pressUntilFocused(priya, 'dialog button[type="submit"]');
    await priya.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => priya.locator(".react-flow__edge-text").allTextContents()).toEqual(["strained"]);
    await expect.poll(() => relationshipsOf(claire, "Dr Ben Carter").textContent(), { timeout: 2000, interval: 50 }).toContain("strained Lucy Evans");
    // The focus is back on the line, which is said as it now is.
    expect(await priya.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Dr Ben Carter strained Lucy Evans");

    expect(errors).toEqual([]);
  });
});
