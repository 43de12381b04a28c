/** Debian's Chromium driven by playwright-core (browser downloads do not work here). */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium was not found at ${chromiumPath}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
  });
}

export const demoPassword = "roundtable-demo";

export async function signInAs(page: Page, baseUrl: string, emailLocal: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel(/email/i).fill(`${emailLocal}@roundtable.demo`);
  await page.getByLabel(/password/i).fill(demoPassword);
  await page.getByRole("button", { name: /sign in/i }).click();
  // Home, called what the reader calls it (client/src/cases/case-words.ts).
  await page.getByRole("heading", { level: 1, name: /^(my cases|your child|my plan|children you work with|cases in the service)$/i }).waitFor();
}
