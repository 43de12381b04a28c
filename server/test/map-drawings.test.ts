/**
 * Network maps drawn for download on the drawing workers (ADR 0037): map.png and a care plan's
 * PDF with maps come out byte for byte as drawn on the server's own thread; one person's map
 * downloads are limited (429, saying how long to wait); past the drawings under way and waiting
 * the server answers 503 with Retry-After and goes on answering everything else; a drawing that
 * fails in its worker is a clear 500 and the server goes on. Real servers and databases; the
 * real worker for the drawings, and a stand-in that holds each job for the bounds.
 */
import { addMapNode, connectMapNodes, readNetworkMap } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import type { DocumentDetail } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentAccessFor } from "../src/access/access.js";
import { personById, type Person } from "../src/auth/sessions.js";
import { documentPdf, type DocumentPdfDeps } from "../src/documents/document-pdf.js";
import { carePlanMapPages } from "../src/network-map/care-plan-maps.js";
import { busyDrawingMessage } from "../src/network-map/map-drawings.js";
import { rasteriseMap } from "../src/network-map/map-png.js";
import { drawMapSvg } from "../src/network-map/map-svg.js";
import { readStoredMap } from "../src/network-map/stored-map.js";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { heldMapDrawings, heldMapDrawingWorker, type HeldMapDrawings } from "./support/held-map-drawings.js";
import { useTestServers, type TestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const [server, held] = useTestServers(
  { configure: (config) => Object.assign(config.mapDrawing, { perPerson: 4 }) },
  { configure: (config) => Object.assign(config.mapDrawing, { workers: 1, queued: 1, workerFile: heldMapDrawingWorker }) },
);
const clients: CollabClient[] = [];
afterAll(() => {
  for (const c of clients) c.destroy();
});

interface Answer {
  status: number;
  type: string | null;
  retryAfter: string | null;
  bytes: Buffer;
  error?: string;
}

async function get(on: TestServer, who: SignedIn, path: string): Promise<Answer> {
  const res = await fetch(`${on.url}${path}`, { headers: { cookie: who.cookie } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type");
  return { status: res.status, type, retryAfter: res.headers.get("retry-after"), bytes, ...(type?.startsWith("application/json") ? { error: JSON.parse(bytes.toString()).error } : {}) };
}

/** A family map of Jamie's case, drawn by Priya over a real connection, with this many people besides Jamie. */
async function mapOfJamie(on: TestServer, priya: SignedIn, caseId: string, people: number): Promise<string> {
  const made = await priya.post<DocumentDetail>(`/api/cases/${caseId}/documents`, { kind: "network-map", title: "Everyone around Jamie", visibility: "family" });
  expect(made.status).toBe(201);
  const editor = await connectCollab(on.url, made.body.id, priya.cookie);
  clients.push(editor);
  editor.doc.transact(() => {
    for (let i = 1; i <= people; i++) {
      const id = addMapNode(editor.doc, { label: `Worker ${i}`, kind: i % 4 === 0 ? "agency" : "person", status: i % 3 === 0 ? "left" : "on-board", x: 300 * (i % 5), y: 220 * Math.floor(i / 5), role: "Support worker" });
      connectMapNodes(editor.doc, "young-person", id, i % 2 ? "works with" : "strained");
    }
  });
  await waitFor(
    async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await on.registry.readState(made.body.id));
      return readNetworkMap(doc).nodes.length === people + 1;
    },
    { what: "the map on the server" },
  );
  return made.body.id;
}

const exportsOf = (on: TestServer, documentId: string) =>
  on.database.db
    .select({ detail: schema.auditEvents.detail })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.documentId, documentId), eq(schema.auditEvents.action, "exported")));

describe("a map drawn on the drawing workers", () => {
  let priya: SignedIn;
  let claire: SignedIn;
  let plan: { caseId: string; documentId: string };
  let mapId: string;

  beforeAll(async () => {
    [priya, claire] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "claire.walker")]);
    plan = await carePlanOf(priya, "Jamie Walker");
    mapId = await mapOfJamie(server, priya, plan.caseId, 30);
  });

  it("is map.png and the care plan's PDF byte for byte as drawn on the server's own thread", async () => {
    const person = (await personById(server.database.db, claire.personId)) as Person;
    const opened = await documentAccessFor(server.database.db, person, mapId);
    if (!opened.ok) throw new Error("Claire may open Jamie's family map");
    const here = rasteriseMap(drawMapSvg(await readStoredMap({ db: server.database.db, registry: server.registry }, person, opened, "drawn-by-resvg")));

    const png = await get(server, claire, `/api/documents/${mapId}/map.png`);
    expect(png).toMatchObject({ status: 200, type: "image/png" });
    expect(png.bytes.equals(here)).toBe(true);

    const now = new Date("2026-12-09T10:00:00Z");
    const pdfDeps = (mapDrawings?: typeof server.mapDrawings): DocumentPdfDeps => ({
      db: server.database.db,
      registry: server.registry,
      config: server.storage.config,
      carePlanMaps: carePlanMapPages({ db: server.database.db, registry: server.registry, mapDrawings }),
    });
    const onWorker = await documentPdf(pdfDeps(server.mapDrawings), person, plan.documentId, undefined, now);
    const onThisThread = await documentPdf(pdfDeps(), person, plan.documentId, undefined, now);
    expect(onWorker.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(onWorker.pdf.equals(onThisThread.pdf)).toBe(true);
  });

  it("limits one person's map downloads, saying how long to wait, and never another's", async () => {
    const priyasMap = await mapOfJamie(server, priya, plan.caseId, 2);
    const downloads = [`/api/documents/${priyasMap}/map.svg`, `/api/documents/${priyasMap}/map.png`, `/api/documents/${plan.documentId}/pdf`, `/api/documents/${priyasMap}/map.svg`];
    for (const path of downloads) expect((await get(server, priya, path)).status, path).toBe(200);

    const refused = await get(server, priya, `/api/documents/${priyasMap}/map.png`);
    expect(refused).toMatchObject({
      status: 429,
      error: "You have downloaded 4 network maps (as pictures, or in care plan PDFs) in the last 10 minutes, which is as many as Roundtable allows. Wait 10 minutes, then try again.",
    });
    expect(Number(refused.retryAfter)).toBeGreaterThan(500);
    expect((await get(server, priya, `/api/documents/${plan.documentId}/pdf`)).status).toBe(429); // a care plan PDF with maps is a map drawing too
    expect(await exportsOf(server, priyasMap)).toHaveLength(4); // three downloads and the PDF it was in; nothing for those refused

    // Claire has her own allowance (two used above); Priya can still open everything else.
    expect((await get(server, claire, `/api/documents/${priyasMap}/map.svg`)).status).toBe(200);
    expect((await priya.get(`/api/documents/${priyasMap}`)).status).toBe(200);
  });
});

describe("when the server is busy drawing, or a drawing fails", () => {
  let priya: SignedIn;
  let claire: SignedIn;
  let plan: { caseId: string; documentId: string };
  let mapId: string;
  let drawings: HeldMapDrawings;

  beforeAll(async () => {
    drawings = heldMapDrawings();
    [priya, claire] = await Promise.all([signIn(held.url, "priya.shah"), signIn(held.url, "claire.walker")]);
    plan = await carePlanOf(priya, "Jamie Walker");
    mapId = await mapOfJamie(held, priya, plan.caseId, 3);
  });
  afterAll(() => drawings.close());

  it("refuses a drawing beyond the one under way and the one waiting with 503 and Retry-After, and answers everything else meanwhile", async () => {
    const png = get(held, priya, `/api/documents/${mapId}/map.png`);
    expect((await drawings.started()).kind).toBe("png");
    const pdf = get(held, priya, `/api/documents/${plan.documentId}/pdf`);
    await waitFor(() => held.mapDrawings.load.waiting === 1, { what: "the care plan's PDF waiting for a worker" });

    const refused = await get(held, claire, `/api/documents/${mapId}/map.png`);
    expect(refused).toMatchObject({ status: 503, retryAfter: "60", error: busyDrawingMessage });
    expect(busyDrawingMessage).toBe("The server is busy drawing other maps; try again in a minute.");
    expect((await get(held, claire, "/api/health")).status).toBe(200);
    expect((await get(held, claire, `/api/documents/${mapId}/map.svg`)).status).toBe(200);

    drawings.tell("finish");
    expect(await png).toMatchObject({ status: 200, type: "image/png" });
    expect((await png).bytes.toString()).toBe("drawn png");
    expect((await drawings.started()).kind).toBe("care-plan-pdf");
    drawings.tell("finish");
    expect(await pdf).toMatchObject({ status: 200, type: "application/pdf" });
    expect((await pdf).bytes.toString()).toBe("drawn care-plan-pdf");

    // Refused while busy, it did not count against Claire's allowance, and she can ask again.
    const again = get(held, claire, `/api/documents/${mapId}/map.png`);
    await drawings.started();
    drawings.tell("finish");
    expect((await again).status).toBe(200);
  });

  it("answers a drawing that fails in its worker, or whose worker dies, with a clear 500, records no download, and goes on", async () => {
    const before = (await exportsOf(held, mapId)).length;
    const png = get(held, claire, `/api/documents/${mapId}/map.png`);
    await drawings.started();
    drawings.tell("fail");
    expect(await png).toMatchObject({ status: 500, error: "This map's picture could not be drawn. The map itself is safe: try again, or download it as SVG instead." });

    const pdf = get(held, claire, `/api/documents/${plan.documentId}/pdf`);
    await drawings.started();
    drawings.tell("crash");
    expect(await pdf).toMatchObject({
      status: 500,
      error: "This PDF could not be made, because drawing its network maps failed. The plan is safe: try again, or download the maps from the case page.",
    });
    expect(await exportsOf(held, mapId)).toHaveLength(before);

    expect((await get(held, claire, "/api/health")).status).toBe(200);
    const next = get(held, claire, `/api/documents/${mapId}/map.png`);
    await drawings.started();
    drawings.tell("finish");
    expect((await next).status).toBe(200);
  });
});
