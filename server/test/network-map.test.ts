/**
 * The professional network map over the real server: made with the young person in the centre,
 * edited by two stock y-websocket clients at once, held to its model on the way in (a change
 * outside it is refused with a reason and reaches nobody), and downloaded as SVG and PNG drawn
 * from the document, with linked team members as they are now, on the audit trail.
 */
import { addMapNode, connectMapNodes, mapNodesOf, readNetworkMap, youngPersonNodeId } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import { closeCodes, type DocumentDetail } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { openRawCollabSocket } from "./support/raw-collab-socket.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let mark: SignedIn;
let claire: SignedIn;
let caseId: string;
const clients: CollabClient[] = [];

async function open(who: SignedIn, documentId: string): Promise<CollabClient> {
  const c = await connectCollab(server.url, documentId, who.cookie);
  clients.push(c);
  return c;
}

async function newMap(title: string, visibility: "family" | "professionals" = "family"): Promise<DocumentDetail> {
  const res = await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "network-map", title, visibility });
  expect(res.status).toBe(201);
  return res.body;
}

async function download(who: SignedIn, documentId: string, format: "svg" | "png") {
  const res = await fetch(`${server.url}/api/documents/${documentId}/map.${format}`, { headers: { cookie: who.cookie } });
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

const svgOf = async (who: SignedIn, documentId: string) => new TextDecoder().decode((await download(who, documentId, "svg")).bytes);

async function updateRows(documentId: string) {
  await server.registry.updateLog.drain();
  return server.database.db.select().from(schema.documentUpdates).where(eq(schema.documentUpdates.documentId, documentId));
}

beforeAll(async () => {
  [priya, mark, claire] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "mark.davies"), signIn(server.url, "claire.walker")]);
  caseId = (await caseNamed(priya, "Jamie Walker")).id;
});
afterAll(() => {
  for (const c of clients) c.destroy();
});

describe("a new network map", () => {
  it("starts with the young person in the centre, by name, and follows the case's visibility rules", async () => {
    const map = await newMap("Jamie's network");
    expect(map).toMatchObject({ kind: "network-map", title: "Jamie's network", visibility: "family", access: "edit" });
    const { nodes, edges } = readNetworkMap((await open(priya, map.id)).doc);
    expect(nodes).toEqual([expect.objectContaining({ id: youngPersonNodeId, label: "Jamie Walker", kind: "young-person", x: 0, y: 0 })]);
    expect(edges).toEqual([]);
    const professionalsOnly = await newMap("Professionals' network", "professionals");
    expect((await claire.get(`/api/documents/${professionalsOnly.id}`)).status).toBe(404);
    expect((await download(claire, professionalsOnly.id, "svg")).status).toBe(404);
  });
});

describe("two people drawing one map at once", () => {
  it("see each other's nodes and connections, and the SVG has every node's label", async () => {
    const map = await newMap("Who is around Jamie");
    const [a, b] = [await open(priya, map.id), await open(mark, map.id)];
    const labels = ["Dr Okoro, CAMHS", "Northbridge School", "Nana Walker"];
    const ids = labels.map((label, i) => addMapNode(a.doc, { label, kind: i === 1 ? "agency" : "person", status: "to-bring-in", x: 300 * (i - 1), y: 250 }));
    connectMapNodes(a.doc, youngPersonNodeId, ids[2]!, "family");
    const fromMark = addMapNode(b.doc, { label: "Youth worker & <friend>", kind: "person", status: "left", x: -300, y: -250, role: "Youth club" });
    connectMapNodes(b.doc, fromMark, youngPersonNodeId, "works with");
    await waitFor(() => readNetworkMap(a.doc).nodes.length === 5 && readNetworkMap(b.doc).nodes.length === 5, { what: "both maps with five nodes" });
    expect(readNetworkMap(a.doc)).toEqual(readNetworkMap(b.doc));
    expect(readNetworkMap(b.doc).edges.map((e) => e.label).sort()).toEqual(["family", "works with"]);

    const svg = await download(priya, map.id, "svg");
    expect(svg).toMatchObject({ status: 200, type: "image/svg+xml; charset=utf-8", disposition: 'attachment; filename="who-is-around-jamie.svg"' });
    const text = new TextDecoder().decode(svg.bytes);
    for (const label of ["Jamie Walker", ...labels.map((l) => l.replace("&", "&amp;")), "Youth worker &amp; &lt;friend&gt;"]) expect(text).toContain(label);
    for (const words of ["family", "works with", "To be brought in", "No longer involved", "Youth club"]) expect(text).toContain(words);
    expect(await svgOf(claire, map.id)).toBe(text); // the same file whoever asks

    const png = await download(priya, map.id, "png");
    expect(png).toMatchObject({ status: 200, type: "image/png" });
    expect([...png.bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.byteLength).toBeGreaterThan(2000);

    const exported = await server.database.db
      .select({ person: schema.auditEvents.personName, detail: schema.auditEvents.detail, caseId: schema.auditEvents.caseId })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.documentId, map.id), eq(schema.auditEvents.action, "exported")));
    expect(exported).toEqual(
      expect.arrayContaining([
        { person: "Priya Shah", detail: { format: "svg" }, caseId },
        { person: "Priya Shah", detail: { format: "png" }, caseId },
        { person: "Claire Walker", detail: { format: "svg" }, caseId },
      ]),
    );
  });

  it("shows a linked team member's name and contact details as they are now", async () => {
    const map = await newMap("Linked network");
    const a = await open(priya, map.id);
    addMapNode(a.doc, { label: "Mr D (school)", kind: "person", status: "on-board", x: 300, y: 0, personId: mark.personId });
    await waitFor(async () => (await updateRows(map.id)).length > 0, { what: "the node saved" });
    expect((await mark.put("/api/me/contact", { phone: "01632 960 777", workingHours: "" })).status).toBe(200);
    const svg = await svgOf(priya, map.id);
    expect(svg).toContain("Mark Davies");
    expect(svg).toContain("01632 960 777");
    expect(svg).toContain("SENCO");
    expect(svg).not.toContain("Mr D (school)");
  });

  it("is refused to someone who may not open it (404) and for a document that is not a map (400)", async () => {
    const map = await newMap("Not for Daniel");
    const daniel = await signIn(server.url, "daniel.reid");
    expect((await download(daniel, map.id, "svg")).status).toBe(404);
    expect((await download(daniel, map.id, "png")).status).toBe(404);
    const plan = (await priya.get<{ documents: { id: string; kind: string }[] }>(`/api/cases/${caseId}`)).body.documents.find((d) => d.kind === "care-plan")!;
    const refused = await download(priya, plan.id, "svg");
    expect(refused.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(refused.bytes)).error).toBe("This document is not a network map, so there is no map to download. Download it as a PDF instead.");
  });
});

describe("what arrives for a network map", () => {
  it("refuses a change outside the model, with a reason, before anyone else sees it or it is saved", async () => {
    const map = await newMap("Held to its model");
    const watcher = await open(mark, map.id);
    const raw = await openRawCollabSocket(server.url, map.id, priya.cookie);
    const before = (await updateRows(map.id)).length;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(watcher.doc));
    let update: Uint8Array | null = null;
    doc.on("update", (u: Uint8Array) => {
      update = u;
    });
    doc.transact(() => {
      const node = new Y.Map<unknown>();
      mapNodesOf(doc).set("stranger", node);
      for (const [k, v] of Object.entries({ label: "Stranger", kind: "alien", status: "on-board", x: 0, y: 0 })) node.set(k, v);
    });
    raw.sendUpdate(update!);
    expect(await raw.closed).toEqual({ code: closeCodes.outsideModel, reason: "This change does not fit the map: Choose whether this is the young person, a person or an agency" });
    // A later change from someone else arrives; the refused one never did.
    addMapNode(watcher.doc, { label: "After", kind: "person", status: "on-board", x: 1, y: 1 });
    await waitFor(async () => (await updateRows(map.id)).length > before, { what: "the later change saved" });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await server.registry.readState(map.id));
    expect(mapNodesOf(stored).has("stranger")).toBe(false);
    expect(mapNodesOf(watcher.doc).has("stranger")).toBe(false);
    expect((await updateRows(map.id)).map((r) => r.authorId)).toEqual([mark.personId]);
  });

  it("drops a read-only connection's changes to a map", async () => {
    const map = await newMap("Read by the service lead");
    const angela = await signIn(server.url, "angela.okafor"); // service lead: reads the whole service
    expect((await angela.get<DocumentDetail>(`/api/documents/${map.id}`)).body.access).toBe("read");
    const reader = await open(angela, map.id);
    const editor = await open(priya, map.id);
    addMapNode(reader.doc, { label: "Written by a reader", kind: "person", status: "on-board", x: 0, y: 0 });
    addMapNode(editor.doc, { label: "Marker", kind: "person", status: "on-board", x: 0, y: 0 });
    await waitFor(async () => (await updateRows(map.id)).length > 0, { what: "the keyworker's change saved" });
    await waitFor(() => server.registry.withRoom(map.id, (room) => room.droppedUpdates > 0), { what: "the reader's change dropped" });
    expect((await updateRows(map.id)).map((r) => r.authorId)).toEqual([priya.personId]);
    const late = await open(priya, map.id);
    expect(readNetworkMap(late.doc).nodes.map((n) => n.label).sort()).toEqual(["Jamie Walker", "Marker"]);
  });
});

describe("the agencies a map can name", () => {
  it("are those of the child's service, for anyone who may open the child's record, and no one else", async () => {
    const forPriya = await priya.get<{ id: string; name: string }[]>(`/api/cases/${caseId}/agencies`);
    expect(forPriya.status).toBe(200);
    expect(forPriya.body.map((a) => a.name)).toEqual(expect.arrayContaining(["Northbridge CAMHS", "Riverside Academy"]));
    // The parent sees the same names: they are on the map her family reads.
    expect((await claire.get<{ name: string }[]>(`/api/cases/${caseId}/agencies`)).body.map((a) => a.name)).toEqual(forPriya.body.map((a) => a.name));
    // Someone with no place on the child's record is told nothing, not even that the child exists.
    const elsewhere = await signIn(server.url, "donna.thompson"); // Kai's aunt
    expect((await elsewhere.get(`/api/cases/${caseId}/agencies`)).status).toBe(404);
    expect((await priya.get(`/api/cases/not-an-id/agencies`)).status).toBe(400);
  });
});
