import { schema } from "@roundtable/db";
import type { CaseDetail, EmailPreferences, InboxPage, Meeting, UnreadCount } from "@roundtable/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let priya: SignedIn;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
});

const tell = (personId: string, titles: string[], link: string | null = null) =>
  server.database.db
    .insert(schema.notifications)
    .values(titles.map((title, i) => ({ personId, kind: "minutes-agreed", title, body: "", link, createdAt: new Date(Date.now() + i) })))
    .returning();

describe("the notifications inbox", () => {
  it("pages newest first, and refuses a page larger than the cap in plain words", async () => {
    const sophie = await signIn(server.url, "sophie.grant");
    await sophie.post("/api/notifications/read-all", {});
    const titles = Array.from({ length: 5 }, (_, i) => `Paging ${i}`);
    await tell(sophie.personId, titles);
    const first = (await sophie.get<InboxPage>("/api/notifications?limit=3")).body;
    expect(first.notifications.map((n) => n.title)).toEqual(["Paging 4", "Paging 3", "Paging 2"]);
    expect(first.older).not.toBeNull();
    const second = (await sophie.get<InboxPage>(`/api/notifications?limit=3&older=${first.older}`)).body;
    expect(second.notifications.map((n) => n.title).slice(0, 2)).toEqual(["Paging 1", "Paging 0"]);
    const tooMany = await sophie.get<{ error: string; details: Record<string, string> }>("/api/notifications?limit=101");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details.limit).toBe("limit can be at most 100");
    expect((await sophie.get<UnreadCount>("/api/notifications/unread-count")).body).toEqual({ unread: 5, more: false });
  });

  it("counts at most the newest hundred unread, and says there are more", async () => {
    const lucy = await signIn(server.url, "lucy.evans");
    await lucy.post("/api/notifications/read-all", {});
    await tell(lucy.personId, Array.from({ length: 120 }, (_, i) => `Many ${i}`));
    expect((await lucy.get<UnreadCount>("/api/notifications/unread-count")).body).toEqual({ unread: 100, more: true });
    const marked = await lucy.post<{ marked: number; more: boolean }>("/api/notifications/read-all", {});
    expect(marked.body).toEqual({ marked: 120, more: false });
    expect((await lucy.get<UnreadCount>("/api/notifications/unread-count")).body).toEqual({ unread: 0, more: false });
  });

  it("stops listing and counting what a professional was told about a case once they are taken off it", async () => {
    const ben = await signIn(server.url, "ben.carter");
    await ben.post("/api/notifications/read-all", {});
    const cases = (await priya.get<{ id: string; name: string }[]>("/api/cases")).body;
    const jamie = (await priya.get<CaseDetail>(`/api/cases/${cases.find((c) => c.name === "Jamie Walker")!.id}`)).body;
    const benId = jamie.team.find((m) => m.name === "Dr Ben Carter")!.personId;
    const meeting = (await priya.post<Meeting>("/api/meetings", { type: "review", startsAt: "2026-12-20T10:00:00Z", caseId: jamie.id, inviteeIds: [benId] })).body;
    for (const command of ["start", "end", "agree-minutes"]) expect((await priya.post(`/api/meetings/${meeting.id}/commands`, { command })).status).toBe(200);
    const aboutIt = async () => (await ben.get<InboxPage>("/api/notifications")).body.notifications.filter((n) => n.link === `/meetings/${meeting.id}`);
    expect(await aboutIt()).toHaveLength(1);
    expect((await ben.get<UnreadCount>("/api/notifications/unread-count")).body.unread).toBe(1);

    expect((await priya.delete(`/api/cases/${jamie.id}/members/${benId}`)).status).toBe(204);
    expect(await aboutIt()).toEqual([]);
    expect((await ben.get<UnreadCount>("/api/notifications/unread-count")).body.unread).toBe(0);
  });

  it("marks one read, and answers an id that is not one of yours as not found", async () => {
    const mark = await signIn(server.url, "mark.davies");
    const [own] = await tell(mark.personId, ["Mark's own"]);
    const [priyas] = await tell(priya.personId, ["Priya's own"]);
    expect((await mark.post(`/api/notifications/${own!.id}/read`, {})).status).toBe(204);
    expect((await mark.get<InboxPage>("/api/notifications")).body.notifications.find((n) => n.id === own!.id)?.read).toBe(true);
    const refused = await mark.post<{ error: string }>(`/api/notifications/${priyas!.id}/read`, {});
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe("That notification was not found.");
    expect((await mark.post("/api/notifications/not-an-id/read", {})).status).toBe(400);
  });
});

describe("email preferences", () => {
  it("starts with every kind straight away, saves a choice, and refuses what is not a choice", async () => {
    const helen = await signIn(server.url, "helen.morris");
    expect((await helen.get<EmailPreferences>("/api/notifications/email-preferences")).body).toEqual({
      "action-overdue": "immediately",
      "action-escalated": "immediately",
      "escalated-to-you": "immediately",
      "minutes-agreed": "immediately",
      "young-person-linked": "immediately",
      "young-person-unlinked": "immediately",
      "cetr-requested": "immediately",
      "cetr-report-due": "immediately",
      "cetr-report-agreed": "immediately",
      "referral-decided": "immediately",
    });
    const saved = await helen.put<EmailPreferences>("/api/notifications/email-preferences", { "minutes-agreed": "daily-digest", "action-overdue": "none" });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ "minutes-agreed": "daily-digest", "action-overdue": "none", "young-person-linked": "immediately" });
    expect((await helen.get<EmailPreferences>("/api/notifications/email-preferences")).body["minutes-agreed"]).toBe("daily-digest");
    // Someone else's stay their own.
    expect((await priya.get<EmailPreferences>("/api/notifications/email-preferences")).body["minutes-agreed"]).toBe("immediately");

    const wrong = await helen.put<{ error: string; details: Record<string, string> }>("/api/notifications/email-preferences", { "minutes-agreed": "weekly" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("The request body is not valid. Check the details and try again.");
    expect(wrong.body.details["minutes-agreed"]).toBe("Choose one of: immediately, daily-digest, none");
    const unknown = await helen.put<{ details: Record<string, string> }>("/api/notifications/email-preferences", { "comment-added": "none" });
    expect(unknown.status).toBe(400);
  });
});
