import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { blocksWithCarets, editorText, goToEndOfDocument } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";
import { openJamiesCarePlan } from "../support/case-page.js";

const session = useAppAndBrowser();

/** Jamie's care plan, then the family's own part of it ("What my family says"), by its link. */
async function openWhatMyFamilySays(emailLocal: string): Promise<Page> {
  const errors: string[] = [];
  const page = await session.signedIn(emailLocal, errors);
  await openJamiesCarePlan(page);
  await page.getByRole("navigation", { name: "Parts of this document" }).getByRole("link", { name: "What my family says" }).click();
  await editor(page).waitFor();
  await expect.poll(() => page.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
  expect(errors).toEqual([]);
  return page;
}

const editor = (page: Page) => page.getByTestId("family-views-editor");

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await goToEndOfDocument(page, editor(page));
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
    await expect.poll(() => editorText(editor(claire)), { timeout: 1000, interval: 50 }).toContain(fromPriya);
    await typeAtEnd(claire, fromClaire);
    await expect.poll(() => editorText(editor(priya)), { timeout: 1000, interval: 50 }).toContain(fromClaire);

    // Each sees the other's caret, labelled with their name, after the words they wrote.
    await expect.poll(() => blocksWithCarets(editor(priya)), { timeout: 1000, interval: 50 }).toContain(`${fromClaire}[Claire Walker]`);
    await expect.poll(() => blocksWithCarets(editor(claire)), { timeout: 1000, interval: 50 }).toContain(`${fromPriya}[Priya Shah]`);

    await expect.poll(() => priya.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
    await expect.poll(() => claire.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");

    await claire.reload();
    await expect.poll(() => editorText(editor(claire)), { timeout: 10_000 }).toContain(fromPriya);
    expect(await editorText(editor(claire))).toContain(fromClaire);
    // Priya's caret is where she left it, after her last word, not somewhere it passed through.
    await expect.poll(() => blocksWithCarets(editor(claire)), { timeout: 10_000 }).toContain(`${fromPriya}[Priya Shah]`);
  });
});
