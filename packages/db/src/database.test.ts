import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { underPostgres, useDatabaseUnderTest } from "./database-under-test.js";
import * as schema from "./schema.js";

// PGlite in memory by default; a fresh Postgres database when DATABASE_URL is set.
const opened = useDatabaseUnderTest();

describe("the database", () => {
  it("applies the committed migrations on open", async () => {
    expect(opened().kind).toBe(underPostgres() ? "postgres" : "pglite");
    expect(await opened().db.select().from(schema.services)).toEqual([]);
  });

  it("stores Yjs bytes and gives them back as a plain Uint8Array", async () => {
    const { db } = opened();
    const [service] = await db.insert(schema.services).values({ name: "Test service", area: "Testshire" }).returning();
    const [c] = await db.insert(schema.cases).values({ serviceId: service!.id, name: "A. Child", ragRating: "amber" }).returning();
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const [doc] = await db
      .insert(schema.documents)
      .values({ caseId: c!.id, kind: "care-plan", title: "Plan", visibility: "family", snapshot: bytes })
      .returning({ id: schema.documents.id });
    const [row] = await db.select({ snapshot: schema.documents.snapshot }).from(schema.documents).where(eq(schema.documents.id, doc!.id));
    expect(row!.snapshot).toBeInstanceOf(Uint8Array);
    expect([...row!.snapshot!]).toEqual([...bytes]);
  });

  it("numbers update log rows in the order they were written", async () => {
    const { db } = opened();
    const [doc] = await db.select({ id: schema.documents.id }).from(schema.documents).limit(1);
    await db.insert(schema.documentUpdates).values([1, 2, 3].map((n) => ({ documentId: doc!.id, update: new Uint8Array([n]) })));
    const rows = await db.select().from(schema.documentUpdates).orderBy(schema.documentUpdates.seq);
    expect(rows.map((r) => r.update[0])).toEqual([1, 2, 3]);
    expect(rows[0]!.seq).toBeLessThan(rows[2]!.seq);
  });

  it("keeps the audit trail append-only: rows cannot be changed or deleted, by anyone", async () => {
    const { db } = opened();
    await db.insert(schema.auditEvents).values({ action: "opened", personName: "Test person" });
    const [row] = await db.select().from(schema.auditEvents).limit(1);
    // Drizzle wraps the database's error; the trigger's words are in its cause.
    const refusal = async (attempt: Promise<unknown>) => {
      const error = await attempt.then(() => null, (e: unknown) => e as Error & { cause?: Error });
      return `${error?.message ?? "no error"} ${error?.cause?.message ?? ""}`;
    };
    expect(await refusal(db.update(schema.auditEvents).set({ action: "edited" }).where(eq(schema.auditEvents.id, row!.id)))).toMatch(/append-only: UPDATE/);
    expect(await refusal(db.delete(schema.auditEvents).where(eq(schema.auditEvents.id, row!.id)))).toMatch(/append-only: DELETE/);
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE/);
    expect((await db.select().from(schema.auditEvents).where(eq(schema.auditEvents.id, row!.id)))[0]!.action).toBe("opened");
  });
});
