import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { goToEndOfBlock } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

const signedIn = (emailLocal: string, errors: string[]): Promise<Page> => session.signedIn(emailLocal, errors);

/** A date a week from now, as a date box takes it. */
function aWeekFromNow(): string {
  return new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

const minutes = (page: Page) => page.getByTestId("minutes-editor");
const actionText = "Check the minibus route change with transport";

async function bookTrackerMeeting(priya: Page): Promise<string> {
  await openCase(priya, "Jamie Walker");
  await priya.getByRole("link", { name: "Book a meeting", exact: true }).click();
  await priya.getByRole("radio", { name: "Tracker meeting" }).check();
  // The booking started from Jamie's case, so he is already chosen.
  expect(await priya.getByRole("checkbox", { name: /Jamie Walker/ }).isChecked()).toBe(true);
  await priya.getByRole("checkbox", { name: /Aisha Reid/ }).check();
  await priya.getByLabel("Date").fill(aWeekFromNow());
  await priya.getByLabel("Start time").fill("10:00");
  await priya.getByLabel("Place (optional)").fill("Northbridge House, room 2");
  await priya.getByRole("checkbox", { name: "Mark Davies" }).check();
  // A tracker meeting is for professionals only: the family are not offered.
  expect(await priya.getByRole("checkbox", { name: "Claire Walker" }).count()).toBe(0);
  await priya.getByRole("button", { name: "Book the meeting" }).click();
  await priya.getByTestId("meeting-page").waitFor();
  await expect.poll(() => priya.getByTestId("meeting-status").textContent(), { timeout: 5000 }).toBe("Booked");
  return new URL(priya.url()).pathname;
}

/** Writes an action at the end of the "Actions" part of one child's section of the minutes. */
async function addActionUnder(page: Page, caseName: string, text: string): Promise<void> {
  // Each child's section is a document of its own (ADR 0017): its editor holds the child's heading.
  const editor = minutes(page).filter({ has: page.locator("h2[data-case-id]", { hasText: caseName }) });
  const prompt = editor.locator("h3", { hasText: "Actions" }).locator("xpath=following-sibling::p[1]");
  await prompt.click();
  await goToEndOfBlock(page, editor);
  await page.keyboard.press("Enter");
  await page.keyboard.type("/action ");
  await page.keyboard.type(text);
}

describe("a tracker meeting, run live", () => {
  it("is booked and started by the chair, and an action minuted under a child is done by its owner", async () => {
    const errors: string[] = [];
    const priya = await signedIn("priya.shah", errors);
    const meetingPath = await bookTrackerMeeting(priya);

    await priya.getByRole("button", { name: "Start the meeting" }).click();
    await expect.poll(() => priya.getByTestId("meeting-status").textContent(), { timeout: 5000 }).toBe("Happening now");
    // The general business and each child's section: three editors, each saved.
    await expect.poll(() => minutes(priya).count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(async () => (await priya.getByTestId("connection-state").allTextContents()).join(), { timeout: 10_000 }).toBe("Saved,Saved,Saved");

    // The agenda comes from the minutes; everyone sees the item the chair is on.
    await priya.getByRole("button", { name: "Start the first item" }).click();
    await expect.poll(() => priya.getByTestId("agenda-now").textContent(), { timeout: 5000 }).toContain("Welcome, introductions and apologies");

    await addActionUnder(priya, "Aisha Reid", actionText);
    const card = minutes(priya).getByTestId("action-item").filter({ hasText: actionText });
    await card.getByLabel("Who will do it").selectOption({ label: "Mark Davies (SENCO)" });
    await card.getByLabel("Due by").fill("2030-01-31");
    await expect.poll(async () => (await priya.getByTestId("connection-state").allTextContents()).join(), { timeout: 10_000 }).toBe("Saved,Saved,Saved");

    const mark = await signedIn("mark.davies", errors);
    await mark.getByTestId("my-actions-link").click();
    const row = mark.getByTestId("action-row").filter({ hasText: actionText });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    // Filed against Aisha: the case id on her section's heading survived the editing.
    expect(await row.textContent()).toContain("Aisha Reid");
    await row.getByRole("button", { name: /Mark as done/ }).click();

    // The chair's minutes, still open, show it done within a few seconds.
    await expect.poll(() => card.getByLabel("Status").inputValue(), { timeout: 5000 }).toBe("done");
    expect(await card.getAttribute("data-status")).toBe("done");

    // Anyone at the meeting sees the item the chair moves on to, live.
    await mark.goto(`${session.url()}${meetingPath}`);
    await expect.poll(() => mark.getByTestId("agenda-now").textContent(), { timeout: 10_000 }).toContain("Welcome, introductions and apologies");
    await priya.getByRole("button", { name: "Next item" }).click();
    await expect.poll(() => mark.getByTestId("agenda-now").textContent(), { timeout: 3000 }).toContain("Actions from the last meeting");

    const claire = await signedIn("claire.walker", errors);
    await claire.goto(`${session.url()}${meetingPath}`);
    await expect.poll(() => claire.getByRole("heading", { level: 1 }).textContent(), { timeout: 5000 }).toBe("We could not find this");
    expect(await claire.getByTestId("meeting-page").count()).toBe(0);
    expect(await minutes(claire).count()).toBe(0);

    expect(errors).toEqual([]);
  });
});
