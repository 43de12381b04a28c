/**
 * The version history in words (ADR 0028): real edits over the websocket, noted by section as
 * the server accepts them, and read back as lines with only the parts the reader may open. Real server, real database, real websockets.
 */
import { newFamilyViewsState } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import { editLineWords, type DocumentDetail, type EditHistoryPage } from "@roundtable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let claire: SignedIn;
let plan: { caseId: string; documentId: string };
let professionalsPart: string;
const clients: CollabClient[] = [];

beforeAll(async () => {
  [priya, claire] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "claire.walker")]);
  plan = await carePlanOf(priya, "Jamie Walker");
  const [part] = await server.database.db
    .insert(schema.documents)
    .values({ caseId: plan.caseId, partOf: plan.documentId, kind: "notes", title: "Professionals' notes", visibility: "professionals", snapshot: newFamilyViewsState(["Working note"]) })
    .returning({ id: schema.documents.id });
  professionalsPart = part!.id;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
});

/** Type into the paragraph under each of these headings, as one person, and wait until it is saved. */
async function typeUnder(who: SignedIn, documentId: string, headings: string[], words: string): Promise<void> {
  const writer = await connectCollab(server.url, documentId, who.cookie);
  clients.push(writer);
  const fragment = writer.doc.getXmlFragment("default");
  const before = server.registry.updateLog.written;
  for (const wanted of headings) {
    const at = fragment.toArray().findIndex((b) => b instanceof Y.XmlElement && b.nodeName === "heading" && b.toArray().join("") === wanted);
    expect(at).toBeGreaterThanOrEqual(0);
    ((fragment.get(at + 1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, words);
  }
  await waitFor(() => server.registry.updateLog.written >= before + headings.length);
}

const historyWords = async (who: SignedIn) => {
  await server.editHistory.flush();
  const page = await who.get<EditHistoryPage>(`/api/documents/${plan.documentId}/history`);
  expect(page.status).toBe(200);
  return page.body.lines.map(editLineWords);
};

describe("the version history in words", () => {
  it("says who changed which sections, the family's part included, and leaves out a part the reader may not open", async () => {
    const familyPart = (await claire.get<DocumentDetail>(`/api/documents/${plan.documentId}`)).body.parts.find((p) => p.kind === "family-views")!.id;
    await typeUnder(priya, plan.documentId, ["Needs and strengths", "Outcomes we are working towards"], "Updated after the visit. ");
    await typeUnder(claire, familyPart, ["What my family says"], "We would like a morning meeting. ");
    await typeUnder(priya, professionalsPart, ["What my family says"], "Not for the family. ");

    const claires = await historyWords(claire);
    expect(claires).toEqual(["Claire Walker added to What my family says", "Priya Shah added to Needs and strengths and Outcomes we are working towards"]);
    const priyas = await historyWords(priya);
    expect(priyas).toHaveLength(3);
    expect(priyas[0]).toBe("Priya Shah added to What my family says");
  });

  it("is refused, like the document, to someone who may not open it", async () => {
    const daniel = await signIn(server.url, "daniel.reid");
    expect((await daniel.get(`/api/documents/${plan.documentId}/history`)).status).toBe(404);
    expect((await priya.get(`/api/documents/${plan.documentId}/history?before=nonsense`)).status).toBe(400);
  });
});
