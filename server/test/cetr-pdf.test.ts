/**
 * A CETR's report as a PDF with its actions table (GET /api/cetrs/:id/pdf): the key lines of
 * enquiry, each action agreed in it with its owner and due date, each action carried into it with
 * what the CETR decided. A draft for professionals only until it is agreed; then the family may
 * download it too, and nobody from another service ever may.
 */
import { schema } from "@roundtable/db";
import type { CetrSummary } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type SignedIn } from "./support/api-client.js";
import type { CollabClient } from "./support/collab-client.js";
import { insertCetr, serviceElsewhere } from "./support/cetr-fixtures.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { accountOffTeam, demoPeople, freshCase } from "./support/team-accounts.js";
import { useTestServer } from "./support/test-server.js";
import { typeAction } from "./support/typed-action.js";

const server = useTestServer();
let priya: SignedIn;
let helen: SignedIn;
let claire: SignedIn;
let outsider: SignedIn;
let lucyId: string;
let childId: string;
let earlier: { cetrId: string; actionIds: string[] };
let cetr: CetrSummary;
const clients: CollabClient[] = [];

/** The PDF as text: its lines trimmed and run together, so words wrapped in a table cell read as one. */
async function pdfText(who: SignedIn, cetrId: string): Promise<{ status: number; text: string; type: string | null; disposition: string | null }> {
  const res = await fetch(`${server.url}/api/cetrs/${cetrId}/pdf`, { headers: { cookie: who.cookie } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = res.status === 200 ? pdfTextLines(bytes).map((l) => l.trim()).join(" ") : "";
  return { status: res.status, text, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition") };
}

beforeAll(async () => {
  [priya, helen, claire] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "helen.morris"), signIn(server.url, "claire.walker")]);
  const db = server.database.db;
  const who = await demoPeople(db);
  lucyId = who("lucy.evans").id;
  const team = ["priya.shah", "helen.morris", "lucy.evans", "claire.walker"].map((local) => ({ personId: who(local).id, role: who(local).role }));
  childId = await freshCase(db, who("priya.shah").serviceId, "Poppy Ashworth", team, [who("helen.morris").agencyId!, who("lucy.evans").agencyId!]);
  // An earlier CETR, agreed, with two actions still open: the new one carries them over.
  earlier = await insertCetr(db, {
    caseId: childId,
    actions: [
      { text: "Refer Poppy to the community learning disability team", ownerId: lucyId, dueInDays: 20 },
      { text: "Visit the respite unit with Poppy's mum", ownerId: lucyId, dueInDays: 40 },
    ],
  });
  const elsewhere = await serviceElsewhere(db, who("helen.morris").agencyId!);
  outsider = await signIn(server.url, (await accountOffTeam(db, elsewhere.serviceId, "Sam Southfield", "service-lead")).login);
});
afterAll(() => {
  for (const c of clients) c.destroy();
});

describe("a CETR report as a PDF", () => {
  it("is a draft for professionals while the CETR is under way, with the report and every action", async () => {
    cetr = (await priya.post<CetrSummary>(`/api/cases/${childId}/cetrs`, { reason: "Poppy has been excluded from school twice this term.", setting: "community" })).body;
    expect(cetr.carriedOver).toHaveLength(2);
    expect((await helen.post(`/api/cetrs/${cetr.id}/commands`, { type: "arrange", heldOn: "2027-02-11", chairId: helen.personId })).status).toBe(200);
    const asDocument = await fetch(`${server.url}/api/documents/${cetr.documentId}/pdf`, { headers: { cookie: priya.cookie } });
    expect(pdfTextLines(Buffer.from(await asDocument.arrayBuffer())).join(" ")).toContain("Professionals only");
    expect((await helen.post(`/api/cetrs/${cetr.id}/carried-actions/${earlier.actionIds[0]}`, { decision: "cancelled", reason: "the team has already taken her on" })).status).toBe(200);
    await typeAction(server.url, helen, cetr.documentId, { text: "Book a sleep clinic appointment for Poppy", ownerId: lucyId, dueDate: "2027-04-15" }, clients);

    const pdf = await pdfText(priya, cetr.id);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.disposition).toMatch(/^attachment; filename="cetr-report-poppy-ashworth-2027-02-11-draft\.pdf"$/);
    for (const expected of [
      "Roundtable",
      "CETR report",
      "Version: Draft, not yet agreed",
      "Professionals only",
      "About: Poppy Ashworth",
      // The key lines of enquiry, the report's sections.
      "Am I safe?",
      "What is my current care like?",
      "Do I need to be in hospital?",
      // The actions table: the action agreed here, its owner and due date.
      "What Who By when Status",
      "Book a sleep clinic appointment for Poppy Lucy Evans Thu 15 Apr 2027 Not started",
      // Carried over, with what this CETR decided (and why it closed one), or that it has not yet.
      "Refer Poppy to the community learning disability team Carried over from the CETR on",
      "This CETR: No longer needed. Reason: the team has already taken her on.",
      "Visit the respite unit with Poppy's mum Carried over from the CETR on",
      "Not reviewed at this CETR.",
    ]) {
      expect(pdf.text).toContain(expected);
    }
    // Cancelled there, so it is cancelled here too: the same action.
    expect(pdf.text).toMatch(/Cancelled This CETR: No longer needed/);
  });

  it("is not the family's before the report is agreed, and is theirs after, no longer marked for professionals", async () => {
    expect((await pdfText(claire, cetr.id)).status).toBe(404);
    expect((await helen.post(`/api/cetrs/${cetr.id}/commands`, { type: "hold" })).status).toBe(200);
    expect((await helen.post(`/api/cetrs/${cetr.id}/commands`, { type: "agree-report" })).status).toBe(200);
    const pdf = await pdfText(claire, cetr.id);
    expect(pdf.status).toBe(200);
    expect(pdf.disposition).toMatch(/filename="cetr-report-poppy-ashworth-2027-02-11\.pdf"/);
    expect(pdf.text).toMatch(/Version: Agreed CETR report \(agreed \w{3} \d{1,2} \w{3} \d{4}\)/);
    expect(pdf.text).not.toContain("Professionals only");
    expect(pdf.text).not.toContain("Draft");
    expect(pdf.text).toContain("Book a sleep clinic appointment for Poppy Lucy Evans Thu 15 Apr 2027 Not started");
    expect(pdf.text).toContain("Visit the respite unit with Poppy's mum");
    // The report as a document PDF (the document page's download) follows the CETR as well.
    const asDocument = await fetch(`${server.url}/api/documents/${cetr.documentId}/pdf`, { headers: { cookie: claire.cookie } });
    expect(asDocument.status).toBe(200);
    expect(pdfTextLines(Buffer.from(await asDocument.arrayBuffer())).join(" ")).not.toContain("Professionals only");
  });

  it("is on the child's trail as a download", async () => {
    const rows = await server.database.db
      .select({ personId: schema.auditEvents.personId, detail: schema.auditEvents.detail })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.caseId, childId), eq(schema.auditEvents.action, "exported"), eq(schema.auditEvents.documentId, cetr.documentId)));
    expect(rows).toEqual(
      expect.arrayContaining([
        { personId: priya.personId, detail: { format: "pdf", version: "draft", what: "cetr-report" } },
        { personId: claire.personId, detail: { format: "pdf", version: "agreed", what: "cetr-report" } },
      ]),
    );
  });

  it("is never given to someone from another service, nor to anyone asking with a made-up id", async () => {
    expect((await pdfText(outsider, cetr.id)).status).toBe(404);
    expect((await pdfText(priya, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await pdfText(priya, "not-an-id")).status).toBe(400);
  });
});
