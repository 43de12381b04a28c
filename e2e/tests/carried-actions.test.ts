/**
 * Actions from the last meeting (ADR 0027): Priya, Jamie's keyworker, opens the demo's next
 * tracker meeting; Jamie's section starts with the actions still open from the last one. She marks
 * one done there, and My actions shows the same action — the same id — done.
 */
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

const youthClub = "Find a Saturday youth club Jamie could try, and go with him the first time";

describe("actions from the last meeting", () => {
  it("a keyworker opens a tracker meeting, marks Jamie's action from the last meeting done, and My actions shows the same action done", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    await openCase(priya, "Jamie Walker");
    // The next tracker meeting, in five days (the demo's last one was four weeks ago).
    const upcoming = priya.getByRole("link", { name: /^Tracker meeting, / });
    await expect.poll(() => upcoming.count(), { timeout: 10_000 }).toBe(2);
    await upcoming.first().click();
    await priya.getByTestId("meeting-page").waitFor();

    const jamies = priya.getByRole("region", { name: "Actions from the last meeting for Jamie Walker" });
    const item = jamies.getByTestId("carried-action").filter({ hasText: youthClub });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    const actionId = await item.getAttribute("data-action-id");
    expect(await item.getByTestId("carried-status").textContent()).toBe("In progress");
    // Aisha's actions are in her own section, not Jamie's.
    expect(await jamies.textContent()).not.toContain("Arrange a visit to the new school");

    await item.getByRole("button", { name: /^Mark as done/ }).click();
    await expect.poll(() => item.getByTestId("carried-decision").textContent(), { timeout: 5000 }).toBe("This meeting: Done (Priya Shah)");
    expect(await item.getByTestId("carried-status").textContent()).toBe("Done");
    // The decision is where the keyboard now is: the buttons went with the open action.
    expect(await priya.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("carried-decision");

    await priya.getByTestId("my-actions-link").click();
    const row = priya.getByTestId("action-row").filter({ hasText: youthClub });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getAttribute("data-action-id")).toBe(actionId);
    expect(await row.textContent()).toContain("Nothing to do");
    expect(await row.textContent()).toMatch(/Done/);
    expect(errors).toEqual([]);
  });
});
