/**
 * A CETR whose actions get done (issue 13, ADR 0033): Priya, Jamie's keyworker, requests a CETR;
 * Helen (ICB) arranges it and gives Dr Ruth Adeyemi a place on its panel as independent chair;
 * Ruth writes a recommendation with two actions in the report. One is already past its due date,
 * so Helen's CETR actions page shows it overdue and she escalates it; Lucy, who owns it, is told.
 * When Jamie's next CETR is requested it opens with that action carried over — the same action —
 * and marking it done there shows done on Helen's page, open all along, without a reload.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { goToEndOfBlock } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

const overdueText = "Book a carer's assessment for Claire before half term";
const laterText = "Agree Jamie's reduced timetable in writing with school";

/** A date `days` from today, as a date box takes it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function requestCetr(priya: Page, reason: string): Promise<string> {
  await openCase(priya, "Jamie Walker");
  await priya.getByRole("button", { name: "Request a CETR" }).click();
  await priya.getByLabel("Why is a CETR needed now?").fill(reason);
  await priya.getByLabel(/^Community CETR/).check();
  await priya.getByRole("button", { name: "Send the request to the ICB" }).click();
  await priya.getByTestId("cetr-page").waitFor();
  await expect.poll(() => priya.getByTestId("cetr-status").textContent(), { timeout: 10_000 }).toContain("Requested");
  return new URL(priya.url()).pathname;
}

/** Writes an action under a key line of enquiry's Recommendations, with its owner and due date. */
async function addRecommendedAction(page: Page, question: string, text: string, owner: string, dueDate: string): Promise<void> {
  const report = page.getByTestId("cetr-editor");
  const recommendations = report.locator("h2", { hasText: question }).locator("xpath=following-sibling::h3[normalize-space()='Recommendations'][1]/following-sibling::p[1]");
  await recommendations.click();
  await goToEndOfBlock(page, report);
  await page.keyboard.press("Enter");
  await page.keyboard.type("/action ");
  await page.keyboard.type(text);
  const card = report.getByTestId("action-item").filter({ hasText: text });
  await card.getByLabel("Who will do it").selectOption({ label: owner });
  await card.getByLabel("Due by").fill(dueDate);
  await card.getByLabel("Due by").blur();
  // A date already past is asked about first (it is usually a slip): here it is meant.
  if (dueDate < new Date().toISOString().slice(0, 10)) await card.getByRole("button", { name: "Yes, use this date" }).click();
}

describe("a CETR whose actions get done", () => {
  it("is requested, arranged, written by its panel, chased when overdue, and carried into the next CETR", { timeout: 240_000 }, async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const cetrPath = await requestCetr(priya, "Jamie has been to A&E twice this month and school is at risk.");

    // The ICB lead finds the request on her home page and arranges it, with an independent chair.
    const helen = await session.signedIn("helen.morris", errors);
    await helen.getByTestId("my-cetrs").getByRole("link", { name: "Jamie Walker" }).first().waitFor();
    await helen.goto(`${session.url()}${cetrPath}`);
    await helen.getByLabel("Their email address").fill("ruth.adeyemi@roundtable.demo");
    await helen.getByLabel("Their place on the panel").selectOption({ label: "Independent chair" });
    await helen.getByRole("button", { name: "Add to the panel" }).click();
    await expect.poll(() => helen.getByRole("region", { name: "The panel", exact: true }).textContent(), { timeout: 10_000 }).toContain("Dr Ruth Adeyemi, independent chair");
    await helen.getByLabel("Date of the CETR").fill(inDays(7));
    await helen.getByLabel("Chair").selectOption({ label: "Dr Ruth Adeyemi" });
    await helen.getByRole("button", { name: "Arrange the CETR" }).click();
    await expect.poll(() => helen.getByTestId("cetr-status").textContent(), { timeout: 10_000 }).toContain("Arranged");

    // The panel's chair, on no child's team, reaches the CETR from her home page and writes in it.
    const ruth = await session.signedIn("ruth.adeyemi", errors);
    await ruth.getByTestId("my-cetrs").getByRole("link", { name: "Jamie Walker" }).first().waitFor();
    await ruth.goto(`${session.url()}${cetrPath}`);
    await ruth.getByTestId("cetr-editor").waitFor();
    await addRecommendedAction(ruth, "Am I safe?", overdueText, "Lucy Evans (Social worker)", inDays(-3));
    await addRecommendedAction(ruth, "Am I safe?", laterText, "Mark Davies (SENCO)", inDays(30));
    await expect.poll(() => ruth.getByTestId("connection-state").textContent(), { timeout: 10_000 }).toBe("Saved");

    // Overdue on Helen's CETR actions page; she escalates it.
    await helen.getByTestId("cetr-actions-link").click();
    const row = helen.getByTestId("cetr-actions-overdue").getByTestId("cetr-action-row").filter({ hasText: overdueText });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await helen.getByTestId("cetr-action-row").filter({ hasText: laterText }).count()).toBe(1);
    await row.getByRole("button", { name: /^Escalate/ }).click();
    await row.getByLabel(/What do you need to happen\?/).fill("Please book this now: Claire is struggling and the CETR asked for it.");
    await row.getByRole("button", { name: /^Send/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Escalated/);

    // Lucy, who owns it, is told.
    const lucy = await session.signedIn("lucy.evans", errors);
    await lucy.goto(`${session.url()}/notifications`);
    await expect.poll(() => lucy.locator("main").textContent(), { timeout: 10_000 }).toMatch(/escalated/i);

    // Jamie's next CETR opens with the overdue action carried over: the same action.
    const nextPath = await requestCetr(priya, "Follow-up: the carer's assessment still has not happened.");
    const carried = priya.getByTestId("cetr-carried").getByTestId("carried-action").filter({ hasText: overdueText });
    await expect.poll(() => carried.count(), { timeout: 10_000 }).toBe(1);
    const actionId = await row.getAttribute("data-action-id");
    expect(await carried.getAttribute("data-action-id")).toBe(actionId);
    expect(nextPath).not.toBe(cetrPath);

    // Marked done there: Helen's page, open all along, shows it done without a reload.
    await carried.getByRole("button", { name: /^Mark as done/ }).click();
    await expect.poll(() => carried.getByTestId("carried-decision").textContent(), { timeout: 10_000 }).toContain("This CETR: Done");
    await expect.poll(() => helen.getByTestId("cetr-action-row").filter({ hasText: overdueText }).count(), { timeout: 10_000 }).toBe(0);
    expect(await helen.getByTestId("cetr-action-row").filter({ hasText: laterText }).count()).toBe(1);

    expect(errors).toEqual([]);
  });
});
