/**
 * A CETR panel place for someone who does not use Roundtable yet (issue 13): Helen (ICB) gives the
 * place by email address; with no email server here, she is given the invitation's link to pass on
 * herself, and the panel lists it as invited, not yet accepted; a second, mistyped one she withdraws
 * (after a second thought), which takes it off the list. The link's page says it is a place
 * on the panel of Jamie's CETR, as clinical expert, and when it ends; accepting with a new password
 * lands on the CETR, where Helen's page now shows them on the panel.
 */
import { axeViolations } from "../support/axe.js";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";

const session = useAppAndBrowser();

describe("a CETR panel place for someone who does not use Roundtable yet", () => {
  it("is an invitation the ICB lead can pass on, which opens a place on that CETR's panel", { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const helen = await session.signedIn("helen.morris", errors);
    await helen.getByTestId("my-cetrs").getByRole("link", { name: "Jamie Walker" }).first().click();
    await helen.getByTestId("cetr-page").waitFor();
    const cetrPath = new URL(helen.url()).pathname;

    const email = `sam.okafor.${Date.now()}@example.org`;
    await helen.getByLabel("Their email address").fill(email);
    await helen.getByRole("button", { name: "Add to the panel" }).click();
    // Nobody uses Roundtable at that address: their name is asked for, beside its field.
    const nameField = helen.getByLabel("Their name (if they do not use Roundtable yet)");
    await expect.poll(() => nameField.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    expect(await helen.locator("#panel-name-error").textContent()).toContain("Give their name");

    await nameField.fill("Dr Sam Okafor");
    await helen.getByLabel("Their place on the panel").selectOption({ label: "Clinical expert" });
    await helen.getByRole("button", { name: "Add to the panel" }).click();
    const sent = helen.getByTestId("invitation-sent");
    await sent.waitFor();
    expect(await sent.textContent()).toContain("Invitation ready for Dr Sam Okafor");
    expect(await sent.textContent()).toContain("take this place on the CETR's panel");
    const link = await helen.getByLabel("Invitation link").inputValue();
    const problems = await axeViolations(helen, "the CETR page with an invitation sent, as Helen");
    await expect.poll(() => helen.getByTestId("panel-invitations").textContent(), { timeout: 10_000 }).toContain(`Dr Sam Okafor (${email}), clinical expert`);

    // A mistyped address holds a place until it is withdrawn: Helen withdraws it, after a second thought.
    const typo = `sam.okafr.${Date.now()}@example.org`;
    await helen.getByLabel("Their email address").fill(typo);
    await nameField.fill("Sam Okafr");
    await helen.getByRole("button", { name: "Add to the panel" }).click();
    const invited = helen.getByTestId("panel-invitations");
    await expect.poll(() => invited.textContent(), { timeout: 10_000 }).toContain(typo);
    await helen.getByRole("button", { name: "Withdraw invitation to Sam Okafr" }).click();
    const question = helen.getByTestId("withdraw-panel-invitation-question");
    await question.getByRole("heading", { name: "Withdraw the invitation to Sam Okafr?" }).waitFor();
    problems.push(...(await axeViolations(helen, "the question before withdrawing a panel invitation")));
    await question.getByRole("button", { name: "Yes, withdraw the invitation" }).click();
    await expect.poll(() => invited.textContent(), { timeout: 10_000 }).not.toContain(typo);
    expect(await invited.textContent()).toContain(email);

    const sam = await session.signedOut();
    sam.on("pageerror", (e) => errors.push(`sam: ${e.message}`));
    await sam.goto(`${session.url()}${new URL(link).pathname}`);
    await sam.getByRole("heading", { level: 1, name: "A place on the CETR panel for Jamie" }).waitFor();
    const invitation = (await sam.locator("main").textContent()) ?? "";
    expect(invitation).toContain("Helen Morris has invited you to a place on the panel of Jamie's Care, Education and Treatment Review (CETR), as clinical expert.");
    expect(invitation).toContain("it ends when the report is agreed");
    expect(invitation).not.toMatch(/join the team/i);
    expect(await sam.getByLabel("Your name").inputValue()).toBe("Dr Sam Okafor");
    for (const width of [390, 1280]) {
      await sam.setViewportSize({ width, height: 900 });
      problems.push(...(await axeViolations(sam, `the panel invitation at ${width}px`)));
    }
    expect(problems).toEqual([]);
    await sam.getByLabel("Choose a password").fill("a long enough password");
    await sam.getByLabel("Enter the password again").fill("a long enough password");
    await sam.getByRole("button", { name: "Accept and take the place" }).click();
    await sam.waitForURL((url) => url.pathname === cetrPath, { timeout: 15_000 });
    await sam.getByTestId("cetr-page").waitFor();

    await helen.reload();
    await expect.poll(() => helen.getByRole("region", { name: "The panel", exact: true }).textContent(), { timeout: 10_000 }).toContain("Dr Sam Okafor, clinical expert");
    expect(await helen.getByTestId("panel-invitations").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
