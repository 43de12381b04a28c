import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/session.js";
import { openCase } from "../support/case-page.js";

const session = useAppAndBrowser();

interface MeetingJson {
  id: string;
  type: string;
  title: string;
  minutesDocumentId: string;
}

describe("a parent and a professionals meeting about her child", () => {
  it("cannot find it or open it by any route, including typing its address", async () => {
    const errors: string[] = [];
    // Priya, the keyworker, sees the professionals meeting in Jamie's meetings.
    const priya = await session.signedIn("priya.shah", errors);
    await openCase(priya, "Jamie Walker");
    const professionals = priya.getByRole("link", { name: "Professionals meeting: Jamie Walker" });
    await professionals.first().waitFor();
    const caseUrl = priya.url();
    const meetings = (await (await priya.request.get(`${caseUrl.replace("/cases/", "/api/cases/")}/meetings`)).json()) as MeetingJson[];
    const meeting = meetings.find((m) => m.type === "professionals")!;
    expect(meeting.title).toBe("Professionals meeting: Jamie Walker");

    const claire = await session.signedIn("claire.walker", errors);
    // Not on Jamie's page, not among her notifications or actions.
    await openCase(claire, "Jamie Walker");
    await claire.getByRole("heading", { level: 1, name: "Jamie Walker" }).waitFor();
    expect(await claire.getByText("Professionals meeting", { exact: false }).count()).toBe(0);
    await claire.goto(`${session.url()}/actions`);
    await claire.getByRole("heading", { level: 1, name: "My actions" }).waitFor();
    expect(await claire.getByText("Share the updated crisis plan", { exact: false }).count()).toBe(0);

    // Typing the meeting's address, or its minutes' address: the same page as for anything that does not exist.
    for (const path of [`/meetings/${meeting.id}`, `/documents/${meeting.minutesDocumentId}`]) {
      await claire.goto(`${session.url()}${path}`);
      await expect.poll(() => claire.getByRole("heading", { level: 1 }).textContent(), { timeout: 5000 }).toBe("We could not find this");
      expect(await claire.getByText("Professionals meeting", { exact: false }).count()).toBe(0);
    }
    // And the API behind every route she might try.
    for (const path of [
      `/api/meetings/${meeting.id}`,
      `/api/meetings/${meeting.id}/minutes.pdf`,
      `/api/meetings/${meeting.id}/contributions`,
      `/api/meetings/${meeting.id}/invite.ics`,
      `/api/documents/${meeting.minutesDocumentId}`,
      `/api/documents/${meeting.minutesDocumentId}/comments`,
    ]) {
      expect((await claire.request.get(`${session.url()}${path}`)).status(), path).toBe(404);
    }
    const ownMeetings = (await (await claire.request.get(`${caseUrl.replace("/cases/", "/api/cases/")}/meetings`)).json()) as MeetingJson[];
    expect(ownMeetings.map((m) => m.id)).not.toContain(meeting.id);
    // The websocket: refused before any socket opens.
    const upgrade = await claire.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve("open");
          ws.onerror = () => resolve("refused");
        }),
      `${session.url().replace(/^http/, "ws")}/collab/${meeting.minutesDocumentId}`,
    );
    expect(upgrade).toBe("refused");
    expect(errors).toEqual([]);
  });
});

describe("signing out", () => {
  it("in one tab ends the care plan and the case page open in others at once, and says why", async () => {
    const errors: string[] = [];
    const plan = await session.signedIn("claire.walker", errors);
    await openCase(plan, "Jamie Walker");
    await plan.getByRole("link", { name: "Jamie's care plan" }).first().click();
    await plan.getByText("Saved", { exact: true }).waitFor();

    // A tab with no document open, only the case page (who is here, live news).
    const casePage = await plan.context().newPage();
    await casePage.goto(plan.url().replace(/\/documents\/.*$/, "/"));
    await openCase(casePage, "Jamie Walker");
    await casePage.getByRole("heading", { level: 1, name: "Jamie Walker" }).waitFor();

    const otherTab = await plan.context().newPage();
    await otherTab.goto(`${session.url()}/`);
    await otherTab.getByRole("button", { name: "Sign out" }).or(otherTab.getByRole("link", { name: "Sign out" })).first().click();
    await otherTab.getByRole("heading", { name: "Sign in to Roundtable" }).waitFor();

    // The plan's connection is closed by the server; the tab says the session ended.
    await plan.getByText("Your session has ended. Sign in again.").waitFor({ timeout: 5000 });
    expect(await plan.getByText("I am Jamie.", { exact: false }).count()).toBe(0);
    await casePage.getByText("Your session has ended. Sign in again.").waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
  });
});
