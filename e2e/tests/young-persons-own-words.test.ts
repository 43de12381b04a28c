import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorText, goToEndOfDocument } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";
import { openJamiesCarePlan } from "../support/case-page.js";

const session = useAppAndBrowser();

/** Jamie's care plan, then the young person's own part of it ("In my own words"), by its link. */
async function openInMyOwnWords(emailLocal: string, errors: string[]): Promise<Page> {
  const page = await session.signedIn(emailLocal, errors);
  await openJamiesCarePlan(page);
  await page.getByRole("navigation", { name: "Parts of this document" }).getByRole("link", { name: "In my own words" }).click();
  await editor(page).waitFor();
  await expect.poll(() => page.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");
  return page;
}

const editor = (page: Page) => page.getByTestId("young-person-views-editor");

describe("the young person's own voice (ADR 0026)", () => {
  it("the young person writes in 'What matters to me' and a parent sees it, and may comment but not change it", async () => {
    const errors: string[] = [];
    const jamie = await openInMyOwnWords("jamie.walker", errors);
    const claire = await openInMyOwnWords("claire.walker", errors);
    await claire.getByText("The young person writes this part of the plan, in their own words. You can read it and comment on it.").waitFor();

    // "What matters to me" is the last section of Jamie's own part: he writes at its end.
    const words = "Jamie: I want to choose who comes to my review.";
    await editor(jamie).click();
    await goToEndOfDocument(jamie, editor(jamie));
    await jamie.keyboard.press("Enter");
    await jamie.keyboard.type(words);
    await expect.poll(() => editorText(editor(claire)), { timeout: 2000, interval: 50 }).toContain(words);
    const text = await editorText(editor(claire));
    expect(text.indexOf(words)).toBeGreaterThan(text.indexOf("What matters to me"));
    await expect.poll(() => jamie.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");

    // Still there for her after a reload: it was kept, not only passed along.
    await claire.reload();
    await expect.poll(() => editorText(editor(claire)), { timeout: 10_000 }).toContain(words);
    expect(errors).toEqual([]);
  });
});
