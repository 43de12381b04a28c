import type { CaseDetail, CommunicationNeeds, Meeting, PersonCommunicationNeeds } from "@roundtable/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let priya: SignedIn;
let jamie: CaseDetail;
const idOf = (name: string) => jamie.team.find((m) => m.name === name)!.personId;
const needs = (over: Partial<CommunicationNeeds>): CommunicationNeeds => ({
  easyRead: false,
  largePrint: false,
  interpreterLanguage: null,
  preferredLanguage: null,
  other: null,
  ...over,
});

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  const jamieId = (await caseNamed(priya, "Jamie Walker")).id;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${jamieId}`)).body;
});

describe("recording communication needs", () => {
  it("lets each person record their own, bounded, with blanks as none", async () => {
    const claire = await signIn(server.url, "claire.walker");
    const saved = await claire.put<CommunicationNeeds>("/api/communication-needs/me", needs({ largePrint: true, preferredLanguage: "  ", other: "Please send letters by post too." }));
    expect(saved.status).toBe(200);
    expect((await claire.get<CommunicationNeeds>("/api/communication-needs/me")).body).toEqual(needs({ largePrint: true, other: "Please send letters by post too." }));
    const tooLong = await claire.put<{ details: Record<string, string> }>("/api/communication-needs/me", needs({ other: "x".repeat(301) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details.other).toBe("Other needs can be at most 300 characters");
    expect((await claire.put("/api/communication-needs/me", { ...needs({}), personId: idOf("Mark Davies") })).status).toBe(400);
    expect((await claire.put("/api/communication-needs/me", { easyRead: true })).status).toBe(400);
  });

  it("lets the child's own keyworker record a family member's, and nobody else's", async () => {
    const recordFor = (client: SignedIn, name: string) =>
      client.put<CommunicationNeeds>(`/api/communication-needs/cases/${jamie.id}/people/${idOf(name)}`, needs({ interpreterLanguage: "Polish" }));
    expect((await recordFor(priya, "Claire Walker")).status).toBe(200);
    // Not a family member: a professional records their own.
    expect((await recordFor(priya, "Mark Davies")).status).toBe(403);
    // Not the child's keyworker.
    expect((await recordFor(await signIn(server.url, "mark.davies"), "Claire Walker")).status).toBe(403);
    expect((await recordFor(await signIn(server.url, "tom.hughes"), "Claire Walker")).status).toBe(403);
    // Someone not on this child's team, and someone on no team the caller can see.
    const daniel = await signIn(server.url, "daniel.reid");
    expect((await priya.put(`/api/communication-needs/cases/${jamie.id}/people/${daniel.personId}`, needs({}))).status).toBe(404);
    expect((await daniel.put(`/api/communication-needs/cases/${jamie.id}/people/${idOf("Claire Walker")}`, needs({}))).status).toBe(404);
    expect((await priya.put(`/api/communication-needs/cases/${jamie.id}/people/not-an-id`, needs({}))).status).toBe(400);
  });
});

describe("who is shown communication needs", () => {
  it("shows the team's to the child's keyworker only", async () => {
    const team = await priya.get<PersonCommunicationNeeds[]>(`/api/communication-needs/cases/${jamie.id}`);
    expect(team.status).toBe(200);
    expect(team.body.find((n) => n.personId === idOf("Jamie Walker"))?.needs.easyRead).toBe(true);
    expect(team.body.find((n) => n.personId === idOf("Claire Walker"))?.needs.interpreterLanguage).toBe("Polish");
    // Nobody without needs is listed.
    expect(team.body.some((n) => n.personId === idOf("Mark Davies"))).toBe(false);
    expect((await (await signIn(server.url, "mark.davies")).get(`/api/communication-needs/cases/${jamie.id}`)).status).toBe(403);
    expect((await (await signIn(server.url, "claire.walker")).get(`/api/communication-needs/cases/${jamie.id}`)).status).toBe(403);
    expect((await (await signIn(server.url, "daniel.reid")).get(`/api/communication-needs/cases/${jamie.id}`)).status).toBe(404);
  });

  it("shows the invitees' to the meeting's chair only", async () => {
    const review = await priya.post<Meeting>("/api/meetings", {
      type: "review",
      startsAt: "2026-12-10T14:00:00Z",
      caseId: jamie.id,
      inviteeIds: [idOf("Claire Walker"), idOf("Mark Davies")],
    });
    expect(review.status).toBe(201);
    const shown = await priya.get<PersonCommunicationNeeds[]>(`/api/communication-needs/meetings/${review.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.map((n) => n.personId)).toEqual([idOf("Claire Walker")]);
    expect((await (await signIn(server.url, "mark.davies")).get(`/api/communication-needs/meetings/${review.body.id}`)).status).toBe(403);
    expect((await (await signIn(server.url, "claire.walker")).get(`/api/communication-needs/meetings/${review.body.id}`)).status).toBe(403);
    expect((await (await signIn(server.url, "daniel.reid")).get(`/api/communication-needs/meetings/${review.body.id}`)).status).toBe(404);
  });
});
