import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useDatabaseUnderTest } from "./database-under-test.js";
import { insertRows } from "./insert-rows.js";
import * as schema from "./schema.js";

// PGlite in memory by default; a fresh Postgres database when DATABASE_URL is set.
const opened = useDatabaseUnderTest();

const updateColumns = [
  { name: "document_id", type: "uuid" },
  { name: "update", type: "bytea" },
  { name: "author_id", type: "uuid", nullUnlessIn: { table: "people", column: "id" } },
] as const;

async function newPerson(): Promise<string> {
  const { db } = opened();
  const [service] = await db.insert(schema.services).values({ name: "Rows", area: "Here" }).returning({ id: schema.services.id });
  const [person] = await db
    .insert(schema.people)
    .values({ serviceId: service!.id, name: "Writer", email: `${randomUUID()}@example.test`, role: "keyworker" })
    .returning({ id: schema.people.id });
  return person!.id;
}

async function newDocument(): Promise<string> {
  const [doc] = await opened().db.insert(schema.documents).values({ kind: "care-plan", title: "Rows", visibility: "professionals" }).returning({ id: schema.documents.id });
  return doc!.id;
}

describe("inserting many rows as plain SQL", () => {
  it("writes every row, bytes and nulls as given, numbered in the order given", async () => {
    const { db } = opened();
    const documentId = await newDocument();
    const updates = Array.from({ length: 500 }, (_, i) => Uint8Array.from({ length: 1 + (i % 300) }, (_, j) => (i + j) % 256));
    await insertRows(db, "document_updates", updateColumns, updates.map((u) => [documentId, u, null]));
    const rows = await db.select().from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, documentId)).orderBy(asc(schema.documentUpdates.seq));
    expect(rows.map((r) => Buffer.from(r.update).toString("hex"))).toEqual(updates.map((u) => Buffer.from(u).toString("hex")));
    expect(rows.every((r) => r.authorId === null)).toBe(true);
  });

  it("writes authors as given, and one who is not a person as none rather than refusing the rows", async () => {
    const { db } = opened();
    const documentId = await newDocument();
    const writer = await newPerson();
    const stranger = randomUUID();
    const authors = [writer, null, stranger, writer];
    await insertRows(db, "document_updates", updateColumns, authors.map((a, i) => [documentId, new Uint8Array([i]), a]));
    const rows = await db.select().from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, documentId)).orderBy(asc(schema.documentUpdates.seq));
    expect(rows.map((r) => [r.update[0], r.authorId])).toEqual([
      [0, writer],
      [1, null],
      [2, null],
      [3, writer],
    ]);
  });

  it("writes nothing when one row is refused", async () => {
    const { db } = opened();
    const documentId = await newDocument();
    // The second row's document does not exist: the foreign key refuses it, and the first goes too.
    const rows = [
      [documentId, new Uint8Array([1]), null],
      [randomUUID(), new Uint8Array([2]), null],
    ];
    await expect(insertRows(db, "document_updates", updateColumns, rows)).rejects.toThrow(/foreign key/);
    expect(await db.select().from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, documentId))).toEqual([]);
  });

  it("refuses rows of the wrong width, and a transaction in place of the database", async () => {
    const { db } = opened();
    await expect(insertRows(db, "document_updates", updateColumns.slice(0, 2), [["x"]])).rejects.toThrow("every row needs 2 values");
    await expect(db.transaction((tx) => insertRows(tx, "document_updates", updateColumns.slice(0, 1), [[randomUUID()]]))).rejects.toThrow("not a transaction");
  });
});
