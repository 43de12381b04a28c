import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../../server/test/support/smtp-sink.js";
import { useAppAndBrowser } from "../support/session.js";

// The server sends its email to a real SMTP server here, and the test reads the link from it.
let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp?.close();
});
const session = useAppAndBrowser(() => ({ SMTP_URL: smtp.url }));

describe("forgot your password?", () => {
  it("the password reset link works once", async () => {
    const errors: string[] = [];
    const page = await session.signedOut();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${session.url()}/signin`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Reset your password" }).waitFor();
    await page.getByLabel("Email address").fill("mark.davies@roundtable.demo");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByText("If that address has an account, we have sent a link to it.").waitFor();

    // (Mark also owns overdue actions in the demo data, whose reminders arrive here too.)
    const resetMail = () => smtp.messages.filter((m) => m.to.includes("mark.davies@roundtable.demo") && m.subject === "Reset your Roundtable password");
    await expect.poll(() => resetMail().length, { timeout: 20_000 }).toBe(1);
    const mail = resetMail()[0]!;
    expect(mail.body).toContain("If you did not ask for this, you can ignore this email.");
    expect(mail.body).not.toMatch(/Jamie|Walker/);
    const link = /(http\S+\/password-reset\/[A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    // The email's link points at the server's PUBLIC_URL (localhost:PORT); open the same path here.
    const path = new URL(link).pathname;

    await page.goto(`${session.url()}${path}`);
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    await page.getByLabel("New password", { exact: true }).fill("a brand new password for Mark");
    await page.getByLabel("Type the new password again", { exact: true }).fill("a brand new password for Mark");
    await page.getByRole("button", { name: "Save my new password" }).click();
    await page.getByText("Your password has been changed. Sign in with your new password.").waitFor();

    await page.getByLabel("Email address").fill("mark.davies@roundtable.demo");
    await page.getByLabel("Password", { exact: true }).fill("a brand new password for Mark");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Home, in the words a professional reads (client/src/cases/case-words.ts).
    await page.getByRole("heading", { level: 1, name: "Children you work with" }).waitFor();

    // The same link again says it has been used.
    await page.goto(`${session.url()}${path}`);
    await page.getByRole("heading", { level: 1, name: "This link no longer works" }).waitFor();
    await page.getByText("This link has already been used, or it has expired.").waitFor();
    expect(errors).toEqual([]);
  });
});
