/**
 * The record of the actions a meeting carried (ADR 0027, ADR 0028): the text export of a child's
 * part of the minutes lists the actions carried into it, in the PDF's words and order, and a
 * withheld child's never; once the minutes are agreed, the text and both PDFs show each carried
 * action as it stood on the day they were agreed — reviewed or not — while the meeting page
 * keeps showing where it stands now.
 */
import { sectionsOf, type Action, type CarriedActionsSection, type DocNode, type Meeting, type VersionText } from "@roundtable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SignedIn } from "./support/api-client.js";
import type { CollabClient } from "./support/collab-client.js";
import { pdfTextLines } from "./support/pdf-text.js";
import { useTestServer } from "./support/test-server.js";
import { trackerCast, type TrackerCast } from "./support/tracker-cast.js";
import { typeAction } from "./support/typed-action.js";

const server = useTestServer();
let cast: TrackerCast;
const clients: CollabClient[] = [];

beforeAll(async () => {
  cast = await trackerCast(server.url);
});
afterAll(() => {
  for (const c of clients) c.destroy();
});

const heading = "Actions from the last meeting";
const sectionOf = (meeting: Meeting, caseId: string) => meeting.caseMinutes.find((m) => m.caseId === caseId)!.documentId;
const oneLine = (lines: string[]) => lines.join(" ").replace(/\s+/g, " ");

async function pdfAt(who: SignedIn, path: string): Promise<string> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: who.cookie } });
  expect(res.status).toBe(200);
  return oneLine(pdfTextLines(Buffer.from(await res.arrayBuffer())));
}

/** The paragraphs under "Actions from the last meeting" in a text export's first part. */
function carriedParagraphs(text: VersionText): string[] {
  return sectionsOf(text.parts[0]!.content).find((s) => s.heading === heading)?.paragraphs ?? [];
}

function actionNode(content: DocNode, id: string): DocNode | undefined {
  return (content.content ?? []).find((n) => n.type === "actionItem" && n.attrs?.id === id);
}

describe("the record of the actions a meeting carried", () => {
  let earlier: Meeting;
  let later: Meeting;
  let reviewed: string;
  let unreviewed: string;
  let aishas: string;

  beforeAll(async () => {
    const book = async (startsAt: string, inviteeIds: string[]) => (await cast.priya.post<Meeting>("/api/meetings", { type: "tracker", startsAt, caseIds: [cast.jamie.id, cast.aisha.id], inviteeIds })).body;
    const priyaId = cast.team.find((m) => m.name === "Priya Shah")!.personId;
    earlier = await book("2027-01-05T10:00:00Z", []);
    const add = (caseId: string, text: string) => typeAction(server.url, cast.priya, sectionOf(earlier, caseId), { text, ownerId: priyaId, dueDate: "2027-01-20" }, clients);
    reviewed = await add(cast.jamie.id, "Ask CAMHS for an appointment date");
    unreviewed = await add(cast.jamie.id, "Write to the GP about sleep");
    aishas = await add(cast.aisha.id, "Book a home visit with Aisha's mum");
    // Helen (ICB) is invited for Jamie; Aisha's family does not share with the ICB.
    later = await book("2027-02-02T10:00:00Z", [cast.team.find((m) => m.name === "Helen Morris")!.personId]);
    expect((await cast.priya.get(`/api/meetings/${later.id}/carried-actions`)).status).toBe(200);
    expect((await cast.priya.post(`/api/meetings/${later.id}/carried-actions/${reviewed}`, { decision: "confirmed" })).status).toBe(200);
  });

  it("lists in the text of a child's part the actions carried into it, in the PDF's words and order, and never another child's", async () => {
    const text = await cast.priya.get<VersionText>(`/api/documents/${sectionOf(later, cast.jamie.id)}/text`);
    expect(text.status).toBe(200);
    const agreedAt = `Agreed at ${earlier.title}.`;
    const expected = ["Ask CAMHS for an appointment date", `${agreedAt} This meeting: Still on track.`, "Write to the GP about sleep", `${agreedAt} Not reviewed at this meeting.`];
    const paragraphs = carriedParagraphs(text.body);
    expect(paragraphs.slice(-4)).toEqual(expected);
    expect(JSON.stringify(text.body)).not.toContain(aishas);
    // The same words, in the same order, as the minutes' PDF.
    const pdf = await pdfAt(cast.priya, `/api/meetings/${later.id}/minutes.pdf`);
    let at = pdf.indexOf(heading);
    for (const paragraph of paragraphs) {
      at = pdf.indexOf(paragraph, at);
      expect(at, paragraph).toBeGreaterThanOrEqual(0);
      at += paragraph.length;
    }

    const helens = await cast.helen.get<VersionText>(`/api/documents/${sectionOf(later, cast.jamie.id)}/text`);
    expect(helens.status).toBe(200);
    expect(carriedParagraphs(helens.body)).toEqual(paragraphs);
    expect(JSON.stringify(helens.body)).not.toContain(aishas);
    const withheld = await cast.helen.get(`/api/documents/${sectionOf(later, cast.aisha.id)}/text`);
    expect([403, 404]).toContain(withheld.status);
    expect(JSON.stringify(withheld.body)).not.toContain("Book a home visit");
  });

  it("keeps each carried action in the agreed minutes as it stood when they were agreed, though the action moves on", async () => {
    for (const command of ["start", "end", "agree-minutes"]) expect((await cast.priya.post(`/api/meetings/${later.id}/commands`, { command })).status).toBe(200);
    const jamiesPart = sectionOf(later, cast.jamie.id);
    const textAt = async () => (await cast.priya.get<VersionText>(`/api/documents/${jamiesPart}/text`)).body;
    const agreed = await textAt();
    expect(agreed.version?.name).toBe("Agreed minutes");
    expect(actionNode(agreed.parts[0]!.content, unreviewed)?.attrs).toMatchObject({ status: "open", dueDate: "2027-01-20" });

    // After the minutes are agreed, the action left unreviewed is held up and moved; the one reviewed is done.
    const moved = await cast.priya.patch<Action>(`/api/actions/${unreviewed}`, { status: "blocked", blockedReason: "The GP surgery is closed for refurbishment", dueDate: "2027-03-30" });
    expect(moved.status).toBe(200);
    expect((await cast.priya.patch<Action>(`/api/actions/${reviewed}`, { status: "done" })).status).toBe(200);

    expect(await textAt()).toEqual(agreed);
    for (const path of [`/api/documents/${jamiesPart}/pdf`, `/api/meetings/${later.id}/minutes.pdf`]) {
      const pdf = await pdfAt(cast.priya, path);
      expect(pdf).toContain("Write to the GP about sleep");
      expect(pdf).toContain("Not reviewed at this meeting.");
      expect(pdf).not.toContain("refurbishment");
      expect(pdf).not.toContain("30 Mar 2027");
      expect(pdf).not.toContain("Done");
    }
    // The meeting page shows where each action stands now.
    const live = (await cast.priya.get<CarriedActionsSection[]>(`/api/meetings/${later.id}/carried-actions`)).body;
    const now = live.find((s) => s.caseId === cast.jamie.id)!.actions.find((c) => c.action.id === unreviewed)!;
    expect(now.action).toMatchObject({ status: "blocked", dueDate: "2027-03-30" });
  });
});
