/**
 * Opening a child's case page as a person would, and waiting until it has settled: its actions
 * and meetings arrive after the page and push what is below them down, so a link clicked while
 * they are still loading can be missed (CI saw "Jamie's care plan" and "Book a meeting" clicks
 * go nowhere). Waiting for the page's loading lines to go is what a person's eye does too.
 */
import type { Page } from "playwright-core";

export async function openCase(page: Page, name: string): Promise<void> {
  await page.getByRole("link", { name, exact: true }).first().click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.locator("main .rt-loading").first().waitFor({ state: "detached" });
}

/** From the home page, Jamie's care plan, open and shown (the demo's main plan). */
export async function openJamiesCarePlan(page: Page): Promise<void> {
  await openCase(page, "Jamie Walker");
  await page.getByRole("link", { name: "Jamie's care plan", exact: true }).click();
  await page.getByTestId("care-plan-editor").waitFor();
}
