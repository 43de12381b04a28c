import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

describe("the young person's own account (ADR 0012)", () => {
  it("is linked and unlinked by the child's own keyworker on the team page, saying how the child agreed; unlinked, the child's page is closed to it", async () => {
    const errors: string[] = [];
    const priya = await session.signedIn("priya.shah", errors);
    await openCase(priya, "Jamie Walker");
    await priya.getByRole("heading", { level: 1, name: "Jamie Walker" }).waitFor();
    await priya.goto(`${priya.url().replace(/\/$/, "")}/team`);
    const section = priya.getByTestId("young-person-link");
    await section.getByText("Jamie Walker's account is Jamie's own").waitFor();
    await section.getByText("How Jamie agreed: Jamie said yes when Priya showed him his own page").waitFor();

    await section.getByRole("button", { name: "Unlink Jamie Walker's account" }).click();
    await section.getByRole("button", { name: "Yes, unlink it" }).click();
    await priya.getByText("Jamie Walker's account is no longer linked as Jamie's own. It opens nothing of Jamie's now.").waitFor();
    await priya.getByText("Not linked as Jamie's own account, so sees nothing of Jamie's").waitFor();

    // Jamie's own account now opens nothing of the case.
    const jamie = await session.signedIn("jamie.walker", errors);
    expect(await jamie.getByRole("link", { name: "Jamie Walker" }).count()).toBe(0);

    // Linking asks how Jamie agreed, and will not go without it.
    await section.getByRole("button", { name: "Jamie agreed: link the account" }).click();
    await section.getByText("Say how Jamie agreed").first().waitFor();
    await section.getByLabel("How did Jamie agree?").fill("Jamie said yes again when we met today.");
    await section.getByRole("button", { name: "Jamie agreed: link the account" }).click();
    await priya.getByText("Jamie Walker's account is now linked as Jamie's own.").waitFor();
    await section.getByText("How Jamie agreed: Jamie said yes again when we met today.").waitFor();

    await jamie.reload();
    await jamie.getByRole("link", { name: "Jamie Walker" }).waitFor();
    expect(errors).toEqual([]);
  });
});
