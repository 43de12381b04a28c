/**
 * The child's network maps in their care plan's PDF: each map the reader may open, newest first,
 * on a page of its own with the map drawn and the people on it in words; a professionals-only
 * map never in a family's copy; a case without a map (or with none the reader may open) gets
 * the PDF it got before, byte for byte; on the audit trail of the plan and of each map. Real
 * server, real database, maps drawn through real websocket edits.
 */
import { addMapNode, readNetworkMap } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import type { DocumentDetail, DocumentVersionSummary, MapNodeFields } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { personById, type Person } from "../src/auth/sessions.js";
import { documentPdf, type DocumentPdfDeps } from "../src/documents/document-pdf.js";
import { carePlanMapPages } from "../src/network-map/care-plan-maps.js";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let claire: SignedIn;
let mark: SignedIn;
let plan: { caseId: string; documentId: string };
const clients: CollabClient[] = [];
const now = new Date("2026-12-09T10:00:00Z");
const maps: Record<"professionals" | "family", string> = { professionals: "", family: "" };

beforeAll(async () => {
  [priya, claire, mark] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "claire.walker"), signIn(server.url, "mark.davies")]);
  plan = await carePlanOf(priya, "Jamie Walker");
});
afterAll(() => {
  for (const c of clients) c.destroy();
});

/** PDF text is Windows-1252: the en dash is one byte there. */
const inPdf = (words: string) => words.replaceAll("\u2013", "\x96");
const textOf = (pdf: Buffer) => pdfTextLines(pdf).join("\n");
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const landscapePages = (pdf: Buffer) => pdf.toString("latin1").match(/\/MediaBox \[0 0 841\.89 595\.28\]/g)?.length ?? 0;

async function downloaded(who: SignedIn, query = ""): Promise<Buffer> {
  const res = await fetch(`${server.url}/api/documents/${plan.documentId}/pdf${query}`, { headers: { cookie: who.cookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The PDF as the app makes it, at a fixed time, so two can be compared byte for byte. */
async function madeFor(who: SignedIn, carePlanMaps = carePlanMapPages({ db: server.database.db, registry: server.registry })): Promise<Buffer> {
  const deps: DocumentPdfDeps = { db: server.database.db, registry: server.registry, config: { versionSavesPerMinute: 60 }, carePlanMaps };
  const person = (await personById(server.database.db, who.personId)) as Person;
  return (await documentPdf(deps, person, plan.documentId, undefined, now)).pdf;
}

/** A new map of Jamie's case, drawn by Priya with these people, once the server holds them. */
async function drawnMap(title: string, visibility: "family" | "professionals", people: MapNodeFields[]): Promise<string> {
  const made = await priya.post<DocumentDetail>(`/api/cases/${plan.caseId}/documents`, { kind: "network-map", title, visibility });
  expect(made.status).toBe(201);
  const editor = await connectCollab(server.url, made.body.id, priya.cookie);
  clients.push(editor);
  for (const person of people) addMapNode(editor.doc, person);
  await waitFor(
    async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await server.registry.readState(made.body.id));
      return readNetworkMap(doc).nodes.length === people.length + 1;
    },
    { what: `${title} with its people on the server` },
  );
  return made.body.id;
}

const exportsOf = (documentId: string, personName: string) =>
  server.database.db
    .select({ detail: schema.auditEvents.detail })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.documentId, documentId), eq(schema.auditEvents.action, "exported"), eq(schema.auditEvents.personName, personName)));

describe("a care plan whose child has no map the reader may open", () => {
  it("is the PDF it was without maps, byte for byte, and a professionals-only map changes nothing in the family's copy", async () => {
    const withoutMaps = await madeFor(claire, async () => ({ count: 0, draw: () => {}, recordExported: async () => {} }));
    const claires = await madeFor(claire);
    expect(claires.equals(withoutMaps)).toBe(true);
    expect(textOf(claires)).not.toContain("Who is involved");
    const priyasBefore = await madeFor(priya);

    maps.professionals = await drawnMap("Professionals' network", "professionals", [
      { label: "Ms Hidden, youth justice", kind: "person", status: "on-board", x: 300, y: 0, role: "Case manager" },
    ]);
    const claireAfter = await madeFor(claire);
    expect(claireAfter.equals(claires)).toBe(true);
    expect(textOf(claireAfter)).not.toContain("Ms Hidden");

    const priyasAfter = await madeFor(priya);
    expect(textOf(priyasAfter)).toContain("Who is involved: Professionals' network");
    expect(pageCount(priyasAfter)).toBe(pageCount(priyasBefore) + 2); // the map, and its people in words
    // The same plan and map make the same PDF, whenever it is made (only the time it says it was downloaded counts).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2027-03-01T12:34:56Z"));
      expect((await madeFor(priya)).equals(priyasAfter)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a care plan whose child has maps", () => {
  beforeAll(async () => {
    expect((await mark.put("/api/me/contact", { phone: "01632 960 777", workingHours: "" })).status).toBe(200);
    maps.family = await drawnMap("Jamie's network", "family", [
      { label: "Mr D at school", kind: "person", status: "on-board", x: 300, y: 0, personId: mark.personId },
      { label: "Dr Okoro", kind: "person", status: "to-bring-in", x: -300, y: 0, role: "CAMHS clinician", contact: "01632 960 900" },
      { label: "Northbridge Youth Club", kind: "agency", status: "left", x: 0, y: 300 },
    ]);
  });

  it("ends Priya's copy with each map, newest first: the map drawn on a page on its side, then its people in words by where they stand", async () => {
    const pdf = await downloaded(priya);
    const text = textOf(pdf);
    const [newest, older] = [text.indexOf("Who is involved: Jamie's network"), text.indexOf("Who is involved: Professionals' network")];
    expect(newest).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newest);
    const jamies = text.slice(newest, older);
    for (const words of [
      "Who is involved: Jamie's network, in words",
      "On board (1)",
      // A linked team member as they are now, not as the node was labelled.
      "Mark Davies \u2013 SENCO, Riverside Academy, 01632 960 777",
      "To be brought in (1)",
      "Dr Okoro \u2013 CAMHS clinician, 01632 960 900",
      "No longer involved (1)",
      "Northbridge Youth Club \u2013 Agency or service",
    ]) {
      expect(jamies).toContain(inPdf(words));
    }
    expect(jamies).not.toContain("Mr D at school");
    // A map the family may not see says so on each of its pages: this copy may be printed for a meeting.
    const warning = "Professionals only. Do not share with the family or the young person.";
    expect(jamies).not.toContain(warning);
    expect(text.slice(older).split(warning)).toHaveLength(3);
    expect(jamies.indexOf("On board")).toBeLessThan(jamies.indexOf("To be brought in"));
    expect(jamies.indexOf("To be brought in")).toBeLessThan(jamies.indexOf("No longer involved"));
    // Each map's picture is on a page on its side, drawn in the map's own font; the words are on upright pages.
    expect(landscapePages(pdf)).toBe(2);
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
  });

  it("gives Claire (a parent) the family's map and never the professionals-only one", async () => {
    const pdf = await downloaded(claire);
    const text = textOf(pdf);
    expect(text).toContain("Who is involved: Jamie's network");
    expect(text).toContain(inPdf("Dr Okoro \u2013 CAMHS clinician"));
    expect(text).not.toContain("Professionals' network");
    expect(text).not.toContain("Ms Hidden");
    expect(text).not.toContain("Professionals only");
    expect(landscapePages(pdf)).toBe(1);
  });

  it("is on the audit trail: the plan downloaded with its maps, and each map downloaded in it", async () => {
    await downloaded(claire);
    expect(await exportsOf(plan.documentId, "Claire Walker")).toContainEqual({ detail: { format: "pdf", version: "as it stands now", networkMaps: 1 } });
    expect(await exportsOf(maps.family, "Claire Walker")).toContainEqual({ detail: { format: "pdf", in: "care-plan" } });
    expect(await exportsOf(maps.professionals, "Claire Walker")).toEqual([]);
    expect(await exportsOf(maps.professionals, "Priya Shah")).toContainEqual({ detail: { format: "pdf", in: "care-plan" } });
  });

  it("leaves the maps out of a named version's PDF: they are not kept with it", async () => {
    const saved = await priya.post<DocumentVersionSummary>(`/api/documents/${plan.documentId}/versions`, { name: "Before the maps were in it" });
    expect(saved.status).toBe(201);
    const text = textOf(await downloaded(claire, `?version=${saved.body.id}`));
    expect(text).toContain("Version: Before the maps were in it");
    expect(text).not.toContain("Who is involved");
  });

  it("draws the newest three maps at most, and as many people in all as one map may hold, naming those it leaves out", async () => {
    for (const title of ["Second map", "Third map", "Fourth map"]) {
      await drawnMap(title, "family", [{ label: `Someone on the ${title.toLowerCase()}`, kind: "person", status: "on-board", x: 300, y: 0 }]);
    }
    const text = textOf(await downloaded(claire)).replace(/\s+/g, " ");
    for (const title of ["Fourth map", "Third map", "Second map"]) expect(text).toContain(`Who is involved: ${title}`);
    expect(text).not.toContain("Who is involved: Jamie's network");
    expect(text).toContain("1 more network map is not in this PDF, to keep it quick to make and to print: Jamie's network. Open or download it from the case page.");

    // Each of these maps holds two (the young person and one other): five people in all leaves room for two maps.
    const fewerPeople = carePlanMapPages({ db: server.database.db, registry: server.registry }, { maps: 3, people: 5 });
    const within = textOf(await madeFor(claire, fewerPeople)).replace(/\s+/g, " ");
    for (const title of ["Fourth map", "Third map"]) expect(within).toContain(`Who is involved: ${title}`);
    expect(within).not.toContain("Who is involved: Second map");
    expect(within).toContain("2 more network maps are not in this PDF, to keep it quick to make and to print: Second map; Jamie's network. Open or download them from the case page.");
  });
});
