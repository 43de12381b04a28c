/**
 * LIST_MAX_PAGE_SIZE lowers the page size of every paged list in one place (issue #10): a page
 * never holds more, and asking for more is a clear 400, not a silently shorter page.
 */
import { schema } from "@roundtable/db";
import type { Action, AuditEvent, InboxPage } from "@roundtable/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { caseNamed, carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer({ configure: (config) => (config.listMaxPageSize = 2) });
let priya: SignedIn;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
});

describe("a list page with LIST_MAX_PAGE_SIZE set to 2", () => {
  it("holds at most two actions, and asking for three is refused with the reason", async () => {
    const page = await priya.get<Action[]>("/api/actions");
    expect(page.status).toBe(200);
    expect(page.body).toHaveLength(2);
    expect(await priya.get("/api/actions?limit=3")).toEqual({ status: 400, body: expect.objectContaining({ error: "limit can be at most 2" }) });
  });

  it("holds at most two audit events", async () => {
    const tom = await signIn(server.url, "tom.hughes");
    const jamie = await caseNamed(tom, "Jamie Walker");
    const { documentId } = await carePlanOf(tom, "Jamie Walker");
    // Three readers: three "opened" events on Jamie's trail.
    for (const reader of [tom, priya, await signIn(server.url, "lucy.evans")]) expect((await reader.get(`/api/documents/${documentId}`)).status).toBe(200);
    const trail = await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit`);
    expect(trail.status).toBe(200);
    expect(trail.body).toHaveLength(2);
    expect((await tom.get(`/api/cases/${jamie.id}/audit?limit=3`)).status).toBe(400);
  });

  it("holds at most two notifications", async () => {
    await server.database.db
      .insert(schema.notifications)
      .values(["One", "Two", "Three"].map((title) => ({ personId: priya.personId, kind: "minutes-agreed", title, body: "", link: null })));
    const page = await priya.get<InboxPage>("/api/notifications");
    expect(page.status).toBe(200);
    expect(page.body.notifications).toHaveLength(2);
    expect(page.body.older).not.toBeNull();
    expect(await priya.get("/api/notifications?limit=3")).toEqual({ status: 400, body: expect.objectContaining({ error: "limit can be at most 2" }) });
  });
});
