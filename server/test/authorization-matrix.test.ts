/**
 * The authorisation matrix: every role × every route and websocket action × every visibility,
 * with the expected answer worked out from the rules table in packages/domain (the same
 * functions the server uses, given the facts of each person and record) — never written by
 * hand. Every cell is asked of the running server; any difference fails the test, and an
 * unexpected allow is called out first.
 */
import { randomUUID } from "node:crypto";
import { schema } from "@roundtable/db";
import {
  atLeast,
  documentAccess,
  effectiveCaseRole,
  isFamilyRole,
  mayChangeAction,
  mayManageCase,
  mayReadAccessReport,
  mayReadAuditTrail,
  mayUseOverdue,
  meetingAccess,
  needsSharingConsent,
  seesWholeService,
  teamRoleThatCounts,
  type AccessLevel,
  type Action,
  type CaseDetail,
  type ConsentRecord,
  type CreatedInvitation,
  type DocumentDetail,
  type DocumentKind,
  type Meeting,
  type Role,
  type Visibility,
} from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RunningServer } from "../src/server.js";
import { totpCode, totpStep } from "../src/auth/totp.js";
import { clientWithCookie, demoPassword, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, typeInto, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { inventedYoungPerson, twoStepAccount } from "./support/team-accounts.js";
import { createTestStorage, startTestServer, type TestStorage } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

/** One demo account per role, on Jamie's team or deliberately not. */
const cast = [
  { login: "priya.shah", label: "keyworker (Jamie's own)" },
  { login: "tom.hughes", label: "senior keyworker" },
  { login: "angela.okafor", label: "service lead (not on the team)" },
  { login: "sam.patel", label: "administrator" },
  { login: "mark.davies", label: "professional, agency with consent" },
  { login: "lucy.evans", label: "professional, agency whose consent was withdrawn" },
  { login: "sophie.grant", label: "professional on another case" },
  { login: "helen.morris", label: "ICB lead" },
  { login: "claire.walker", label: "parent" },
  { login: "jamie.walker", label: "young person (the child's own, linked)" },
  { login: "daniel.reid", label: "parent on another case" },
] as const;

interface Actor {
  label: string;
  client: SignedIn;
  accountRole: Role;
  caseRole: Role | null;
  agencyId: string | null;
  sharingConsented: boolean;
}

interface Record_ {
  name: string;
  id: string;
  kind: DocumentKind;
  visibility: Visibility;
  /** For a part of another document: what the whole is. */
  whole?: { visibility: Visibility; kind: DocumentKind };
  actionId: string;
}

interface MeetingUnderTest {
  name: string;
  meeting: Meeting;
}

type Outcome = "allow" | number;

let storage: TestStorage;
let server: RunningServer;
let jamie: CaseDetail;
const actors: Actor[] = [];
const records: Record_[] = [];
const meetings: MeetingUnderTest[] = [];
const clients: CollabClient[] = [];
const mismatches: string[] = [];
let checked = 0;

function check(what: string, actor: Actor, expected: Outcome, actual: Outcome): void {
  checked++;
  if (expected === actual) return;
  const kind = actual === "allow" ? "UNEXPECTED ALLOW" : expected === "allow" ? "unexpected deny" : "wrong refusal";
  mismatches.push(`${kind}: ${actor.label} — ${what}: expected ${expected}, got ${actual}`);
}

const outcome = (status: number, allowStatuses = [200, 201, 204]): Outcome => (allowStatuses.includes(status) ? "allow" : status);

/** What the rules table says this person may do with this record. */
function expectedAccess(actor: Actor, record: Pick<Record_, "kind" | "visibility" | "whole">): AccessLevel {
  return documentAccess({
    whole: record.whole,
    caseRole: actor.caseRole,
    accountRole: actor.accountRole,
    visibility: record.visibility,
    kind: record.kind,
    isOwnKeyworker: jamie.keyworker?.id === actor.client.personId,
    sharingConsented: actor.sharingConsented,
  });
}

function expectedMeetingAccess(actor: Actor, meeting: Meeting): AccessLevel {
  return meetingAccess({
    accountRole: actor.accountRole,
    visibility: meeting.visibility,
    isChair: meeting.chair.id === actor.client.personId,
    isInvitee: meeting.invitees.some((i) => i.personId === actor.client.personId),
    caseRoles: actor.caseRole ? [actor.caseRole] : [],
    sameService: true,
    sharingConsented: actor.sharingConsented,
    minutesAgreed: meeting.status === "minutes-agreed",
  });
}

/**
 * The case itself: its team sees it, and so do the service lead and administrator (who runs the
 * service's accounts, and opens no records); everyone else is told it does not exist.
 */
const seesCase = (actor: Actor) => actor.caseRole !== null || seesWholeService(actor.accountRole);

/** How a refused record is refused: 404 to families and to people who cannot see the case, else 403. */
function refusal(actor: Actor): number {
  return isFamilyRole(actor.accountRole) || !seesCase(actor) ? 404 : 403;
}

function expectedFor(actor: Actor, allowed: boolean, deny = refusal(actor)): Outcome {
  return allowed ? "allow" : deny;
}

beforeAll(async () => {
  storage = await createTestStorage();
  server = await startTestServer(storage);
  const priya = await signIn(server.url, "priya.shah");
  const jamieId = (await priya.get<{ id: string; name: string }[]>("/api/cases")).body.find((c) => c.name === "Jamie Walker")!.id;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${jamieId}`)).body;

  // Lucy's agency: the family withdraws sharing consent, so her cells show the consent rule.
  const consents = (await priya.get<ConsentRecord[]>(`/api/cases/${jamie.id}/consents`)).body;
  const socialCare = consents.find((c) => c.kind === "share-with-agency" && c.agency?.name === "Northbridge Children's Social Care")!;
  expect((await priya.post(`/api/cases/${jamie.id}/consents/${socialCare.id}/withdraw`, {})).status).toBe(200);
  const sharedWith = new Set(
    (await priya.get<ConsentRecord[]>(`/api/cases/${jamie.id}/consents`)).body
      .filter((c) => c.kind === "share-with-agency" && c.decision === "given" && c.withdrawn === null)
      .map((c) => c.agency!.id),
  );

  const { db } = server.database;
  const addActor = async (label: string, client: SignedIn): Promise<Actor> => {
    const [person] = await db.select().from(schema.people).where(eq(schema.people.id, client.personId));
    const [membership] = await db
      .select({ role: schema.caseMembers.role })
      .from(schema.caseMembers)
      .where(and(eq(schema.caseMembers.caseId, jamie.id), eq(schema.caseMembers.personId, client.personId)));
    const accountRole = person!.role;
    const actor: Actor = {
      label,
      client,
      accountRole,
      // A young-person role counts only for the child's own linked account (ADR 0012).
      caseRole: teamRoleThatCounts(membership?.role ?? null, jamie.youngPerson?.personId === client.personId),
      agencyId: person!.agencyId,
      sharingConsented: !needsSharingConsent(accountRole) || (person!.agencyId !== null && sharedWith.has(person!.agencyId)),
    };
    actors.push(actor);
    return actor;
  };
  for (const member of cast) await addActor(`${member.label} (${member.login})`, await signIn(server.url, member.login));

  // A young person on the team who is not the child: as earlier versions let anyone running the case invite one.
  const madeUp = await inventedYoungPerson(db, jamie.id);
  await addActor(`young person on the team, not the linked child (${madeUp})`, await signIn(server.url, madeUp));

  // An ICB lead with two-step sign-in on, joining Jamie's team by invitation: the password alone
  // gives no session; with the code, what their role allows and no more.
  const icb = jamie.agencies.find((a) => a.name === "NHS Northbridge Integrated Care Board")!.id;
  const twoStep = await twoStepAccount(db, jamie.id, "icb-lead", icb);
  const invitation = (await priya.post<CreatedInvitation>(`/api/cases/${jamie.id}/invitations`, { email: twoStep.email, role: "icb-lead", agencyId: icb })).body;
  const token = invitation.link.slice(invitation.link.lastIndexOf("/") + 1);
  const accept = async (body: unknown) => {
    const res = await fetch(`${server.url}/api/invitations/${token}/accept`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = (await res.json()) as { me?: { id: string } };
    return { status: res.status, me: answer.me, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
  };
  const passwordOnly = await accept({ password: demoPassword });
  // Had the password alone let them in, that is the session the rest of the matrix tries.
  const joined = passwordOnly.status === 200 ? passwordOnly : await accept({ password: demoPassword, code: totpCode(twoStep.secret, totpStep(new Date())) });
  expect(joined.status).toBe(200);
  const invited = await addActor("ICB lead with two-step sign-in, joined by invitation", clientWithCookie(server.url, joined.cookie, joined.me!.id));
  check("accept the invitation with the password alone", invited, 401, outcome(passwordOnly.status));
  check("a session from the password alone", invited, 401, passwordOnly.cookie === "" ? 401 : "allow");

  // One record of every visibility (and the family's own part), each with a tracked action.
  const plan = jamie.documents.find((d) => d.kind === "care-plan")!;
  const planDetail = (await priya.get<DocumentDetail>(`/api/documents/${plan.id}`)).body;
  const familyPart = planDetail.parts.find((p) => p.kind === "family-views")!;
  const [ownPage] = await db.select().from(schema.documents).where(and(eq(schema.documents.caseId, jamie.id), eq(schema.documents.visibility, "young-person")));
  const professionalsNotes = (await priya.post<DocumentDetail>(`/api/cases/${jamie.id}/documents`, { kind: "notes", title: "Professionals' notes", visibility: "professionals" })).body;
  // A professionals-only plan has no family part; one left over from before that rule (made
  // here directly) is a family document the family still may not open, as its whole is not theirs.
  const professionalsPlan = (await priya.post<DocumentDetail>(`/api/cases/${jamie.id}/documents`, { kind: "care-plan", title: "Crisis plan (professionals)", visibility: "professionals" })).body;
  expect(professionalsPlan.parts).toEqual([]);
  const [leftoverPart] = await db
    .insert(schema.documents)
    .values({ caseId: jamie.id, partOf: professionalsPlan.id, kind: "family-views", title: "What my family says (Crisis plan)", visibility: "family" })
    .returning();
  const under: Omit<Record_, "actionId">[] = [
    { name: "care plan (family)", id: plan.id, kind: plan.kind, visibility: plan.visibility },
    {
      name: "family part of a professionals plan (left over)",
      id: leftoverPart!.id,
      kind: "family-views",
      visibility: "family",
      whole: { visibility: "professionals", kind: "care-plan" },
    },
    { name: "What my family says (family part)", id: familyPart.id, kind: familyPart.kind, visibility: familyPart.visibility },
    { name: "professionals' notes", id: professionalsNotes.id, kind: professionalsNotes.kind, visibility: professionalsNotes.visibility },
    { name: "Jamie's own page (young person)", id: ownPage!.id, kind: ownPage!.kind, visibility: ownPage!.visibility },
  ];
  for (const record of under) {
    const editor = await connectCollab(server.url, record.id, priya.cookie);
    const actionId = randomUUID();
    const el = new Y.XmlElement("actionItem");
    el.setAttribute("id", actionId);
    el.setAttribute("status", "open");
    el.insert(0, [new Y.XmlText(`An action in ${record.name}`)]);
    editor.doc.getXmlFragment("default").push([el]);
    await waitFor(async () => (await priya.get(`/api/actions/${actionId}`)).status === 200, { what: `projection of the action in ${record.name}` });
    editor.destroy();
    records.push({ ...record, actionId });
  }

  // Meetings: the seeded professionals meeting (minutes agreed) and a family review, booked now.
  const caseMeetings = (await priya.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body;
  meetings.push({ name: "professionals meeting (minutes agreed)", meeting: caseMeetings.find((m) => m.type === "professionals")! });
  const idOf = (name: string) => jamie.team.find((m) => m.name === name)!.personId;
  const review = await priya.post<Meeting>("/api/meetings", {
    type: "review",
    startsAt: "2026-12-10T14:00:00Z",
    caseId: jamie.id,
    inviteeIds: [idOf("Claire Walker"), idOf("Mark Davies"), idOf("Lucy Evans")],
  });
  meetings.push({ name: "family review (booked)", meeting: review.body });
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await storage?.cleanup();
});

// Each test asks the running server over a thousand questions one after another: on a loaded
// machine that takes longer than the default 30 s, and a timeout here says nothing about access.
describe("the authorisation matrix, generated from the rules table", { timeout: 180_000 }, () => {
  it("answers every record route as the rules say, for every role and visibility", async () => {
    for (const actor of actors) {
      const listed = seesCase(actor) ? (await actor.client.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.documents.map((d) => d.id) : [];
      const listedActions = (await actor.client.get<Action[]>(`/api/actions?caseId=${jamie.id}`)).body.map((a) => a.id);
      for (const record of records) {
        const access = expectedAccess(actor, record);
        const at = (route: string) => `${route} on ${record.name}`;
        check(at("GET /api/documents/:id"), actor, expectedFor(actor, access !== "none"), outcome((await actor.client.get(`/api/documents/${record.id}`)).status));
        check(at("GET comments"), actor, expectedFor(actor, access !== "none"), outcome((await actor.client.get(`/api/documents/${record.id}/comments`)).status));
        const comment = await actor.client.post(`/api/documents/${record.id}/comments`, { body: `A comment from ${actor.label}` });
        check(at("POST comment"), actor, expectedFor(actor, atLeast(access, "comment"), access === "none" ? refusal(actor) : 403), outcome(comment.status));
        check(at("POST printed"), actor, expectedFor(actor, access !== "none"), outcome((await actor.client.post(`/api/documents/${record.id}/printed`, undefined)).status));
        check(at("listed on the case page"), actor, access !== "none" ? "allow" : 404, listed.includes(record.id) ? "allow" : 404);
        check(at("action listed"), actor, access !== "none" ? "allow" : 404, listedActions.includes(record.actionId) ? "allow" : 404);
        check(at("GET /api/actions/:id"), actor, expectedFor(actor, access !== "none", 404), outcome((await actor.client.get(`/api/actions/${record.actionId}`)).status));
        check(at("GET action history"), actor, expectedFor(actor, access !== "none", 404), outcome((await actor.client.get(`/api/actions/${record.actionId}/events`)).status));
        const patch = await actor.client.patch(`/api/actions/${record.actionId}`, { status: "open" });
        const mayChange = mayChangeAction({ access, isOwner: false, changesOwner: false });
        check(at("PATCH /api/actions/:id"), actor, mayChange ? "allow" : access === "none" ? 404 : 403, outcome(patch.status));
      }
    }
  });

  it("opens the websocket, and keeps what is typed, only as the rules say", async () => {
    const typed: { actor: Actor; record: Record_; marker: string; mayEdit: boolean }[] = [];
    for (const actor of actors) {
      for (const record of records) {
        const access = expectedAccess(actor, record);
        const status = await upgradeStatus(server.url, record.id, actor.client.cookie);
        check(`websocket upgrade to ${record.name}`, actor, expectedFor(actor, access !== "none"), status === "open" ? "allow" : status);
        if (status !== "open") continue;
        const client = await connectCollab(server.url, record.id, actor.client.cookie);
        clients.push(client);
        const marker = `typed by ${actor.label} ${randomUUID()}`;
        typeInto(client.doc, marker);
        typed.push({ actor, record, marker, mayEdit: access === "edit" });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.registry.updateLog.drain();
    for (const { actor, record, mayEdit } of typed) {
      const rows = await server.database.db
        .select({ seq: schema.documentUpdates.seq })
        .from(schema.documentUpdates)
        .where(and(eq(schema.documentUpdates.documentId, record.id), eq(schema.documentUpdates.authorId, actor.client.personId)));
      check(`websocket edit to ${record.name} kept`, actor, mayEdit ? "allow" : 403, rows.length > 0 ? "allow" : 403);
    }
  });

  it("answers every meeting route and its minutes' websocket as the rules say", async () => {
    for (const actor of actors) {
      for (const { name, meeting } of meetings) {
        const access = expectedMeetingAccess(actor, meeting);
        const expected = expectedFor(actor, access !== "none", 404);
        check(`GET meeting, ${name}`, actor, expected, outcome((await actor.client.get(`/api/meetings/${meeting.id}`)).status));
        check(`GET contributions, ${name}`, actor, expected, outcome((await actor.client.get(`/api/meetings/${meeting.id}/contributions`)).status));
        const pdf = await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { cookie: actor.client.cookie } });
        check(`GET minutes.pdf, ${name}`, actor, expected, outcome(pdf.status));
        const ics = await fetch(`${server.url}/api/meetings/${meeting.id}/invite.ics`, { headers: { cookie: actor.client.cookie } });
        check(`GET invite.ics, ${name}`, actor, expected, outcome(ics.status));
        check(`GET minutes document, ${name}`, actor, expected, outcome((await actor.client.get(`/api/documents/${meeting.minutesDocumentId}`)).status));
        const status = await upgradeStatus(server.url, meeting.minutesDocumentId, actor.client.cookie);
        check(`websocket upgrade to the minutes, ${name}`, actor, expected, status === "open" ? "allow" : status);
        const listed = seesCase(actor) ? (await actor.client.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body.map((m) => m.id) : [];
        check(`meeting listed on the case, ${name}`, actor, access !== "none" ? "allow" : 404, listed.includes(meeting.id) ? "allow" : 404);
      }
    }
  });

  it("lets people into socket.io rooms (who is here, live news) only as the rules say", async () => {
    for (const actor of actors) {
      const socket = io(server.url, { extraHeaders: { cookie: actor.client.cookie }, transports: ["websocket"] });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        const joins = async (room: string): Promise<Outcome> => ((await socket.emitWithAck("presence:join", { room })) as { ok: boolean }).ok ? "allow" : 404;
        check("join the case's room", actor, seesCase(actor) ? "allow" : 404, await joins(`case:${jamie.id}`));
        for (const record of records) {
          check(`join the room of ${record.name}`, actor, expectedAccess(actor, record) !== "none" ? "allow" : 404, await joins(`document:${record.id}`));
        }
        for (const { name, meeting } of meetings) {
          check(`join the room of the meeting, ${name}`, actor, expectedMeetingAccess(actor, meeting) !== "none" ? "allow" : 404, await joins(`meeting:${meeting.id}`));
        }
      } finally {
        socket.close();
      }
    }
  });

  it("answers the case's own routes as the rules say", async () => {
    for (const actor of actors) {
      const role = effectiveCaseRole(actor.caseRole, actor.accountRole);
      const seen = seesCase(actor);
      const caseLevel = (allowed: boolean): Outcome => (allowed ? "allow" : seen ? 403 : 404);
      check("GET /api/cases/:id", actor, seen ? "allow" : 404, outcome((await actor.client.get(`/api/cases/${jamie.id}`)).status));
      check("GET consents", actor, seen ? "allow" : 404, outcome((await actor.client.get(`/api/cases/${jamie.id}/consents`)).status));
      check("GET audit", actor, caseLevel(mayReadAuditTrail(role)), outcome((await actor.client.get(`/api/cases/${jamie.id}/audit`)).status));
      check("GET access-report", actor, caseLevel(mayReadAccessReport(actor.caseRole)), outcome((await actor.client.get(`/api/cases/${jamie.id}/access-report`)).status));
      const consent = await actor.client.post(`/api/cases/${jamie.id}/consents`, { kind: "register", decision: "given", givenBy: "Claire Walker (mum)" });
      check("POST consent", actor, caseLevel(mayManageCase(role)), outcome(consent.status));
    }
  });

  it("answers the pages that are not for everyone as the rules say", async () => {
    for (const actor of actors) {
      check("GET overdue list", actor, mayUseOverdue(actor.accountRole) ? "allow" : 403, outcome((await actor.client.get("/api/actions?overdue=true")).status));
    }
  });

  it("has no unexpected allow, nor any other difference from the rules", () => {
    console.log(`Authorisation matrix: ${checked} cases checked, ${mismatches.length} differences.`);
    for (const m of mismatches) console.log(m);
    const allows = mismatches.filter((m) => m.startsWith("UNEXPECTED ALLOW"));
    expect(allows).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
