/**
 * A database of its own for tests of document storage: PGlite in memory by default, a fresh
 * Postgres database when DATABASE_URL is set; with one case to hang documents on.
 */
import { openDatabase, schema, type Database } from "@roundtable/db";
import { createTestDatabase, type TestDatabase } from "@roundtable/db/testing";

export interface DocumentsDatabase {
  database: Database;
  /** A new, empty document (its row, so updates to it may be stored). */
  newDocument(): Promise<string>;
  close(): Promise<void>;
}

export async function openDocumentsDatabase(): Promise<DocumentsDatabase> {
  let testDb: TestDatabase | null = null;
  if (process.env.DATABASE_URL) testDb = await createTestDatabase(process.env.DATABASE_URL);
  const database = await openDatabase({ url: testDb?.url });
  const { db } = database;
  const [service] = await db.insert(schema.services).values({ name: "Test service", area: "Testshire" }).returning();
  const [c] = await db.insert(schema.cases).values({ serviceId: service!.id, name: "A. Child", ragRating: "amber" }).returning();
  return {
    database,
    async newDocument() {
      const [doc] = await db
        .insert(schema.documents)
        .values({ caseId: c!.id, kind: "care-plan", title: "A plan", visibility: "family" })
        .returning({ id: schema.documents.id });
      return doc!.id;
    },
    async close() {
      await database.close();
      await testDb?.drop();
    },
  };
}
