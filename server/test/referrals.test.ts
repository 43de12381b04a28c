/**
 * Referral → triage → decision, and allocation (issue 13): who may refer, who sees which
 * referrals, what accepting makes (a case with its first rating, register consent and team, in
 * one go), what the referrer is told (in the app the outcome, by email only that it was looked
 * at), and who allocates a keyworker, a second keyworker and cover.
 */
import { schema } from "@roundtable/db";
import { todayInEngland, type ApiError, type CaseAllocation, type CaseDetail, type ConsentRecord, type InboxPage, type KeyworkerChoice, type RagChange, type RagLevel, type Referral } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { useSmtpSink } from "./support/smtp-sink.js";
import { accountOffTeam } from "./support/team-accounts.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const waitingPerDay = 4;
const smtp = useSmtpSink();
const server = useTestServer({
  configure: (config) => {
    config.mail = { smtpUrl: smtp.url, from: "Roundtable <no-reply@roundtable.test>", digestHour: null }; // the test sends any digests itself, at any hour
    config.referralsWaitingPerDay = waitingPerDay;
  },
});

let ben: SignedIn;
let mark: SignedIn;
let lucy: SignedIn;
let priya: SignedIn;
let tom: SignedIn;
let angela: SignedIn;
let claire: SignedIn;

beforeAll(async () => {
  [ben, mark, lucy, priya, tom, angela, claire] = await Promise.all([
    signIn(server.url, "ben.carter"),
    signIn(server.url, "mark.davies"),
    signIn(server.url, "lucy.evans"),
    signIn(server.url, "priya.shah"),
    signIn(server.url, "tom.hughes"),
    signIn(server.url, "angela.okafor"),
    signIn(server.url, "claire.walker"),
  ]);
});

const referralOf = (childName: string, extra: Record<string, unknown> = {}) => ({
  childName,
  dateOfBirth: "2012-05-04",
  whyNow: "School exclusion last week; mum says she cannot keep him safe at home.",
  risk: "Hitting out at his sister; ran out of the house at night twice.",
  registerConsent: "given",
  ...extra,
});

async function refer(by: SignedIn, childName: string, extra: Record<string, unknown> = {}): Promise<Referral> {
  const made = await by.post<Referral>("/api/referrals", referralOf(childName, extra));
  expect(made.status).toBe(201);
  return made.body;
}

const namesIn = async (client: SignedIn, query = "?status=waiting") => (await client.get<Referral[]>(`/api/referrals${query}`)).body.map((r) => r.childName);

function isoDay(daysFromToday: number): string {
  const d = new Date(`${todayInEngland()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

describe("referring a child", () => {
  it("lets a professional refer; the triagers see it in the queue, the referrer sees their own, nobody else does", async () => {
    const made = await refer(ben, "Oscar Flint");
    expect(made).toMatchObject({ childName: "Oscar Flint", source: "professional", status: "waiting", registerConsent: "given", referredBy: { id: ben.personId, name: "Dr Ben Carter", agency: "Northbridge CAMHS" }, decided: null, caseId: null });

    expect(await namesIn(tom)).toContain("Oscar Flint");
    expect(await namesIn(angela)).toContain("Oscar Flint");
    expect(await namesIn(ben)).toContain("Oscar Flint");
    expect(await namesIn(lucy)).not.toContain("Oscar Flint");
    // A keyworker who does not triage sees only the referrals they made.
    expect((await priya.get<Referral[]>("/api/referrals")).body.every((r) => r.referredBy?.id === priya.personId)).toBe(true);
    // A triager asking for their own sees only theirs.
    expect(await namesIn(tom, "?mine=true")).not.toContain("Oscar Flint");
  });

  it("starts with the demo's two referrals waiting and one not accepted, with its reason for the school", async () => {
    const waiting = (await tom.get<Referral[]>("/api/referrals?status=waiting")).body.slice(0, 2);
    expect(waiting.map((r) => [r.childName, r.source, r.referredBy?.name])).toEqual([
      ["Leo Hart", "professional", "Dr Ben Carter"],
      ["Maya Collins", "self", "Priya Shah"],
    ]);
    const harvey = (await mark.get<Referral[]>("/api/referrals?status=declined")).body.find((r) => r.childName === "Harvey Green");
    expect(harvey).toMatchObject({ decided: { by: { name: "Tom Hughes" } }, declineReason: expect.stringMatching(/^Harvey has no diagnosis/) });
  });

  it("shows the queue oldest first", async () => {
    await refer(mark, "Queue First");
    await refer(mark, "Queue Second");
    const names = await namesIn(tom);
    expect(names.indexOf("Queue First")).toBeLessThan(names.indexOf("Queue Second"));
  });

  it("lets the keyworking service record a family's own referral, and nobody else", async () => {
    const own = await refer(priya, "Lily Marsh", { source: "self", registerConsent: "not-asked", dateOfBirth: undefined });
    expect(own).toMatchObject({ source: "self", dateOfBirth: null, referredBy: { id: priya.personId } });
    const refused = await lucy.post<ApiError>("/api/referrals", referralOf("Not Hers", { source: "self" }));
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual({ source: "Only the keyworking service records a family's own referral. Make it as your own referral" });
  });

  it("says what is missing or too long in plain English", async () => {
    const refused = await ben.post<ApiError>("/api/referrals", { childName: "", whyNow: "x".repeat(4001), risk: "ok", registerConsent: "given", dateOfBirth: isoDay(1) });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual({ childName: "Give the child's name", whyNow: "Keep this under 4,000 characters" });
    const born = await ben.post<ApiError>("/api/referrals", referralOf("Not Yet Born", { dateOfBirth: isoDay(1) }));
    expect(born.body.details).toEqual({ dateOfBirth: "The date of birth must be today or in the past" });
  });

  it("takes at most a set number of waiting referrals from one person a day", async () => {
    const { db } = server.database;
    const [service] = await db.select({ id: schema.services.id }).from(schema.services);
    const busy = await accountOffTeam(db, service!.id, "Busy Referrer");
    const client = await signIn(server.url, busy.login);
    for (let i = 0; i < waitingPerDay; i++) await refer(client, `Child ${i}`);
    const refused = await client.post<ApiError>("/api/referrals", referralOf("One Too Many"));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe(
      `You have made ${waitingPerDay} referrals in the last day that are still waiting to be looked at, which is as many as Roundtable takes. Ask the keyworking service to look at those first, then try again tomorrow.`,
    );
  });

  it("is not for a parent, who is told so in plain English and cannot triage", async () => {
    const waiting = await refer(ben, "Parent Cannot See");
    const post = await claire.post<ApiError>("/api/referrals", referralOf("Her Own Child"));
    expect(post.status).toBe(403);
    expect(post.body.error).toMatch(/^Referrals to the register are made by professionals and the keyworking service\./);
    expect((await claire.get<ApiError>("/api/referrals?status=waiting")).status).toBe(403);
    const decide = await claire.post<ApiError>(`/api/referrals/${waiting.id}/decision`, { decline: { reason: "No" } });
    expect(decide.status).toBe(404);
    expect(decide.body.error).toBe("That referral was not found.");
  });
});

describe("triage", () => {
  it("accepts a referral: a case with its first rating, the register consent and a team, linked to the referral", async () => {
    const made = await refer(ben, "Noah Pike");
    const decided = await tom.post<Referral>(`/api/referrals/${made.id}/decision`, { accept: { rating: "amber", keyworkerId: priya.personId } });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: "accepted", decided: { by: { id: tom.personId, name: "Tom Hughes" } }, declineReason: null });
    const caseId = decided.body.caseId!;

    const noah = (await priya.get<CaseDetail>(`/api/cases/${caseId}`)).body;
    expect(noah).toMatchObject({ name: "Noah Pike", ragRating: "amber", keyworker: { id: priya.personId } });
    expect(noah.team.map((m) => [m.name, m.role]).sort()).toEqual([
      ["Dr Ben Carter", "professional"],
      ["Priya Shah", "keyworker"],
      ["Tom Hughes", "senior-keyworker"],
    ]);
    const history = (await priya.get<RagChange[]>(`/api/cases/${caseId}/rag-history`)).body;
    expect(history).toEqual([expect.objectContaining({ from: null, to: "amber", reason: "Accepted onto the register", by: { id: tom.personId, name: "Tom Hughes" } })]);
    const consents = (await priya.get<ConsentRecord[]>(`/api/cases/${caseId}/consents`)).body;
    expect(consents).toEqual([expect.objectContaining({ kind: "register", decision: "given", recordedBy: { id: ben.personId, name: "Dr Ben Carter" } })]);

    const { db } = server.database;
    const audited = await db.select({ personId: schema.auditEvents.personId, detail: schema.auditEvents.detail }).from(schema.auditEvents).where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.action, "referral-accepted")));
    expect(audited).toEqual([{ personId: tom.personId, detail: { referralId: made.id, rating: "amber", keyworkerId: priya.personId, keyworker: "Priya Shah" } }]);

    // The referrer is told in the app, and sees the outcome on their referral.
    await waitFor(async () => (await ben.get<InboxPage>("/api/notifications")).body.notifications.some((n) => n.body === "Noah Pike was accepted onto the register."), { what: "Ben's notification" });
    expect((await ben.get<Referral[]>("/api/referrals?status=accepted")).body.find((r) => r.id === made.id)?.caseId).toBe(caseId);
  });

  it("accepts a child with no keyworker yet, adding the triager's note to the first rating's reason", async () => {
    const made = await refer(mark, "Ruby Stone", { registerConsent: "refused" });
    const decided = await angela.post<Referral>(`/api/referrals/${made.id}/decision`, { accept: { rating: "green", reason: "Watch after the school move" } });
    const caseId = decided.body.caseId!;
    const ruby = (await angela.get<CaseDetail>(`/api/cases/${caseId}`)).body;
    expect(ruby.keyworker).toBeNull();
    // The service lead sees the whole service: she is not added; the referring SENCO is.
    expect(ruby.team.map((m) => m.name)).toEqual(["Mark Davies"]);
    expect((await angela.get<RagChange[]>(`/api/cases/${caseId}/rag-history`)).body[0]!.reason).toBe("Accepted onto the register: Watch after the school move");
    expect((await angela.get<ConsentRecord[]>(`/api/cases/${caseId}/consents`)).body.map((c) => [c.kind, c.decision])).toEqual([["register", "declined"]]);
  });

  it("declines with a reason: the referrer reads it in the app; their email names no child and no reason", async () => {
    const made = await refer(mark, "Zara Quinn");
    const reason = "Zara is already known to the adult learning disability team, who will pick this up.";
    const decided = await angela.post<Referral>(`/api/referrals/${made.id}/decision`, { decline: { reason } });
    expect(decided.body).toMatchObject({ status: "declined", declineReason: reason, caseId: null });

    const mine = (await mark.get<Referral[]>("/api/referrals")).body.find((r) => r.id === made.id)!;
    expect(mine).toMatchObject({ status: "declined", declineReason: reason, decided: { by: { name: "Angela Okafor" } } });
    await waitFor(async () => (await mark.get<InboxPage>("/api/notifications")).body.notifications.some((n) => n.kind === "referral-decided" && n.body.includes(reason)), {
      what: "Mark's notification",
    });
    const email = () => smtp.messages.find((m) => m.to.includes("mark.davies@roundtable.demo") && m.subject === "Your referral has been looked at");
    await waitFor(() => email() !== undefined, { what: "Mark's email" });
    expect(email()!.body).toContain("Your referral to Northbridge Keyworking Service has been looked at. Sign in to see the outcome.");
    expect(email()!.body).not.toMatch(/Zara|Quinn|adult learning/);

    const { db } = server.database;
    const audited = await db.select({ detail: schema.auditEvents.detail }).from(schema.auditEvents).where(eq(schema.auditEvents.action, "referral-declined"));
    expect(audited).toContainEqual({ detail: { referralId: made.id } });
  });

  it("refuses a second decision on a referral with 409, even when two arrive at once", async () => {
    const made = await refer(ben, "Twice Decided");
    const [first, second] = await Promise.all([
      tom.post<Referral | ApiError>(`/api/referrals/${made.id}/decision`, { accept: { rating: "red" } }),
      angela.post<Referral | ApiError>(`/api/referrals/${made.id}/decision`, { decline: { reason: "Not for us" } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const again = await tom.post<ApiError>(`/api/referrals/${made.id}/decision`, { decline: { reason: "Changed my mind" } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/^This referral was already (accepted onto the register|looked at and not accepted) by (Tom Hughes|Angela Okafor) on /);
    const { db } = server.database;
    const cases = await db.select({ id: schema.cases.id }).from(schema.cases).where(eq(schema.cases.name, "Twice Decided"));
    expect(cases.length).toBe(first.status === 200 ? 1 : 0);
  });

  it("is for senior keyworkers and the service lead, with one of the service's levels and a keyworker from the service", async () => {
    const made = await refer(ben, "Wrong Hands");
    const byKeyworker = await priya.post<ApiError>(`/api/referrals/${made.id}/decision`, { accept: { rating: "red" } });
    expect(byKeyworker.status).toBe(403);
    expect(byKeyworker.body.error).toBe("Only senior keyworkers and the service lead decide whether a child is accepted onto the register.");
    expect((await ben.post<ApiError>(`/api/referrals/${made.id}/decision`, { decline: { reason: "Mine" } })).status).toBe(403);
    const badLevel = await tom.post<ApiError>(`/api/referrals/${made.id}/decision`, { accept: { rating: "purple", keyworkerId: ben.personId } });
    expect(badLevel.status).toBe(400);
    expect(badLevel.body.details).toEqual({ "accept.rating": "Choose one of the service's levels: blue, red, amber or green", "accept.keyworkerId": "Choose someone in the keyworking service" });
    expect((await tom.get<Referral[]>("/api/referrals?status=waiting")).body.some((r) => r.id === made.id)).toBe(true);
    expect((await tom.get<RagLevel[]>("/api/referrals/rag-levels")).body.map((l) => l.rating)).toEqual(["blue", "red", "amber", "green"]);
    expect((await priya.get<ApiError>("/api/referrals/rag-levels")).status).toBe(403);
  });
});

describe("allocation", () => {
  let caseId: string;
  beforeAll(async () => {
    const made = await refer(lucy, "Alfie Moss");
    caseId = (await tom.post<Referral>(`/api/referrals/${made.id}/decision`, { accept: { rating: "red" } })).body.caseId!;
  });

  it("shows who keyworks the child and their keyworker-consent state to those who see the case", async () => {
    const alfie = (await tom.get<CaseAllocation>(`/api/cases/${caseId}/allocation`)).body;
    expect(alfie).toEqual({ caseId, keyworker: null, secondKeyworker: null, cover: [], keyworkerConsent: "not-asked", mayChange: true });
    const kai = await caseNamed(priya, "Kai Thompson");
    const kaiAllocation = (await priya.get<CaseAllocation>(`/api/cases/${kai.id}/allocation`)).body;
    expect(kaiAllocation).toMatchObject({ keyworkerConsent: "works-with-family-only", mayChange: false });
    const jamie = await caseNamed(claire, "Jamie Walker");
    expect((await claire.get<CaseAllocation>(`/api/cases/${jamie.id}/allocation`)).body).toMatchObject({ keyworkerConsent: "agreed", keyworker: { name: "Priya Shah" }, mayChange: false });
    expect((await claire.get<ApiError>(`/api/cases/${caseId}/allocation`)).status).toBe(404);
  });

  it("lets the service lead allocate a keyworker, a second keyworker and dated cover, adding them to the team", async () => {
    const cover = [{ personId: angela.personId, from: isoDay(0), to: isoDay(7) }];
    const changed = await angela.put<CaseAllocation>(`/api/cases/${caseId}/allocation`, { keyworkerId: priya.personId, secondKeyworkerId: tom.personId, cover });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      keyworker: { id: priya.personId, name: "Priya Shah" },
      secondKeyworker: { id: tom.personId, name: "Tom Hughes" },
      cover: [{ person: { id: angela.personId, name: "Angela Okafor" }, from: isoDay(0), to: isoDay(7) }],
    });
    const team = (await priya.get<CaseDetail>(`/api/cases/${caseId}`)).body.team;
    expect(team.map((m) => [m.name, m.role]).sort()).toEqual([
      ["Angela Okafor", "keyworker"],
      ["Lucy Evans", "professional"],
      ["Priya Shah", "keyworker"],
      ["Tom Hughes", "senior-keyworker"],
    ]);
    const { db } = server.database;
    const audited = await db.select({ detail: schema.auditEvents.detail }).from(schema.auditEvents).where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.action, "allocation-changed")));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).toMatchObject({ keyworker: "Priya Shah", secondKeyworker: "Tom Hughes", cover: [{ name: "Angela Okafor", from: isoDay(0), to: isoDay(7) }] });

    // Cover is replaced as a whole; the same allocation again changes nothing and is not audited again.
    const cleared = await tom.put<CaseAllocation>(`/api/cases/${caseId}/allocation`, { keyworkerId: priya.personId, secondKeyworkerId: tom.personId });
    expect(cleared.body.cover).toEqual([]);
    await tom.put(`/api/cases/${caseId}/allocation`, { keyworkerId: priya.personId, secondKeyworkerId: tom.personId });
    expect(await db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.action, "allocation-changed")))).toHaveLength(2);

    const choices = (await tom.get<KeyworkerChoice[]>("/api/referrals/keyworkers")).body;
    expect(choices.map((c) => c.name)).toEqual(["Angela Okafor", "Priya Shah", "Tom Hughes"]);
    expect(choices.find((c) => c.name === "Priya Shah")!.caseload).toBeGreaterThan(0);
  });

  it("is for senior keyworkers and the service lead, naming keyworking staff with cover dated from today", async () => {
    const body = { keyworkerId: priya.personId };
    const byKeyworker = await priya.put<ApiError>(`/api/cases/${caseId}/allocation`, body);
    expect(byKeyworker.status).toBe(403);
    expect(byKeyworker.body.error).toBe("Only senior keyworkers and the service lead can change who keyworks a child.");
    expect((await lucy.put<ApiError>(`/api/cases/${caseId}/allocation`, body)).status).toBe(403);
    expect((await lucy.get<ApiError>("/api/referrals/keyworkers")).status).toBe(403);
    const jamie = await caseNamed(claire, "Jamie Walker");
    expect((await claire.put<ApiError>(`/api/cases/${jamie.id}/allocation`, body)).status).toBe(403);

    const wrong = await tom.put<ApiError>(`/api/cases/${caseId}/allocation`, {
      keyworkerId: ben.personId,
      cover: [
        { personId: tom.personId, from: isoDay(-9), to: isoDay(-2) },
        { personId: lucy.personId, from: isoDay(1), to: isoDay(2) },
      ],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual({
      keyworkerId: "Choose someone in the keyworking service",
      "cover.1.personId": "Choose someone in the keyworking service",
      "cover.0.to": expect.stringMatching(/^This cover ended on .+\. Record cover for today or later$/),
    });
    const backwards = await tom.put<ApiError>(`/api/cases/${caseId}/allocation`, { ...body, cover: [{ personId: tom.personId, from: isoDay(3), to: isoDay(2) }] });
    expect(backwards.body.details).toEqual({ "cover.0.to": "The last day of cover must be the same as or after the first day" });
    const tooMuch = await tom.put<ApiError>(`/api/cases/${caseId}/allocation`, { ...body, cover: Array.from({ length: 11 }, () => ({ personId: tom.personId, from: isoDay(1), to: isoDay(2) })) });
    expect(tooMuch.body.details).toEqual({ cover: "Record up to 10 periods of cover at once" });
  });
});
