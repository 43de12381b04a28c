/**
 * The header's unread count is asked on every poll: it costs a constant number of queries however
 * many different records the newest unread notifications link to, and still counts only those
 * the reader may open now (the same answers as opening each record).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, schema, type Database } from "@roundtable/db";
import { copyMigratedPglite, createTestDatabase, type TestDatabase } from "@roundtable/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayOpen } from "../src/access/may-open.js";
import { personById, type Person } from "../src/auth/sessions.js";
import { seedDemoDataIfEmpty } from "../src/demo-data/seed.js";
import { listInbox, unreadCount } from "../src/notifications/inbox.js";

let database: Database;
let testDb: TestDatabase | null = null;
let dataDir: string | undefined;
let queries = 0;
let claire: Person;
const db = () => database.db;

beforeAll(async () => {
  if (process.env.DATABASE_URL) testDb = await createTestDatabase(process.env.DATABASE_URL);
  else {
    dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-unread-"));
    await copyMigratedPglite(dataDir);
  }
  database = await openDatabase({ url: testDb?.url, dataDir, logger: { logQuery: () => void queries++ } });
  await seedDemoDataIfEmpty(db());
  const [found] = await db().select().from(schema.people).where(eq(schema.people.email, "claire.walker@roundtable.demo"));
  claire = (await personById(db(), found!.id))!;
  const [jamie] = await db().select().from(schema.cases).where(eq(schema.cases.name, "Jamie Walker"));
  // Forty records on Jamie's case, every other one for professionals only, each with an unread
  // notification for Claire (his mum) linking to it; and links to his case and its meetings.
  const documents = await db()
    .insert(schema.documents)
    .values(Array.from({ length: 40 }, (_, i) => ({ caseId: jamie!.id, kind: "notes" as const, title: `Note ${i}`, visibility: i % 2 ? ("professionals" as const) : ("family" as const) })))
    .returning({ id: schema.documents.id });
  const meetings = await db().select({ id: schema.meetings.id }).from(schema.meetings).where(eq(schema.meetings.caseId, jamie!.id));
  const links = [...documents.map((d) => `/documents/${d.id}`), ...meetings.map((m) => `/meetings/${m.id}`), `/cases/${jamie!.id}/team`, null];
  await db()
    .insert(schema.notifications)
    .values(links.map((link, i) => ({ personId: claire.id, kind: "test", title: `News ${i}`, body: "Something changed", link })));
});

afterAll(async () => {
  await database?.close();
  await testDb?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the unread count", () => {
  it("counts only what the reader may open, in a few queries however many records the notifications link to", async () => {
    const rows = await db()
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.personId, claire.id), eq(schema.notifications.kind, "test")));
    // What opening each record says, one at a time.
    const recordOf = (link: string | null) => (link ? /^\/(documents|meetings|cases)\/([0-9a-f-]{36})/.exec(link) : null);
    const kinds = { documents: "document", meetings: "meeting", cases: "case" } as const;
    let openable = 0;
    for (const row of rows) {
      const match = recordOf(row.link);
      if (!match || (await mayOpen(db(), claire, kinds[match[1] as keyof typeof kinds], match[2]!))) openable += 1;
    }
    expect(openable).toBeGreaterThan(20);
    expect(openable).toBeLessThan(rows.length);
    const unreadBefore = rows.length - openable;
    const before = queries;
    const count = await unreadCount(db(), claire);
    expect(queries - before).toBeLessThanOrEqual(15);
    // Claire's demo notifications are counted too: everything unread she may open.
    const inbox = await listInbox(db(), claire, { limit: 100 });
    expect(count.unread).toBe(inbox.notifications.filter((n) => !n.read).length);
    expect(inbox.notifications.filter((n) => n.kind === "test").length).toBe(openable);
    expect(unreadBefore).toBeGreaterThan(0);
  });
});
