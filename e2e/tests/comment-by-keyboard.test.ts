/**
 * A parent who may only comment has no caret in the plan, so cannot select words by keyboard:
 * "Comment on the plan" asks which part the comment is about, by its heading. Keyboard alone.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";
import { openJamiesCarePlan } from "../support/case-page.js";

const session = useAppAndBrowser();

/** Presses Tab until the focused element is the one named, as a keyboard user would. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe("commenting on one part of the care plan by keyboard alone", () => {
  it("lets a parent choose the part by its heading, and the comment is shown against that part", async () => {
    const errors: string[] = [];
    const page = await session.signedIn("claire.walker", errors);
    await openJamiesCarePlan(page);
    await expect.poll(() => page.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");

    await tabTo(page, "Comment on the plan");
    await page.keyboard.press("Enter");
    // The comment box takes focus; the question about which part comes just before it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.press("Shift+Tab");
    const choice = page.getByLabel("What is your comment about?");
    await expect.poll(() => choice.evaluate((el) => el === document.activeElement)).toBe(true);
    const options = await choice.locator("option").allTextContents();
    expect(options[0]).toBe("About the whole plan");
    const wanted = options.indexOf("The part headed “Needs and strengths”");
    expect(wanted).toBeGreaterThan(0);
    for (let i = 0; i < wanted; i++) await page.keyboard.press("ArrowDown");
    expect(await choice.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe("The part headed “Needs and strengths”");

    await page.keyboard.press("Tab");
    await page.keyboard.type("Could we add that Jamie finds the lunch hall too loud?");
    await tabTo(page, "Add comment");
    await page.keyboard.press("Enter");

    const added = page.getByTestId("comments-panel").locator("li", { hasText: "Could we add that Jamie finds the lunch hall too loud?" });
    await added.waitFor();
    expect((await added.locator("blockquote").textContent())?.trim()).toBe("About: Needs and strengths");
    // Shown against that part of the plan: the heading carries the comment's highlight.
    await expect
      .poll(() => page.getByTestId("care-plan-editor").locator("h2", { hasText: "Needs and strengths" }).locator(".rt-comment-highlight").count())
      .toBe(1);
    expect(errors).toEqual([]);
  });
});
