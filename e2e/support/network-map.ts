/**
 * What the network map's browser tests share: a new map for a demo child, made through the API
 * as the case page's "Add a document" makes it, and moving the focus by Tab alone.
 */
import type { Page } from "playwright-core";

/** A new network map on `childName`'s case, made by whoever `page` is signed in as; its document id. */
export async function newNetworkMap(page: Page, baseUrl: string, title: string, childName = "Jamie Walker"): Promise<string> {
  const cases = (await (await page.request.get(`${baseUrl}/api/cases`)).json()) as { id: string; name: string }[] | { cases: { id: string; name: string }[] };
  const child = (Array.isArray(cases) ? cases : cases.cases).find((c) => c.name === childName);
  if (!child) throw new Error(`${childName} is not among the cases this person sees`);
  const made = await page.request.post(`${baseUrl}/api/cases/${child.id}/documents`, { data: { kind: "network-map", title } });
  if (made.status() !== 201) throw new Error(`The map was not made: ${made.status()} ${await made.text()}`);
  return ((await made.json()) as { id: string }).id;
}

/** Tab from the focused control until `selector` has the focus, pressing nothing else. */
export async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}
