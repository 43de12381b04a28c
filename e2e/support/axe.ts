/**
 * axe-core run on the open page, as the accessibility walk and tests of single screens use it:
 * the WCAG 2.2 AA rules and best practice, each violation one line saying where.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// axe's own file, from node_modules: nothing is downloaded. It is evaluated through the
// DevTools protocol rather than added as a <script>, which the app's Content-Security-Policy
// (rightly) refuses, so the page is checked as people get it.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

export async function axeViolations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${axeSource}\n;true`);
  const result = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run(c: Document, o: object): Promise<unknown> } }).axe.run(document, { runOnly: tags, resultTypes: ["violations"] }),
    axeTags,
  )) as AxeResult;
  return result.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
  );
}

