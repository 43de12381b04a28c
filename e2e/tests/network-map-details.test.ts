/**
 * A person on the network map linked to a member of the child's team (issue 14), in Chromium, by
 * keyboard alone: a keyworker adds Lucy Evans from Jamie's team, and the list and the drawn map
 * show her contact details as the team has them, saying she is on Jamie's team; Lucy changes her
 * phone number on her own account, and the map shows the new one after a reload; then the
 * keyworker changes Lucy's role in the list ("Change details"), where Escape leaves it as it was
 * and the focus comes back to the button, and Undo takes the change back. axe-core finds nothing
 * on the list with the form open, at desktop and phone widths.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { newNetworkMap, tabTo } from "../support/network-map.js";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

const list = (page: Page) => page.getByTestId("network-map-list");
const lucyInList = (page: Page) => list(page).getByTestId("map-person").filter({ hasText: "Lucy Evans" });
const lucyOnMap = (page: Page) => page.locator(".react-flow__node").filter({ hasText: "Lucy Evans" });
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Presses a button by keyboard: the focus put on it, then Enter. */
async function press(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name, exact: true }).focus();
  await page.keyboard.press("Enter");
}

describe("a person on the network map linked to someone on the child's team", () => {
  it("shows their details as the team has them now, and their details change by keyboard, one Undo step", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const mapId = await newNetworkMap(priya, session.url(), "Who is round Jamie");

    await priya.goto(`${session.url()}/documents/${mapId}`);
    await priya.getByTestId("network-map-editor").waitFor({ timeout: 15_000 });
    await press(priya, "A list");
    await list(priya).waitFor();

    // A name is asked for, next to its box, when no one on the team is chosen.
    await priya.locator("#map-add-name").focus();
    await priya.keyboard.press("Enter");
    await expect.poll(() => priya.locator("#map-add-name-error").textContent()).toContain("Enter their name, or the service's");

    // Lucy Evans, chosen from Jamie's team by typing her name on the select: her name and agency are filled in.
    await priya.locator("#map-add-member").focus();
    await priya.keyboard.type("Lucy");
    await expect.poll(() => priya.locator("#map-add-name").inputValue()).toBe("Lucy Evans");
    expect(await priya.locator("#map-add-agency option:checked").textContent()).toBe("Northbridge Children's Social Care");
    await tabTo(priya, "form[aria-labelledby=map-add-heading] button[type=submit]");
    await priya.keyboard.press("Enter");

    // The list shows her as the team has her: job title, phone and email, and that she is on Jamie's team.
    await expect.poll(() => lucyInList(priya).textContent()).toContain("On Jamie's team");
    expect(await lucyInList(priya).textContent()).toContain("Lucy Evans, Social worker");
    expect(await lucyInList(priya).textContent()).toContain("Contact: 01632 960 455, lucy.evans@roundtable.demo");
    // So does the drawn map, and its node says so to a screen reader.
    await press(priya, "A drawn map");
    await expect.poll(() => lucyOnMap(priya).textContent(), { timeout: 15_000 }).toContain("01632 960 455, lucy.evans@roundtable.demo");
    expect(await lucyOnMap(priya).getAttribute("aria-label")).toBe(
      "Lucy Evans, Social worker, Northbridge Children's Social Care: On board. On Jamie's team. Contact: 01632 960 455, lucy.evans@roundtable.demo",
    );
    expect(await axeViolations(priya, "the drawn map with a linked person")).toEqual([]);
    await expect.poll(() => priya.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");

    // Lucy changes her phone number on her own account; the map shows the new one when opened again.
    const lucy = await session.signedIn("lucy.evans", errors);
    const changed = await lucy.request.put(`${session.url()}/api/me/contact`, { data: { phone: "01632 960 999", workingHours: "Monday to Friday, 8am to 4pm" } });
    expect(changed.status()).toBe(200);
    await priya.reload();
    await priya.getByTestId("network-map-canvas").waitFor({ timeout: 15_000 });
    await expect.poll(() => lucyOnMap(priya).textContent(), { timeout: 15_000 }).toContain("01632 960 999, lucy.evans@roundtable.demo");
    await press(priya, "A list");
    await expect.poll(() => lucyInList(priya).textContent()).toContain("Contact: 01632 960 999, lucy.evans@roundtable.demo");

    // Change details opens under her with the focus on its first field; Escape leaves everything as it was.
    const changeButton = "Change details of Lucy Evans";
    await press(priya, changeButton);
    const form = list(priya).getByRole("form", { name: "Change the details of Lucy Evans" });
    await form.waitFor();
    expect(await focusedId(priya)).toMatch(/-member$/);
    await priya.keyboard.press("Escape");
    await expect.poll(() => form.count()).toBe(0);
    expect(await priya.evaluate(() => document.activeElement?.textContent)).toBe(changeButton);

    // Open again: nothing on the list with the form open trips axe, at desktop and phone widths.
    await priya.keyboard.press("Enter");
    await form.waitFor();
    for (const width of [1280, 390]) {
      await priya.setViewportSize({ width, height: 900 });
      expect(await axeViolations(priya, `the list with Lucy's details open at ${width} px`)).toEqual([]);
    }
    await priya.setViewportSize({ width: 1280, height: 900 });

    // Her role, in the map's own words; Enter saves, and the focus is back on Change details.
    await tabTo(priya, "form[aria-label='Change the details of Lucy Evans'] input[id$=-role]");
    await priya.keyboard.type("Lead social worker, disabled children's team");
    await priya.keyboard.press("Enter");
    await expect.poll(() => form.count()).toBe(0);
    expect(await priya.evaluate(() => document.activeElement?.textContent)).toBe(changeButton);
    expect(await lucyInList(priya).textContent()).toContain("Lucy Evans, Lead social worker, disabled children's team");
    expect(await lucyInList(priya).textContent()).toContain("On Jamie's team");

    // Undo takes back that one change: her job title on the team shows again, and she stays on the map.
    await press(priya, "Undo");
    await expect.poll(() => lucyInList(priya).textContent()).toContain("Lucy Evans, Social worker");
    expect(await lucyInList(priya).textContent()).toContain("Contact: 01632 960 999");
    expect(errors).toEqual([]);
  });
});
