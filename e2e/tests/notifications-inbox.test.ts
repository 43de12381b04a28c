import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";

// The overdue-actions job looks every second here (a minute by default), so the test waits on
// the job, not on a clock.
const session = useAppAndBrowser(() => ({ OVERDUE_CHECK_SECONDS: "1" }));

interface ActionJson {
  id: string;
  text: string;
  dueDate: string | null;
  status: string;
}

describe("the notifications inbox", () => {
  it("a notification appears in the header without a page load when an action of the reader's becomes overdue", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const link = priya.getByTestId("notifications-link");
    await expect.poll(() => link.getAttribute("aria-label")).toBe("Notifications");
    // Marks this page: a reload would lose it.
    await priya.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // One of Priya's actions gets a due date in the past (as if the day had passed).
    const api = (path: string) => `${session.url()}/api${path}`;
    const mine = (await (await priya.request.get(api("/actions?owner=me&overdue=false"))).json()) as ActionJson[];
    const action = mine.find((a) => a.status === "open" || a.status === "in-progress")!;
    expect(action).toBeDefined();
    expect((await priya.request.patch(api(`/actions/${action.id}`), { data: { dueDate: "2026-01-05" } })).status()).toBe(200);

    // The job finds it; the header counts it, on the same page, and says so in its name.
    await expect.poll(() => link.getAttribute("aria-label"), { timeout: 15_000 }).toBe("Notifications, 1 unread");
    expect(await priya.getByTestId("unread-count").textContent()).toBe("1");
    expect(await priya.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await expect.poll(() => priya.getByRole("status").filter({ hasText: "1 unread notification" }).count()).toBe(1);

    // The inbox lists it as unread; opening it marks it read and the count goes.
    await link.click();
    await priya.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    const item = priya.getByTestId("inbox-item").filter({ hasText: `Overdue: ${action.text}` });
    await item.waitFor();
    expect(await item.getByText("Unread", { exact: true }).count()).toBe(1);
    await item.getByRole("link", { name: `Overdue: ${action.text}` }).click();
    await priya.waitForURL((url) => url.pathname.startsWith("/documents/"));
    await expect.poll(() => link.getAttribute("aria-label"), { timeout: 10_000 }).toBe("Notifications");
    expect(errors).toEqual([]);
  });
});
