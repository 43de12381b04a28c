/**
 * The storage contract, held to by both implementations: the in-memory one the fast tests use
 * must behave as the database does (PGlite here, Postgres when DATABASE_URL is set).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDocumentsDatabase, type DocumentsDatabase } from "../../test/support/documents-database.js";
import { UnfoldableDocumentError, type DocumentStorage } from "./document-storage.js";
import { MemoryDocumentStorage } from "./memory-document-storage.js";
import { PostgresDocumentStorage } from "./postgres-document-storage.js";

interface Subject {
  storage: DocumentStorage;
  newDocument(): Promise<string>;
}

let documents: DocumentsDatabase;
beforeAll(async () => {
  documents = await openDocumentsDatabase();
}, 60_000);
afterAll(() => documents?.close());

const subjects: [string, () => Subject][] = [
  ["in memory", () => ({ storage: new MemoryDocumentStorage(), newDocument: async () => randomUUID() })],
  ["in the database", () => ({ storage: new PostgresDocumentStorage(documents.database.db), newDocument: () => documents.newDocument() })],
];

/** Updates typing `words` one after another, as an editor's client would send them. */
function typed(...words: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (const word of words) doc.getText("t").insert(doc.getText("t").length, word);
  return updates;
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc.getText("t").toString();
}

describe.each(subjects)("document storage %s", (_name, subject) => {
  it("loads nothing for a document with nothing stored", async () => {
    const { storage, newDocument } = subject();
    expect(await storage.load(await newDocument())).toMatchObject({ updates: [], tailLength: 0 });
  });

  it("gives back every update's exact bytes, in order, however many and however long", async () => {
    const { storage, newDocument } = subject();
    const documentId = await newDocument();
    // Typed updates, and one pasted page over 64 KB (its length does not fit in two bytes).
    const updates = [...typed(...Array.from({ length: 300 }, (_, i) => String(i % 10))), ...typed("x".repeat(70_000))];
    await storage.appendBatch(updates.map((update) => ({ documentId, update, authorId: null })));
    const loaded = await storage.load(documentId);
    expect(loaded.tailLength).toBe(updates.length);
    expect(loaded.updates.map((u) => Buffer.from(u).toString("hex"))).toEqual(updates.map((u) => Buffer.from(u).toString("hex")));
  });

  it("loads appended batches in the order they were written", async () => {
    const { storage, newDocument } = subject();
    const documentId = await newDocument();
    const [one, two, three] = typed("Jamie ", "chose ", "the venue.");
    await storage.appendBatch([{ documentId, update: one!, authorId: null }]);
    await storage.appendBatch([two!, three!].map((update) => ({ documentId, update, authorId: null })));
    const loaded = await storage.load(documentId);
    expect(loaded.tailLength).toBe(3);
    expect(loaded.updates.map((u) => Buffer.from(u).toString("hex"))).toEqual([one, two, three].map((u) => Buffer.from(u!).toString("hex")));
  });

  it("folds the log into the snapshot, keeps what comes after, and lists only documents past the threshold", async () => {
    const { storage, newDocument } = subject();
    const [folded, quiet] = [await newDocument(), await newDocument()];
    const updates = typed("Note one. ", "Note two. ", "Note three. ", "After the fold.");
    await storage.appendBatch(updates.slice(0, 3).map((update) => ({ documentId: folded, update, authorId: null })));
    await storage.appendBatch([{ documentId: quiet, update: typed("Quiet.")[0]!, authorId: null }]);
    const listed = await storage.needingCompaction(2);
    expect(listed).toContain(folded);
    expect(listed).not.toContain(quiet);

    expect(await storage.compact(folded)).toBe(3);
    expect(await storage.compact(folded)).toBe(0);
    await storage.appendBatch([{ documentId: folded, update: updates[3]!, authorId: null }]);
    const loaded = await storage.load(folded);
    expect(loaded.tailLength).toBe(1);
    expect(loaded.updates).toHaveLength(2); // the snapshot, then the tail
    expect(textOf(loaded.updates)).toBe("Note one. Note two. Note three. After the fold.");
    expect(await storage.needingCompaction(2)).not.toContain(folded);
  });

  it("refuses to fold a log it cannot read, and keeps it as it was", async () => {
    const { storage, newDocument } = subject();
    const documentId = await newDocument();
    const garbage = new Uint8Array([255, 255, 255, 255]);
    await storage.appendBatch([{ documentId, update: garbage, authorId: null }]);
    await expect(storage.compact(documentId)).rejects.toBeInstanceOf(UnfoldableDocumentError);
    expect((await storage.load(documentId)).updates).toEqual([garbage]);
  });
});

describe("what kind of document storage says it is", () => {
  it("is the registry's kind in the database, and unknown in memory until said", async () => {
    expect((await new PostgresDocumentStorage(documents.database.db).load(await documents.newDocument())).kind).toBe("care-plan");
    const memory = new MemoryDocumentStorage();
    const id = randomUUID();
    expect((await memory.load(id)).kind).toBeNull();
    memory.setKind(id, "network-map");
    expect((await memory.load(id)).kind).toBe("network-map");
  });
});
