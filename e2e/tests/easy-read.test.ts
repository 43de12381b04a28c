import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();
const ukDate = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}";

async function agreedMeetingOf(page: Page, caseName: string): Promise<string> {
  const api = (path: string) => `${session.url()}/api${path}`;
  const cases = (await (await page.request.get(api("/cases"))).json()) as { id: string; name: string }[];
  const caseId = cases.find((c) => c.name === caseName)!.id;
  const meetings = (await (await page.request.get(api(`/cases/${caseId}/meetings`))).json()) as { id: string; status: string }[];
  return meetings.find((m) => m.status === "minutes-agreed")!.id;
}

const toggle = (page: Page) => page.getByRole("button", { name: "Easy read" });

describe("easy read", () => {
  it("the easy-read view of the agreed minutes lists the actions as who/what/when", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const meetingId = await agreedMeetingOf(priya, "Jamie Walker");
    await priya.goto(`${session.url()}/meetings/${meetingId}`);
    await priya.getByTestId("meeting-page").waitFor();
    await expect.poll(() => toggle(priya).getAttribute("aria-pressed")).toBe("false");
    await toggle(priya).click();
    await expect.poll(() => toggle(priya).getAttribute("aria-pressed")).toBe("true");

    const view = priya.getByTestId("easy-read-view");
    await view.getByRole("heading", { level: 2, name: "The agreed minutes in easy read" }).waitFor();
    const actions = view.getByTestId("easy-read-actions").getByRole("listitem");
    await actions.first().waitFor();
    expect(await actions.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^Dr Ben Carter will share the updated crisis plan with the school and the out-of-hours team by ${ukDate}\\.$`)),
    ]);
    // One idea a line: a paragraph of two sentences is two lines.
    await view.getByText("CAMHS will offer a crisis-plan appointment within two weeks.", { exact: true }).waitFor();
    await view.getByText("Social care will complete the short breaks assessment before the review.", { exact: true }).waitFor();
    // Large type: at least one and a half times the page's body text.
    for (const text of [view.locator(".rt-easy-read__line").first(), actions.first()]) {
      const [size, body] = await text.evaluate((el) => [Number.parseFloat(getComputedStyle(el).fontSize), Number.parseFloat(getComputedStyle(document.body).fontSize)]);
      expect(size!).toBeGreaterThanOrEqual(1.5 * body!);
    }

    // Remembered for Priya, on another device too.
    const elsewhere = await session.signedIn("priya.shah", errors);
    await elsewhere.goto(`${session.url()}/meetings/${meetingId}`);
    await elsewhere.getByTestId("easy-read-view").waitFor();
    await expect.poll(() => toggle(elsewhere).getAttribute("aria-pressed")).toBe("true");
    await toggle(elsewhere).click();
    await expect.poll(() => toggle(elsewhere).getAttribute("aria-pressed")).toBe("false");
    await elsewhere.getByRole("heading", { name: "Minutes", level: 2, exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it("words the care plan's headings as the young person would, on a phone", async () => {
    const errors: string[] = [];
    const claire = await session.signedIn("claire.walker", errors);
    await claire.setViewportSize({ width: 390, height: 844 });
    await openCase(claire, "Jamie Walker");
    await claire.getByRole("link", { name: /care plan/i }).first().click();
    await claire.waitForURL((url) => url.pathname.startsWith("/documents/"));
    await toggle(claire).click();
    const view = claire.getByTestId("easy-read-view");
    await view.getByRole("heading", { name: "Who is helping me, and when" }).waitFor();
    const actions = await view.getByTestId("easy-read-actions").getByRole("listitem").allTextContents();
    expect(actions).toContainEqual(expect.stringMatching(new RegExp(`^Mark Davies will write a part-time timetable with Jamie and share it a week before it starts by ${ukDate}\\.$`)));
    // Nothing wider than the phone.
    expect(await claire.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await toggle(claire).click();
    expect(errors).toEqual([]);
  });
});
