/**
 * Each person is offered only the screens they may use: a parent who types the overdue page's
 * address is told, in plain words, it is not for her, with a link home — and nothing is asked of
 * the server that it would refuse. A keyworker's menu has Overdue for her own caseload.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

/** Every API answer of 400 or more while the page is open. */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on("response", (res) => {
    if (res.url().includes("/api/") && res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  return failed;
}

describe("the screens each person is offered", () => {
  it("tells a parent the overdue page is not for her, links home, and asks the server nothing it would refuse", async () => {
    const errors: string[] = [];
    const claire = await session.signedIn("claire.walker", errors);
    await claire.getByRole("heading", { level: 1, name: "Your child" }).waitFor();
    expect(await claire.getByTestId("overdue-link").count()).toBe(0);
    const failed = failedRequests(claire);
    for (const path of ["/overdue", "/meetings/new", "/account/two-step"]) {
      await claire.goto(`${session.url()}${path}`);
      await claire.getByRole("heading", { level: 1, name: "This page is not for you" }).waitFor();
      expect(await claire.getByRole("button").filter({ hasText: /mark as done|change due date/i }).count(), path).toBe(0);
    }
    await claire.goto(`${session.url()}/overdue`);
    await claire.getByRole("heading", { level: 1, name: "This page is not for you" }).waitFor();
    await claire.getByText("ask your keyworker", { exact: false }).waitFor();
    await claire.getByRole("link", { name: "Go to your child's page" }).click();
    await claire.getByRole("heading", { level: 1, name: "Your child" }).waitFor();
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("gives a keyworker Overdue for her own caseload in the menu", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const failed = failedRequests(priya);
    const link = priya.getByTestId("overdue-link");
    expect(await link.textContent()).toBe("Overdue on my caseload");
    await link.click();
    await priya.getByRole("heading", { level: 1, name: "Overdue actions on your caseload" }).waitFor();
    await priya.getByTestId("overdue-actions").getByRole("status").filter({ hasText: /overdue action/ }).waitFor();
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("tells the keyworker she is the keyworker, and the family who their keyworker is (never a RAG rating)", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    await openCase(priya, "Jamie Walker");
    await priya.getByRole("heading", { level: 1, name: "Jamie Walker" }).waitFor();
    expect(await priya.getByTestId("case-summary").textContent()).toContain("KeyworkerYou");
    await priya.getByText("What the RAG colours mean").first().waitFor();
    const jamie = await session.signedIn("jamie.walker", errors);
    await jamie.getByRole("heading", { level: 1, name: "My plan" }).waitFor();
    await openCase(jamie, "Jamie Walker");
    await jamie.getByText("My keyworker").waitFor();
    expect(await jamie.getByText(/RAG/).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("lets a professional keep her own phone and working hours, which her team then sees", async () => {
    const errors: string[] = [];
    const mark = await session.signedIn("mark.davies", errors);
    await openCase(mark, "Jamie Walker");
    await mark.getByRole("link", { name: "How to contact Jamie's team" }).click();
    await mark.getByRole("link", { name: "Change your phone number or working hours" }).click();
    await mark.getByLabel("Phone number").fill("01632 960 777");
    await mark.getByLabel("Working hours").fill("Term time, 8am to 4pm");
    await mark.getByRole("button", { name: "Save contact details" }).click();
    await mark.getByText("Your contact details are saved. Your teams see them now.").waitFor();
    const claire = await session.signedIn("claire.walker", errors);
    await openCase(claire, "Jamie Walker");
    await claire.getByRole("link", { name: "How to contact Jamie's team" }).click();
    await claire.getByRole("link", { name: /01632 960 777/ }).waitFor();
    await claire.getByText("Works term time, 8am to 4pm").waitFor();
    expect(await claire.getByRole("link", { name: "Change your phone number or working hours" }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
