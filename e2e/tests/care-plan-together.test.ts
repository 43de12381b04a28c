import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

/** Jamie's care plan, then the family's own part of it ("What my family says"), by its link. */
async function openWhatMyFamilySays(emailLocal: string): Promise<Page> {
  const errors: string[] = [];
  const page = await session.signedIn(emailLocal, errors);
  await page.getByRole("link", { name: "Jamie Walker" }).click();
  await page.getByRole("link", { name: "Jamie's care plan", exact: true }).click();
  await page.getByTestId("care-plan-editor").waitFor();
  await page.getByRole("navigation", { name: "Parts of this document" }).getByRole("link", { name: "What my family says" }).click();
  await editor(page).waitFor();
  await expect.poll(() => page.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
  expect(errors).toEqual([]);
  return page;
}

const editor = (page: Page) => page.getByTestId("family-views-editor");

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

describe("a keyworker and a parent write the family's part of the care plan together", () => {
  it("shows each person's words and caret to the other within a second, and keeps everything on reload", async () => {
    const priya = await openWhatMyFamilySays("priya.shah");
    const claire = await openWhatMyFamilySays("claire.walker");

    await expect.poll(() => priya.getByTestId("presence-list").textContent(), { timeout: 5000 }).toContain("Claire Walker");
    await expect.poll(() => claire.getByTestId("presence-list").textContent(), { timeout: 5000 }).toContain("Priya Shah");

    const fromPriya = "Priya: Jamie chose the bus route to school himself this week.";
    const fromClaire = "Claire: he asked to go back to swimming on Saturdays.";
    await typeAtEnd(priya, fromPriya);
    await expect.poll(() => editor(claire).textContent(), { timeout: 1000, interval: 50 }).toContain(fromPriya);
    await typeAtEnd(claire, fromClaire);
    await expect.poll(() => editor(priya).textContent(), { timeout: 1000, interval: 50 }).toContain(fromClaire);

    // Each sees the other's caret, labelled with their name.
    await expect.poll(() => priya.locator(".collaboration-carets__label").allTextContents(), { timeout: 1000, interval: 50 }).toContain("Claire Walker");
    await expect.poll(() => claire.locator(".collaboration-carets__label").allTextContents(), { timeout: 1000, interval: 50 }).toContain("Priya Shah");

    await expect.poll(() => priya.getByTestId("connection-state").textContent(), { timeout: 5000 }).toBe("Saved");
    await expect.poll(() => claire.getByTestId("connection-state").textContent(), { timeout: 5000 }).toBe("Saved");

    await claire.reload();
    await expect.poll(() => editor(claire).textContent(), { timeout: 10_000 }).toContain(fromPriya);
    expect(await editor(claire).textContent()).toContain(fromClaire);
  });
});
