/**
 * A professional invited to a tracker meeting for one child opens it and sees only that child's
 * section (ADR 0017). Helen Morris (ICB) is on Jamie's team and Jamie's family shares with the
 * ICB; Aisha's does not. The booking form says so before she is invited, and the meeting she
 * opens has Jamie's section only — Aisha's is never sent to her browser.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorText } from "../support/editor-text.js";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

function aWeekFromNow(): string {
  return new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

const minutes = (page: Page) => page.getByTestId("minutes-editor");

describe("a tracker meeting, per child", () => {
  it("a professional invited to a tracker meeting for one child opens it and sees only that child's section", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    await openCase(priya, "Jamie Walker");
    await priya.getByRole("link", { name: "Book a meeting", exact: true }).click();
    await priya.getByRole("radio", { name: "Tracker meeting" }).check();
    await priya.getByRole("checkbox", { name: /Aisha Reid/ }).check();
    await priya.getByLabel("Date").fill(aWeekFromNow());
    await priya.getByLabel("Start time").fill("10:00");

    // The booking form offers Helen, and says she will see Jamie's section only.
    const helenBox = priya.getByRole("checkbox", { name: "Helen Morris" });
    await expect.poll(() => helenBox.count(), { timeout: 10_000 }).toBe(1);
    const helenHint = priya.locator(`#${await helenBox.getAttribute("aria-describedby")}`);
    await expect.poll(() => helenHint.textContent(), { timeout: 10_000 }).toContain("Will see Jamie Walker's section only");
    await helenBox.check();
    await priya.getByRole("checkbox", { name: "Mark Davies" }).check();
    await priya.getByRole("button", { name: "Book the meeting" }).click();
    await priya.getByTestId("meeting-page").waitFor();
    const meetingPath = new URL(priya.url()).pathname;
    // The chair sees every part: the general business and both children's sections.
    await expect.poll(() => minutes(priya).count(), { timeout: 10_000 }).toBe(3);
    expect(await priya.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Tracker meeting, \w{3} \d{1,2} \w{3} \d{4}$/);

    const helen = await session.signedIn("helen.morris", errors);
    await helen.goto(`${session.url()}${meetingPath}`);
    await helen.getByTestId("meeting-page").waitFor();
    await expect.poll(() => helen.getByTestId("minutes-withheld").textContent(), { timeout: 10_000 }).toBe(
      "You see the section for Jamie Walker only. Not shown: 1 other child's section, which is not shared with you.",
    );
    await expect.poll(() => minutes(helen).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => editorText(minutes(helen)), { timeout: 10_000 }).toContain("Jamie Walker");
    expect(await helen.getByRole("heading", { level: 1 }).textContent()).not.toBe("We could not find this");
    // Nothing of Aisha's reaches her browser: not her name, not her section.
    expect(await helen.locator("body").textContent()).not.toContain("Aisha");
    expect(await minutes(helen).locator("h2[data-case-id]").count()).toBe(1);
    // She writes in her child's section, as an invitee.
    expect(await minutes(helen).getAttribute("contenteditable")).toBe("true");
    // Her written contribution is about Jamie, the child she sees; the chair reads it.
    await helen.getByLabel("Add your comments before the meeting").fill("Jamie's CETR is booked for January.");
    await helen.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => helen.getByText("Jamie's CETR is booked for January.").count(), { timeout: 5000 }).toBeGreaterThan(0);

    expect(errors).toEqual([]);
  });
});
