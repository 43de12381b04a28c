/**
 * Named versions are bounded in the mechanism: at most 500 a document, counted inside the
 * transaction that saves one (two saves at once cannot both take the last place), and a few a
 * minute per person, refused with words they can act on. Real server, real database.
 */
import { schema } from "@roundtable/db";
import { newRichTextState } from "@roundtable/collab";
import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { maxVersionsPerDocument } from "../src/documents/document-record.js";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const savesPerMinute = 3;
const server = useTestServer({ configure: (config) => { config.versionSavesPerMinute = savesPerMinute; } });
let priya: SignedIn;
let tom: SignedIn;
let plan: { caseId: string; documentId: string };

beforeAll(async () => {
  [priya, tom] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "tom.hughes")]);
  plan = await carePlanOf(priya, "Jamie Walker");
});

const versionsOf = async (documentId: string) =>
  (
    await server.database.db
      .select({ n: count() })
      .from(schema.documentVersions)
      .where(and(eq(schema.documentVersions.documentId, documentId), isNull(schema.documentVersions.partOfVersion)))
  )[0]!.n;

describe("saving named versions", () => {
  it("lets only one of two saves at once take a document's last place", async () => {
    // A document one short of the limit, its earlier versions saved long ago by nobody now.
    const [doc] = await server.database.db
      .insert(schema.documents)
      .values({ caseId: plan.caseId, kind: "care-plan", title: "A plan with many versions", visibility: "family", snapshot: newRichTextState([]) })
      .returning({ id: schema.documents.id });
    const longAgo = new Date(Date.now() - 86_400_000);
    await server.database.db
      .insert(schema.documentVersions)
      .values(Array.from({ length: maxVersionsPerDocument - 1 }, (_, i) => ({ documentId: doc!.id, name: `Old ${i}`, state: newRichTextState([]), createdAt: longAgo })));

    const saves = await Promise.all([priya, priya].map((who, i) => who.post<{ error?: string }>(`/api/documents/${doc!.id}/versions`, { name: `At once ${i}` })));
    expect(saves.map((s) => s.status).sort()).toEqual([201, 409]);
    expect(saves.find((s) => s.status === 409)?.body.error).toMatch(/already has 500 named versions/);
    expect(await versionsOf(doc!.id)).toBe(maxVersionsPerDocument);
  });

  it("refuses a person's saves beyond a few a minute, saying when to try again; someone else may still save", async () => {
    const before = await versionsOf(plan.documentId);
    const statuses: number[] = [];
    let refusal = "";
    for (let i = 0; i <= savesPerMinute; i++) {
      const saved = await tom.post<{ error?: string }>(`/api/documents/${plan.documentId}/versions`, { name: `Draft ${i}` });
      statuses.push(saved.status);
      refusal = saved.body.error ?? refusal;
    }
    expect(statuses).toEqual([...Array(savesPerMinute).fill(201), 429]);
    expect(refusal).toBe(`You have saved ${savesPerMinute} named versions in the last minute, which is as many as Roundtable allows. Wait a minute, then save this one again.`);
    expect(await versionsOf(plan.documentId)).toBe(before + savesPerMinute);
    // Priya saved one in the test above: she still has room.
    expect((await priya.post(`/api/documents/${plan.documentId}/versions`, { name: "Priya's version" })).status).toBe(201);
  });
});
