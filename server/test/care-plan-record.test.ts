/**
 * The care plan as a record: its PDF with the parts the reader may open (and not a word of a
 * part they may not), named versions saved with their parts, read back and downloaded, and
 * audited downloads. Real server, real database, real websocket edits.
 */
import { newFamilyViewsState } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import type { DocumentVersionSummary, VersionText } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let claire: SignedIn;
let plan: { caseId: string; documentId: string };
const clients: CollabClient[] = [];
const secretWords = "Professionals' working note: not for the family";

beforeAll(async () => {
  [priya, claire] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "claire.walker")]);
  plan = await carePlanOf(priya, "Jamie Walker");
  // A part of the family's plan that only professionals may open: Claire must not learn of it.
  await server.database.db.insert(schema.documents).values({
    caseId: plan.caseId,
    partOf: plan.documentId,
    kind: "notes",
    title: "Professionals' notes on the plan",
    visibility: "professionals",
    snapshot: newFamilyViewsState([secretWords]),
  });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

async function pdfOf(who: SignedIn, query = ""): Promise<string> {
  const res = await fetch(`${server.url}/api/documents/${plan.documentId}/pdf${query}`, { headers: { cookie: who.cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return pdfTextLines(Buffer.from(await res.arrayBuffer())).join("\n");
}

/** PDF text is Windows-1252: an apostrophe stays, curly quotes and dashes are single bytes. */
const inPdf = (words: string) => Buffer.from(words, "latin1").toString("latin1");

async function writeParagraph(words: string): Promise<void> {
  const writer = await connectCollab(server.url, plan.documentId, priya.cookie);
  clients.push(writer);
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(words)]);
  const before = server.registry.updateLog.written;
  writer.doc.getXmlFragment("default").push([p]);
  await waitFor(() => server.registry.updateLog.written > before);
}

describe("the care plan as a PDF", () => {
  it("has the plan, the child's name, the version and the family's part; a part the reader may not open is left out without a word", async () => {
    const claires = await pdfOf(claire);
    for (const words of [
      "Jamie's care plan",
      "Jamie Walker",
      "Version: as it stands now",
      "I like Minecraft, buses and drawing maps. I know every bus route in Northbridge.",
      "I am tired of telling the same story",
    ]) {
      expect(claires).toContain(inPdf(words));
    }
    expect(claires).not.toContain(inPdf(secretWords));
    expect(claires).not.toContain("Professionals' notes");
    const priyas = await pdfOf(priya);
    expect(priyas).toContain(inPdf(secretWords));
    expect(priyas).toContain(inPdf("Professionals' notes on the plan"));
  });

  it("is on the audit trail as a download, with the version", async () => {
    await pdfOf(claire);
    const exported = await server.database.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.documentId, plan.documentId), eq(schema.auditEvents.action, "exported"), eq(schema.auditEvents.personName, "Claire Walker")));
    expect(exported.length).toBeGreaterThan(0);
    expect(exported[0]).toMatchObject({ caseId: plan.caseId, detail: { format: "pdf", version: "as it stands now" } });
  });
});

describe("named versions of the care plan", () => {
  it("saves the plan with its parts, lists it, reads it back and downloads it, while today's text moves on", async () => {
    const name = "Agreed at the review on 8 December 2026";
    const saved = await priya.post<DocumentVersionSummary>(`/api/documents/${plan.documentId}/versions`, { name });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name, savedBy: "Priya Shah" });

    await writeParagraph("Written after the review: Jamie starts mornings at school in January.");

    const listed = await claire.get<DocumentVersionSummary[]>(`/api/documents/${plan.documentId}/versions`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((v) => v.name)).toContain(name);

    const version = await claire.get<VersionText>(`/api/documents/${plan.documentId}/versions/${saved.body.id}`);
    expect(version.status).toBe(200);
    const versionWords = JSON.stringify(version.body.parts);
    expect(versionWords).toContain("I know every bus route in Northbridge");
    expect(versionWords).toContain("I want one plan that everyone reads");
    expect(versionWords).not.toContain("Written after the review");
    expect(versionWords).not.toContain(secretWords);
    expect(JSON.stringify((await priya.get<VersionText>(`/api/documents/${plan.documentId}/versions/${saved.body.id}`)).body)).toContain(secretWords);
    expect(JSON.stringify((await claire.get<VersionText>(`/api/documents/${plan.documentId}/text`)).body)).toContain("Written after the review");

    const versionPdf = await pdfOf(claire, `?version=${saved.body.id}`);
    expect(versionPdf).toContain(inPdf(`Version: ${name}`));
    expect(versionPdf).not.toContain("Written after the review");
    expect(await pdfOf(claire)).toContain("Written after the review");
    const [audited] = await server.database.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.documentId, plan.documentId), eq(schema.auditEvents.action, "exported"), eq(schema.auditEvents.personName, "Claire Walker")))
      .orderBy(schema.auditEvents.id);
    expect(audited).toBeDefined();
    const all = await server.database.db.select({ detail: schema.auditEvents.detail }).from(schema.auditEvents).where(eq(schema.auditEvents.action, "exported"));
    expect(all.map((a) => a.detail)).toContainEqual({ format: "pdf", version: name });
  });

  it("is saved only by people who may edit, with a name of at most 120 characters", async () => {
    const refused = await claire.post<{ error: string }>(`/api/documents/${plan.documentId}/versions`, { name: "Claire's copy" });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/Only people who can edit/);
    const blank = await priya.post<{ error: string }>(`/api/documents/${plan.documentId}/versions`, { name: "  " });
    expect(blank.status).toBe(400);
    const long = await priya.post<{ error: string }>(`/api/documents/${plan.documentId}/versions`, { name: "x".repeat(121) });
    expect(long.status).toBe(400);
  });

  it("answers a version that is not this plan's, or no version at all, with 404 in the usual shape", async () => {
    const [otherVersion] = await server.database.db.select({ id: schema.documentVersions.id }).from(schema.documentVersions).where(eq(schema.documentVersions.partOfVersion, (await priya.get<DocumentVersionSummary[]>(`/api/documents/${plan.documentId}/versions`)).body[0]!.id));
    for (const versionId of ["00000000-0000-4000-8000-000000000000", "not-a-version", otherVersion!.id]) {
      const read = await priya.get<{ error: string }>(`/api/documents/${plan.documentId}/versions/${versionId}`);
      expect(read.status).toBe(404);
      expect(read.body).toEqual({ error: "That version was not found." });
      const pdf = await priya.get<{ error: string }>(`/api/documents/${plan.documentId}/pdf?version=${versionId}`);
      expect(pdf.status).toBe(404);
      expect(pdf.body).toEqual({ error: "That version was not found." });
    }
  });
});
