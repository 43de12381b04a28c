/**
 * Communication needs recorded from the app, by keyboard alone, and the care plan's history in
 * words: Priya (Jamie's keyworker) records Claire's interpreter from the team page and sees it
 * there; Claire records her own large print; Priya's edit to the plan shows in Claire's history.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

/** Tab forward until the focused element is the one `locatorText` names; at most 80 presses. */
async function tabTo(page: Page, accessibleName: RegExp): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (label ?? el.textContent ?? "").trim();
    });
    if (accessibleName.test(name)) return;
  }
  throw new Error(`Nothing named ${accessibleName} was reached by Tab`);
}

describe("recorded in words", () => {
  it("the keyworker records a parent's communication needs from the team page, and the parent records their own, by keyboard", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const cases = (await (await priya.request.get(`${session.url()}/api/cases`)).json()) as { id: string; name: string }[];
    const jamie = cases.find((c) => c.name === "Jamie Walker")!;
    await priya.goto(`${session.url()}/cases/${jamie.id}/team`);
    await priya.getByRole("heading", { level: 1, name: "Jamie Walker's team" }).waitFor();
    await tabTo(priya, /^Record communication needs for Claire Walker$/);
    await priya.keyboard.press("Enter");
    await priya.getByRole("heading", { level: 1, name: "Claire Walker's communication needs" }).waitFor();
    await tabTo(priya, /^An interpreter$/);
    await priya.keyboard.press("Space");
    await tabTo(priya, /^Save communication needs$/);
    await priya.keyboard.press("Enter");
    // No language yet: the error summary takes focus and links to the field.
    await priya.getByRole("alert").getByRole("link", { name: "Say which language the interpreter should speak" }).waitFor();
    await priya.getByRole("alert").getByRole("link").press("Enter");
    await expect.poll(() => priya.evaluate(() => document.activeElement?.id)).toBe("interpreterLanguage");
    await priya.keyboard.type("Urdu");
    await tabTo(priya, /^Save communication needs$/);
    await priya.keyboard.press("Enter");
    await priya.getByText("Claire Walker's communication needs are saved.").first().waitFor();
    await priya.goto(`${session.url()}/cases/${jamie.id}/team`);
    await priya.getByTestId("communication-needs").filter({ hasText: "interpreter (Urdu)" }).waitFor();

    const claire = await session.signedIn("claire.walker", errors);
    await claire.goto(session.url());
    await claire.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Your account" }).click();
    await claire.getByRole("main").getByRole("link", { name: "Communication needs" }).click();
    await claire.getByRole("heading", { level: 1, name: "Your communication needs" }).waitFor();
    // What her keyworker recorded is hers to see and change.
    expect(await claire.getByLabel("Which language should the interpreter speak?").inputValue()).toBe("Urdu");
    await claire.getByLabel("Large print").focus();
    await claire.keyboard.press("Space");
    await tabTo(claire, /^Save communication needs$/);
    await claire.keyboard.press("Enter");
    await claire.getByText("Your communication needs are saved.").first().waitFor();
    await priya.reload();
    await priya.getByTestId("communication-needs").filter({ hasText: "interpreter (Urdu), large print" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("the care plan's history says who changed which section, in words, to the parent", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    const cases = (await (await priya.request.get(`${session.url()}/api/cases`)).json()) as { id: string; name: string }[];
    const jamie = cases.find((c) => c.name === "Jamie Walker")!;
    const detail = (await (await priya.request.get(`${session.url()}/api/cases/${jamie.id}`)).json()) as { documents: { id: string; kind: string }[] };
    const planId = detail.documents.find((d) => d.kind === "care-plan")!.id;
    await priya.goto(`${session.url()}/documents/${planId}`);
    await priya.locator("[data-testid='connection-state'][data-state='saved']").waitFor();
    // Type at the end of the paragraph under "Contacts", as Priya would.
    await priya.locator(".ProseMirror h2", { hasText: "Contacts" }).locator("xpath=following-sibling::p[1]").click();
    await priya.keyboard.press("End");
    await priya.keyboard.type(" School office: 01632 960 000.");
    await priya.locator("[data-testid='connection-state'][data-state='saved']").waitFor();

    const claire = await session.signedIn("claire.walker", errors);
    await expect
      .poll(
        async () => {
          await claire.goto(`${session.url()}/documents/${planId}`);
          await claire.getByRole("heading", { name: "Who changed what" }).waitFor();
          return claire.getByTestId("edit-history").getByRole("listitem").allTextContents();
        },
        { timeout: 20_000, interval: 2_000 },
      )
      .toContainEqual(expect.stringMatching(/^Priya Shah added to Contacts — (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/));
    expect(errors).toEqual([]);
  });
});
