
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.js";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

// The rules run: WCAG 2.0, 2.1 and 2.2 at levels A and AA (what the service must meet), and
// axe's best practices (landmarks, one main heading, headings in order), which catch what
// confuses screen reader users even where WCAG does not strictly require it.

const widths = [1280, 390] as const;

/**
 * Who is also checked at a phone's width: the people most likely to be on a phone (the family,
 * the keyworker out on visits) and those whose own screens the phone must serve (the ICB lead's
 * CETR actions, the senior keyworker's register). The service lead, the administrator and the
 * professional are checked at the desktop width only: their screens are the same pages, already
 * checked at 390px for the others (ADR 0029: the test run's time).
 */
const phoneWidthFor = new Set(["tom.hughes", "helen.morris", "claire.walker", "jamie.walker", "someone signed out"]);

const roles = [
  ["priya.shah", "keyworker"],
  ["tom.hughes", "senior keyworker"],
  ["angela.okafor", "service lead"],
  // Not the administrator: every kind of page they reach, the service lead reaches too
  // (docs/adr/0029, later note).
  ["mark.davies", "professional"],
  ["helen.morris", "ICB lead"],
  ["claire.walker", "parent"],
  ["jamie.walker", "young person"],
] as const;

/** The kind of page an address is, as client/src/navigation/routes.ts matches it. */
function routeKind(pathname: string): string {
  const parts = pathname.split("/").filter((p) => p.length > 0);
  if (parts.length === 0) return "my-cases";
  const [first, second, third] = parts;
  if (parts.length === 1) {
    const single: Record<string, string> = {
      signin: "sign-in",
      actions: "my-actions",
      overdue: "overdue",
      notifications: "notifications",
      "password-reset": "password-reset",
      "cetr-actions": "cetr-actions",
      agencies: "agencies",
      register: "register",
      referrals: "referrals",
      account: "account",
    };
    return single[first!] ?? "not-found";
  }
  if (parts.length === 2) {
    if (first === "account" && second === "two-step") return "two-step";
    if (first === "account" && second === "emails") return "email-choices";
    if (first === "account" && second === "communication-needs") return "communication-needs";
    if (first === "account" && second === "contact") return "contact-details";
    if (first === "referrals" && second === "new") return "refer";
    if (first === "referrals" && second === "mine") return "my-referrals";
    if (first === "reports" && second === "service") return "service-report";
    if (first === "meetings" && second === "new") return "new-meeting";
    const byFirst: Record<string, string> = { cases: "case", documents: "document", meetings: "meeting", cetrs: "cetr", invitations: "invitation", "password-reset": "password-reset-link" };
    return byFirst[first!] ?? "not-found";
  }
  if (parts.length === 4 && first === "cases" && third === "communication-needs") return "member-communication-needs";
  if (parts.length === 3 && first === "cases") {
    const byLast: Record<string, string> = { team: "case-team", consent: "case-consent", audit: "case-audit", "access-report": "case-access-report" };
    return byLast[third!] ?? "not-found";
  }
  return "not-found";
}

/** How many different pages of one kind are checked: plans and minutes differ, so a few of those. */
const perKind: Record<string, number> = { document: 2, meeting: 2 };
/** Not followed: signed in, the sign-in page only passes people on to where they were going. */
const notFollowed = new Set(["sign-in"]);

/** Waits until the page has its data: no loading line, the editor (if any) saved, a main heading. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      if (document.readyState !== "complete") return false;
      if (document.querySelector(".rt-loading, [aria-busy='true']")) return false;
      const connection = document.querySelector("[data-testid='connection-state']");
      if (connection && connection.getAttribute("data-state") !== "saved") return false;
      return document.querySelector("main h1") !== null;
    },
    undefined,
    { timeout: 30_000 },
  );
  // Nothing more arriving: the page is the same across two looks 150 ms apart (at most 3 s of looking).
  let before = "";
  for (let look = 0; look < 20; look += 1) {
    const now = await page.evaluate(() => document.body.innerHTML);
    if (now === before) return;
    before = now;
    await page.waitForTimeout(150);
  }
}

interface AxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  backendDOMNodeId?: number;
}

const interactiveRoles = new Set(["button", "link", "textbox", "combobox", "checkbox", "radio", "searchbox", "menuitem", "tab", "switch", "spinbutton", "listbox", "slider"]);

/** What Chromium tells a screen reader: every control named, one level-1 heading, banner and main. */
async function accessibilityTreeProblems(page: Page, where: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
    const shown = nodes.filter((n) => !n.ignored);
    const problems: string[] = [];
    for (const node of shown) {
      const role = node.role?.value ?? "";
      if (interactiveRoles.has(role) && (node.name?.value ?? "").trim() === "") {
        const html = node.backendDOMNodeId
          ? ((await cdp.send("DOM.getOuterHTML", { backendNodeId: node.backendDOMNodeId }).catch(() => ({ outerHTML: "?" }))) as { outerHTML: string }).outerHTML.slice(0, 160)
          : "?";
        problems.push(`${where}: a ${role} with no name: ${html}`);
      }
    }
    const level = (n: AxNode) => n.properties?.find((p) => p.name === "level")?.value.value;
    const mainHeadings = shown.filter((n) => n.role?.value === "heading" && level(n) === 1);
    if (mainHeadings.length !== 1) {
      problems.push(`${where}: ${mainHeadings.length} level-1 headings (${mainHeadings.map((h) => JSON.stringify(h.name?.value)).join(", ")}), not one`);
    }
    for (const landmark of ["banner", "main"]) {
      if (!shown.some((n) => n.role?.value === landmark)) problems.push(`${where}: no ${landmark} landmark`);
    }
    return problems;
  } finally {
    await cdp.detach();
  }
}

/**
 * Reflow (WCAG 1.4.10) on a phone, which axe does not check: a stacked table's column heading sits
 * beside its cell and must keep its words whole ("Role", not "Rol" over "e"), so it may take at
 * most one line per word.
 */
async function squeezedTableHeadings(page: Page, where: string): Promise<string[]> {
  const squeezed = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".nhsuk-table--responsive .nhsuk-table__heading"))
      .filter((h) => h.offsetParent !== null)
      .filter((h) => {
        const words = (h.textContent ?? "").trim().split(/\s+/).length;
        // The lines its words take (not its box, which the flex row stretches to the cell's height).
        const range = document.createRange();
        range.selectNodeContents(h);
        const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
        return lines > words;
      })
      .map((h) => (h.textContent ?? "").trim()),
  );
  return squeezed.map((heading) => `${where}: the stacked table heading "${heading}" is squeezed and breaks mid-word`);
}

/** Checks the open page at each width: axe at both, the accessibility tree at the desktop width. */
async function checkScreen(page: Page, who: string): Promise<string[]> {
  const address = new URL(page.url());
  const problems: string[] = [];
  screensChecked += 1;
  for (const width of widths) {
    if (width !== 1280 && !phoneWidthFor.has(who.split(",")[0]!)) continue;
    await page.setViewportSize({ width, height: 900 });
    await settle(page);
    const where = `${address.pathname}${address.search} as ${who} at ${width}px`;
    problems.push(...(await axeViolations(page, where)));
    if (width === 1280) problems.push(...(await accessibilityTreeProblems(page, where)));
    else problems.push(...(await squeezedTableHeadings(page, where)));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}

/** The app's own links on the open page, as same-site addresses without their fragment. */
async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll("a[href]"), (a) => (a as HTMLAnchorElement).href));
  const origin = new URL(session.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    // Not the API's own links (a calendar file downloads rather than shows a page).
    .filter((url) => url.origin === origin && !url.pathname.startsWith("/api/"))
    .map((url) => url.pathname + url.search);
}

/** Follows the app's links from My cases and from `alsoFrom`; checks each new page; returns what it found. */
async function walk(page: Page, who: string, visited: Map<string, string[]>, alsoFrom: string[]): Promise<string[]> {
  const problems: string[] = [];
  const queue = ["/", ...alsoFrom];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const address = queue.shift()!;
    const kind = routeKind(new URL(address, session.url()).pathname);
    const ofKind = visited.get(kind) ?? [];
    if (seen.has(address) || notFollowed.has(kind) || ofKind.length >= (perKind[kind] ?? 1)) continue;
    seen.add(address);
    await page.goto(session.url() + address);
    ofKind.push(address);
    visited.set(kind, ofKind);
    problems.push(...(await checkScreen(page, who)));
    for (const link of await linksOn(page)) if (!seen.has(link)) queue.push(link);
  }
  return problems;
}

let screensChecked = 0;
afterAll(() => console.log(`accessibility: ${screensChecked} screens checked at 1280px, and those of ${[...phoneWidthFor].join(", ")} at 390px too`));

/** Pages no link leads to, or that some roles may not use: Jamie Walker's case and its records, and more. */
let byAddress: string[] = [];

/**
 * The young person's own voice (ADR 0026): Jamie's own part of his plan ("In my own words"), and
 * Kai's case and consent pages, where his keyworker reads and records his decision about his
 * parents (Kai is 18 and has said no).
 */
let ownVoiceAddresses: { ownWords: string; kaiCase: string; kaiConsent: string } | null = null;

/**
 * Priya books two meetings about Jamie, inviting his team, and holds one to agreed minutes, so
 * there is a booked meeting and one with agreed minutes to look at; the demo's next tracker
 * meeting, with Jamie's actions from the last meeting, is checked by address.
 */
beforeAll(async () => {
  const page = await session.signedIn("priya.shah", []);
  const api = (path: string) => `${session.url()}/api${path}`;
  const cases = (await (await page.request.get(api("/cases"))).json()) as { id: string; name: string }[];
  const jamie = cases.find((c) => c.name === "Jamie Walker")!;
  const details = (await (await page.request.get(api(`/cases/${jamie.id}`))).json()) as { team: { personId: string; name: string }[] };
  const inviteeIds = details.team.filter((m) => m.name !== "Priya Shah").map((m) => m.personId);
  const book = async (type: string, inDays: number) => {
    const startsAt = new Date(Date.now() + inDays * 86_400_000).toISOString();
    const response = await page.request.post(api("/meetings"), { data: { type, startsAt, caseId: jamie.id, inviteeIds, visibility: "family" } });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const held = await book("review", -1);
  for (const command of ["start", "end", "agree-minutes"]) {
    const response = await page.request.post(api(`/meetings/${held}/commands`), { data: { command } });
    expect(response.status(), await response.text()).toBe(200);
  }
  await book("planning", 7);
  const plan = ((await (await page.request.get(api(`/cases/${jamie.id}`))).json()) as { documents: { id: string; kind: string }[] }).documents.find((d) => d.kind === "care-plan")!;
  const parts = ((await (await page.request.get(api(`/documents/${plan.id}`))).json()) as { parts: { id: string; kind: string }[] }).parts;
  const kai = cases.find((c) => c.name === "Kai Thompson")!;
  ownVoiceAddresses = {
    ownWords: `/documents/${parts.find((p) => p.kind === "young-person-views")!.id}`,
    kaiCase: `/cases/${kai.id}`,
    kaiConsent: `/cases/${kai.id}/consent`,
  };
  // The demo's next tracker meeting starts Jamie's section with the actions from the last one
  // (ADR 0027): one already confirmed, the others waiting for the meeting to decide.
  const meetings = (await (await page.request.get(api(`/cases/${jamie.id}/meetings`))).json()) as { id: string; type: string; status: string }[];
  const tracker = meetings.find((m) => m.type === "tracker" && m.status === "scheduled")!;
  const carried = (await (await page.request.get(api(`/meetings/${tracker.id}/carried-actions`))).json()) as { caseId: string; actions: { action: { id: string } }[] }[];
  const first = carried.find((s) => s.caseId === jamie.id)!.actions[0]!.action.id;
  const confirmed = await page.request.post(api(`/meetings/${tracker.id}/carried-actions/${first}`), { data: { decision: "confirmed" } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  // Jamie's agreed CETR (the family read it) and its easy-read summary, in large type.
  const cetrs = (await (await page.request.get(api(`/cases/${jamie.id}/cetrs`))).json()) as { id: string; status: string }[];
  const agreed = cetrs.find((c) => c.status === "agreed")!;
  const agreedPage = (await (await page.request.get(api(`/cetrs/${agreed.id}/page`))).json()) as { easyReadDocumentId: string };
  const caseAddress = `/cases/${jamie.id}`;
  byAddress = [`/cetrs/${agreed.id}`, `/documents/${agreedPage.easyReadDocumentId}`, `/meetings/${tracker.id}`, caseAddress, `${caseAddress}/team`, `${caseAddress}/consent`, `${caseAddress}/audit`, `${caseAddress}/access-report`, "/overdue", "/meetings/new", "/account/two-step"];
  await page.context().close();
});

function report(problems: string[]): void {
  expect(problems, problems.join("\n")).toEqual([]);
}

describe.concurrent("accessibility of every screen, for every role, at 390px and 1280px", () => {
  for (const [email, roleName] of roles) {
    it(`every page ${email} (${roleName}) reaches from their links, and those they may not use`, { timeout: 600_000 }, async () => {
      const errors: string[] = [];
      const page = await session.signedIn(email, errors);
      const visited = new Map<string, string[]>();
      // Jamie's case and its records, where the meetings are, are walked from too: for a role
      // that may not use them they show "You do not have access to this".
      const problems = await walk(page, email, visited, byAddress);
      console.log(`${email}: ${[...visited].map(([kind, addresses]) => `${kind} ×${addresses.length}`).join(", ")}`);
      // Pages no link leads to.
      for (const address of ["/no-such-page", "/invitations/not-a-real-invitation"]) {
        await page.goto(session.url() + address);
        problems.push(...(await checkScreen(page, email)));
      }
      // Enough was reached to mean something: every role has cases and the header's pages.
      expect([...visited.keys()]).toEqual(expect.arrayContaining(["my-cases", "case", "my-actions", "notifications", "email-choices", "communication-needs"]));
      // The child's keyworker records the family's communication needs from the team page.
      if (email === "priya.shah") expect([...visited.keys()]).toContain("member-communication-needs");
      expect(errors).toEqual([]);
      report(problems);
    });
  }

  it("the young person's own part of the plan, and what a young person shares with their parents, for each who sees them", { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const errors: string[] = [];
    const { ownWords, kaiCase, kaiConsent } = ownVoiceAddresses!;
    const screens: [string, string[]][] = [
      ["jamie.walker", [ownWords, "/"]],
      ["claire.walker", [ownWords]],
      ["priya.shah", [ownWords, kaiCase, kaiConsent]],
      ["mark.davies", [ownWords]],
    ];
    for (const [email, addresses] of screens) {
      const page = await session.signedIn(email, errors);
      for (const address of addresses) {
        await page.goto(session.url() + address);
        if (address === "/") {
          // The young person's own case page, with what their parents or carers can see.
          await openCase(page, "Jamie Walker");
          await page.getByTestId("parents-sharing").waitFor();
        }
        problems.push(...(await checkScreen(page, email)));
      }
      await page.context().close();
    }
    expect(errors).toEqual([]);
    report(problems);
  });

  it("the communication needs form with its errors shown, and the interpreter's language open", async () => {
    const errors: string[] = [];
    const page = await session.signedIn("claire.walker", errors);
    await page.goto(`${session.url()}/account/communication-needs`);
    await settle(page);
    await page.getByLabel("An interpreter").check();
    await page.getByRole("button", { name: "Save communication needs" }).click();
    await page.getByRole("alert").waitFor();
    const problems = await checkScreen(page, "claire.walker, with errors");
    expect(await page.getByRole("alert").textContent()).toContain("Say which language the interpreter should speak");
    expect(errors).toEqual([]);
    report(problems);
  });

  it("the signed-out pages: sign in, password reset, an invitation", async () => {
    const page = await session.signedOut();
    const problems: string[] = [];
    for (const address of ["/signin", "/password-reset", "/password-reset/not-a-real-link", "/invitations/not-a-real-invitation"]) {
      await page.goto(session.url() + address);
      problems.push(...(await checkScreen(page, "someone signed out")));
    }
    report(problems);
  });
});
