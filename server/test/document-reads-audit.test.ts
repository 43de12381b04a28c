/**
 * Reading a document or its comments over the REST API is on the audit trail as opening it live
 * is (issue #10): one "opened" a visit, whichever way the page loads it, so the family's access
 * report misses no reader; a refused read writes nothing.
 */
import { schema } from "@roundtable/db";
import type { AccessReportEntry, CaseDetail, DocumentDetail } from "@roundtable/domain";
import { and, eq, gte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let jamie: CaseDetail;
let plan: string;
const clients: CollabClient[] = [];
const startedAt = new Date();

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  const jamieId = (await caseNamed(priya, "Jamie Walker")).id;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${jamieId}`)).body;
  plan = jamie.documents.find((d) => d.kind === "care-plan")!.id;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

/** The opens written while these tests ran (the demo data has a history of its own). */
const openedBy = (personId: string, documentId: string) =>
  server.database.db
    .select()
    .from(schema.auditEvents)
    .where(
      and(
        eq(schema.auditEvents.personId, personId),
        eq(schema.auditEvents.documentId, documentId),
        eq(schema.auditEvents.action, "opened"),
        gte(schema.auditEvents.at, startedAt),
      ),
    );

describe("reading a document over the API", () => {
  it("writes one 'opened' a visit for the document or its comments, and the family's access report shows the reader", async () => {
    const mark = await signIn(server.url, "mark.davies");
    expect((await mark.get(`/api/documents/${plan}`)).status).toBe(200);
    expect(await openedBy(mark.personId, plan)).toMatchObject([{ caseId: jamie.id, personName: "Mark Davies", personRole: "professional", detail: { via: "api" } }]);
    expect((await mark.get(`/api/documents/${plan}/comments`)).status).toBe(200);
    expect((await mark.get(`/api/documents/${plan}`)).status).toBe(200);
    expect(await openedBy(mark.personId, plan)).toHaveLength(1);

    // Comments alone, by someone else, count too.
    const ben = await signIn(server.url, "ben.carter");
    expect((await ben.get(`/api/documents/${plan}/comments`)).status).toBe(200);
    expect(await openedBy(ben.personId, plan)).toHaveLength(1);

    const claire = await signIn(server.url, "claire.walker");
    const report = (await claire.get<AccessReportEntry[]>(`/api/cases/${jamie.id}/access-report`)).body;
    expect(report.filter((e) => e.action === "opened").map((e) => e.person.name)).toEqual(expect.arrayContaining(["Mark Davies", "Dr Ben Carter"]));
  });

  it("counts opening it live and reading it over the API as one visit", async () => {
    const tom = await signIn(server.url, "tom.hughes");
    clients.push(await connectCollab(server.url, plan, tom.cookie));
    await waitFor(async () => (await openedBy(tom.personId, plan)).length === 1, { what: "the live opening on the trail" });
    expect((await tom.get<DocumentDetail>(`/api/documents/${plan}`)).status).toBe(200);
    expect((await tom.get(`/api/documents/${plan}/comments`)).status).toBe(200);
    expect(await openedBy(tom.personId, plan)).toHaveLength(1);
  });

  it("writes nothing for a read that is refused", async () => {
    const notes = (await priya.post<DocumentDetail>(`/api/cases/${jamie.id}/documents`, { kind: "notes", title: "Professionals' notes", visibility: "professionals" })).body;
    const claire = await signIn(server.url, "claire.walker");
    expect((await claire.get(`/api/documents/${notes.id}`)).status).toBe(404);
    expect((await claire.get(`/api/documents/${notes.id}/comments`)).status).toBe(404);
    expect(await openedBy(claire.personId, notes.id)).toEqual([]);
  });

  it("hands over nothing while the trail cannot be written, and writes the entry once it can", async () => {
    const { db } = server.database;
    // The database itself refuses the entry, as a full disk or a broken table would.
    await db.execute(sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`);
    await db.execute(sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`);
    const lucy = await signIn(server.url, "lucy.evans");
    try {
      const refused = await lucy.get<{ error: string }>(`/api/documents/${plan}`);
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({ error: expect.stringContaining("could not record that you opened this") });
    } finally {
      await db.execute(sql`drop trigger refuse_audit on audit_events`);
    }
    // No quiet window was left behind by the failed write: the next read is on the trail.
    expect((await lucy.get(`/api/documents/${plan}`)).status).toBe(200);
    expect(await openedBy(lucy.personId, plan)).toHaveLength(1);
  });
});
