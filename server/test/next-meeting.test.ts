/**
 * A case's "next meeting" is the soonest booked meeting about the child that the reader may
 * open: never a professionals meeting for the family, never one that has passed, and none when
 * nothing is booked.
 */
import { schema } from "@roundtable/db";
import type { CaseDetail, CaseSummary, Meeting } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let priya: SignedIn;
let daniel: SignedIn;

beforeAll(async () => {
  [priya, daniel] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "daniel.reid")]);
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function book(caseId: string, type: "professionals" | "review", startsAt: string): Promise<Meeting> {
  const res = await priya.post<Meeting>("/api/meetings", { type, caseId, startsAt, location: "Northbridge Family Centre", inviteeIds: [] });
  expect(res.status).toBe(201);
  return res.body;
}

async function nextMeetingOf(person: SignedIn, caseId: string): Promise<{ listed: string | null; detail: string | null }> {
  const listed = (await person.get<CaseSummary[]>("/api/cases")).body.find((c) => c.id === caseId)!.nextMeetingAt;
  const detail = (await person.get<CaseDetail>(`/api/cases/${caseId}`)).body.nextMeetingAt;
  return { listed, detail };
}

describe("a case's next meeting", () => {
  it("is the soonest booked meeting the reader may see, the same in the list and on the case", async () => {
    const aisha = await caseNamed(priya, "Aisha Reid");
    const review = await book(aisha.id, "review", inDays(9));
    await book(aisha.id, "review", inDays(-2));
    const professionals = await book(aisha.id, "professionals", inDays(4));

    const priyas = await nextMeetingOf(priya, aisha.id);
    expect(priyas).toEqual({ listed: professionals.startsAt, detail: professionals.startsAt });
    // Daniel is Aisha's dad: the professionals meeting is not his to know of.
    const daniels = await nextMeetingOf(daniel, aisha.id);
    expect(daniels).toEqual({ listed: review.startsAt, detail: review.startsAt });
  });

  it("is none when nothing is booked", async () => {
    const kai = await caseNamed(priya, "Kai Thompson");
    expect(await nextMeetingOf(priya, kai.id)).toEqual({ listed: null, detail: null });
  });

  it("is found for each case however many meetings another case has booked sooner", async () => {
    const cases = (await priya.get<CaseSummary[]>("/api/cases")).body;
    const aisha = cases.find((c) => c.name === "Aisha Reid")!;
    const kai = cases.find((c) => c.name === "Kai Thompson")!;
    // More meetings about Aisha, all sooner than Kai's, than 20 for every case in the list.
    const template = await book(aisha.id, "review", inDays(1));
    const [row] = await server.database.db.select().from(schema.meetings).where(eq(schema.meetings.id, template.id));
    const { id: _id, createdAt: _c, updatedAt: _u, ...meeting } = row!;
    for (let i = 0; i < cases.length * 20; i++) {
      const startsAt = new Date(Date.now() + 86_400_000 + i * 60_000);
      const [copy] = await server.database.db.insert(schema.meetings).values({ ...meeting, startsAt }).returning({ id: schema.meetings.id });
      await server.database.db.insert(schema.meetingCases).values({ meetingId: copy!.id, caseId: aisha.id, position: 0 });
    }
    const kais = await book(kai.id, "review", inDays(30));

    expect(await nextMeetingOf(priya, kai.id)).toEqual({ listed: kais.startsAt, detail: kais.startsAt });
  });
});
