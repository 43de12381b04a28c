/**
 * A panel place for someone with no Roundtable account (issue 13): Helen (ICB lead) gives the
 * place by email, and Roundtable invites them instead — by email through a real SMTP server, with
 * the link given back to Helen too. Accepting with a new password gives them that place on that
 * one CETR, not a place on the child's team; it ends when the report is agreed. One invitation per
 * address per CETR, ten places at most counting those invited, nothing once the CETR is finished,
 * and only the ICB lead convenes the panel.
 */
import { createHash, randomBytes } from "node:crypto";
import { schema } from "@roundtable/db";
import type { AuditAction, CetrDetail, CetrSummary, DocumentDetail, InvitationAccepted, InvitationDescription, PanelPlaceGiven } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords.js";
import { clientWithCookie, demoEmail, signIn, type SignedIn } from "./support/api-client.js";
import { upgradeStatus } from "./support/collab-client.js";
import { useMailingTestServer } from "./support/smtp-sink.js";
import { freshCase } from "./support/team-accounts.js";
import { waitFor } from "./support/wait-for.js";

const publicUrl = "https://roundtable.example.org";
const { smtp, server } = useMailingTestServer(publicUrl);

let priya: SignedIn;
let helen: SignedIn;
let claire: SignedIn;
let ben: SignedIn;
let caseId: string;
const db = () => server.database.db;

beforeAll(async () => {
  [priya, helen, claire, ben] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "helen.morris"), signIn(server.url, "claire.walker"), signIn(server.url, "ben.carter")]);
  const people = await db().select({ id: schema.people.id, email: schema.people.email, role: schema.people.role, agencyId: schema.people.agencyId, serviceId: schema.people.serviceId }).from(schema.people);
  const who = (local: string) => people.find((p) => p.email === demoEmail(local))!;
  const team = ["priya.shah", "helen.morris", "ben.carter", "claire.walker"].map((local) => ({ personId: who(local).id, role: who(local).role }));
  // A child of this file's own, so no demo CETR is carried into these.
  caseId = await freshCase(db(), who("priya.shah").serviceId, "Robin Ashworth", team, [who("helen.morris").agencyId!, who("ben.carter").agencyId!]);
});

const uniqueEmail = (label: string) => `${label}.${randomBytes(4).toString("hex")}@example.org`;
const tokenOf = (link: string) => link.slice(`${publicUrl}/invitations/`.length);

/** A CETR requested by Robin's keyworker (at most three are open for a child at once: each test makes what it needs). */
async function requestCetr(): Promise<CetrSummary> {
  const res = await priya.post<CetrSummary>(`/api/cases/${caseId}/cetrs`, { reason: "Robin has been held in A&E twice this month.", setting: "community" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

type Refusal = { error: string; details?: Record<string, string> };
const givePlace = (cetrId: string, body: Record<string, unknown>, by = helen) => by.post<PanelPlaceGiven & Refusal>(`/api/cetrs/${cetrId}/panel`, body);

/** What the invited person's browser sends: no session until they accept. */
async function call<T>(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}
const accept = (token: string, body: unknown) => call<InvitationAccepted & Refusal>("POST", `/api/invitations/${token}/accept`, body);

const auditOf = (action: AuditAction) => db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.action, action)));

/** Held and agreed by the ICB lead: the panel's places end. */
async function agree(cetrId: string): Promise<void> {
  expect((await helen.post(`/api/cetrs/${cetrId}/commands`, { type: "arrange", heldOn: "2027-02-01", chairId: helen.personId })).status).toBe(200);
  expect((await helen.post(`/api/cetrs/${cetrId}/commands`, { type: "hold" })).status).toBe(200);
  expect((await helen.post(`/api/cetrs/${cetrId}/commands`, { type: "agree-report" })).status).toBe(200);
}

describe("a panel place for someone who does not use Roundtable yet", () => {
  let cetr: CetrSummary;
  let email: string;
  let link: string;
  let member: SignedIn;

  it("asks for their name, then invites them: by email, with the link given back to the ICB lead", async () => {
    cetr = await requestCetr();
    email = uniqueEmail("sam.okafor");
    const nameless = await givePlace(cetr.id, { email, place: "clinical-expert" });
    expect(nameless.status).toBe(400);
    expect(nameless.body.details?.name).toMatch(/Give their name/);

    const sent = await givePlace(cetr.id, { email: email.toUpperCase(), name: "Dr Sam Okafor", place: "clinical-expert" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // Still the CETR's page answer, contract fields and all, now with the invitation waiting.
    expect(sent.body).toMatchObject({ id: cetr.id, caseId, status: "requested", documentId: cetr.documentId, heldOn: null, carriedOver: [], panel: [] });
    expect(sent.body.panelInvitations).toEqual([{ id: expect.any(String), email, name: "Dr Sam Okafor", place: "clinical-expert", expiresAt: expect.any(String) }]);
    expect(sent.body.invited).toMatchObject({ email, name: "Dr Sam Okafor", place: "clinical-expert", emailed: true });
    link = sent.body.invited!.link;
    expect(link).toMatch(new RegExp(`^${publicUrl}/invitations/[A-Za-z0-9_-]{43}$`));

    // The case invitation machinery, with the CETR and the place; only the token's hash is kept.
    const [row] = await db().select().from(schema.invitations).where(eq(schema.invitations.id, sent.body.invited!.id));
    expect(row).toMatchObject({ caseId, cetrId: cetr.id, panelPlace: "clinical-expert", role: "professional", agencyId: null, email, invitedBy: helen.personId });
    expect(row!.tokenHash).toBe(createHash("sha256").update(tokenOf(link)).digest("hex"));

    // Plain words, what the place is and when it ends; not the child's name (a mistyped address reaches a stranger).
    const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes(email)), { what: "the panel invitation email" });
    expect(mail.subject).toBe("Helen Morris has invited you to a place on a CETR panel on Roundtable");
    expect(mail.body).toContain("Dear Dr Sam Okafor,");
    expect(mail.body).toContain("a place on the panel of a Care, Education and Treatment Review (CETR)");
    expect(mail.body).toContain("as clinical expert");
    expect(mail.body).toContain("it ends when the report is agreed");
    expect(mail.body).toContain(link);
    expect(`${mail.subject}\n${mail.body}`).not.toMatch(/Robin|Ashworth|A&E/);

    expect((await auditOf("cetr-panel-invited")).map((e) => [e.personId, e.detail])).toContainEqual([helen.personId, { cetrId: cetr.id, invitationId: row!.id, email, place: "clinical-expert" }]);
    // Not an invitation to Robin's team: the team's list does not show it, and only the ICB lead's page lists it.
    expect((await priya.get<{ id: string }[]>(`/api/cases/${caseId}/invitations`)).body.map((i) => i.id)).not.toContain(row!.id);
    expect((await priya.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body.panelInvitations).toEqual([]);
    expect((await helen.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body.panelInvitations.map((i) => i.email)).toEqual([email]);
  });

  it("refuses a second invitation to the same address while the first waits, in words", async () => {
    const again = await givePlace(cetr.id, { email, name: "Sam Okafor", place: "expert-by-experience" });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe(`${email} has already been invited to a place on this panel, and has not accepted yet.`);
    expect(again.body.details?.email).toMatch(/already been invited/);
    expect(await db().select().from(schema.invitations).where(eq(schema.invitations.cetrId, cetr.id))).toHaveLength(1);
  });

  it("says on the link's page that it is a place on Robin's CETR panel, with the place", async () => {
    const described = await call<InvitationDescription>("GET", `/api/invitations/${tokenOf(link)}`);
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ caseFirstName: "Robin", panelPlace: "clinical-expert", role: "professional", invitedBy: "Helen Morris", email, accountExists: false });
  });

  it("gives the place on that CETR when accepted with a new password: not a place on the child's team", async () => {
    const accepted = await accept(tokenOf(link), { name: "Dr Sam Okafor", password: "a long enough password" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ caseId, cetrId: cetr.id, me: { name: "Dr Sam Okafor", email, role: "professional" } });
    member = clientWithCookie(server.url, accepted.cookie, accepted.body.me.id);

    expect(await db().select().from(schema.cetrPanel).where(eq(schema.cetrPanel.personId, member.personId))).toEqual([
      expect.objectContaining({ cetrId: cetr.id, place: "clinical-expert", addedBy: helen.personId, endedAt: null }),
    ]);
    expect(await db().select().from(schema.caseMembers).where(eq(schema.caseMembers.personId, member.personId))).toEqual([]);
    expect((await auditOf("cetr-panel-joined")).map((e) => [e.personId, e.detail])).toContainEqual([
      member.personId,
      expect.objectContaining({ cetrId: cetr.id, place: "clinical-expert", newAccount: true }),
    ]);

    // The CETR and its report are theirs to write while it is not agreed; Robin's case is not.
    expect((await member.get<CetrSummary>(`/api/cetrs/${cetr.id}`)).status).toBe(200);
    const report = await member.get<DocumentDetail>(`/api/documents/${cetr.documentId}`);
    expect(report.status).toBe(200);
    expect(report.body.access).toBe("edit");
    expect(await upgradeStatus(server.url, cetr.documentId, member.cookie)).toBe("open");
    expect((await member.get(`/api/cases/${caseId}`)).status).toBe(404);
    // Scoped to that one CETR: another of Robin's is not theirs.
    const other = await requestCetr();
    expect((await member.get(`/api/cetrs/${other.id}`)).status).toBe(404);
    expect((await member.get(`/api/documents/${other.documentId}`)).status).toBe(404);
    expect((await priya.post(`/api/cetrs/${other.id}/commands`, { type: "withdraw", reason: "Asked for twice" })).status).toBe(200);

    // The ICB lead's page: on the panel, no longer waiting. The link does not work twice.
    const page = (await helen.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body;
    expect(page.panel).toEqual([expect.objectContaining({ personId: member.personId, name: "Dr Sam Okafor", place: "clinical-expert", endedAt: null })]);
    expect(page.panelInvitations).toEqual([]);
    expect((await accept(tokenOf(link), { name: "Someone Else", password: "another long password" })).status).toBe(410);
  });

  it("ends the place when the report is agreed, and an invitation still waiting then cannot be accepted", async () => {
    const late = uniqueEmail("late.expert");
    const waiting = await givePlace(cetr.id, { email: late, name: "Lee Late", place: "expert-by-experience" });
    expect(waiting.status).toBe(201);
    await agree(cetr.id);

    expect((await member.get(`/api/cetrs/${cetr.id}`)).status).toBe(404);
    expect((await member.get(`/api/documents/${cetr.documentId}`)).status).toBe(404);
    expect((await db().select().from(schema.cetrPanel).where(eq(schema.cetrPanel.personId, member.personId)))[0]!.endedAt).not.toBeNull();

    const token = tokenOf(waiting.body.invited!.link);
    const described = await call<Refusal>("GET", `/api/invitations/${token}`);
    expect(described.status).toBe(409);
    expect(described.body.error).toMatch(/CETR that has now finished/);
    const refused = await accept(token, { name: "Lee Late", password: "a long enough password" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/Panel places end then, so there is nothing to accept/);
    // Nothing was set up for them.
    expect(await db().select().from(schema.people).where(eq(schema.people.email, late))).toEqual([]);
    expect((await helen.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body.panelInvitations).toEqual([]);
    // Withdrawn as the report was agreed, by the person agreeing it: nothing shows it as still waiting.
    const [row] = await db().select().from(schema.invitations).where(eq(schema.invitations.id, waiting.body.invited!.id));
    expect(row).toMatchObject({ withdrawnBy: helen.personId, acceptedAt: null });
    expect(row!.withdrawnAt).not.toBeNull();
    expect((await auditOf("cetr-panel-invitation-withdrawn")).map((e) => [e.personId, e.detail])).toContainEqual([
      helen.personId,
      { cetrId: cetr.id, invitationId: row!.id, email: late, place: "expert-by-experience", cetrEnded: true },
    ]);
  });

  it("refuses a place, or an invitation to one, once the CETR is agreed", async () => {
    const refused = await givePlace(cetr.id, { email: uniqueEmail("too.late"), name: "Too Late", place: "clinical-expert" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("This CETR is finished: its panel can no longer change.");
  });
});

describe("withdrawing an invitation to a panel place", () => {
  let cetr: CetrSummary;
  let mistyped: PanelPlaceGiven["invited"] & {};
  const withdraw = (invitationId: string, by = helen, cetrId = cetr.id) => by.post<CetrDetail & Refusal>(`/api/cetrs/${cetrId}/panel/invitations/${invitationId}/withdraw`, {});
  // Each link as given back when the invitation was sent: the only time it is known.
  const links = new Map<string, string>();
  const linkOf = (invitationId: string) => links.get(invitationId)!;
  const invite = async (label: string, on = cetr) => {
    const sent = await givePlace(on.id, { email: uniqueEmail(label), name: `Invited ${label}`, place: "clinical-expert" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    links.set(sent.body.invited!.id, sent.body.invited!.link);
    return sent.body.invited!;
  };
  const rowOf = async (invitationId: string) => (await db().select().from(schema.invitations).where(eq(schema.invitations.id, invitationId)))[0]!;

  it("is the ICB lead's alone", async () => {
    cetr = await requestCetr();
    mistyped = await invite("mistyped");
    expect((await withdraw(mistyped.id, claire)).status).toBe(404);
    for (const someone of [ben, priya]) {
      const refused = await withdraw(mistyped.id, someone);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe("The CETR panel is convened by the ICB lead.");
    }
    expect((await rowOf(mistyped.id)).withdrawnAt).toBeNull();
  });

  it("frees the place it held, and its link then says it was withdrawn", async () => {
    for (let i = 1; i < 10; i++) await invite(`filler${i}`);
    const full = await givePlace(cetr.id, { email: uniqueEmail("corrected"), name: "Corrected Address", place: "clinical-expert" });
    expect(full.status).toBe(409);

    const withdrawn = await withdraw(mistyped.id);
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    // The CETR's page as it now stands: the invitation no longer waiting.
    expect(withdrawn.body).toMatchObject({ id: cetr.id, status: "requested" });
    expect(withdrawn.body.panelInvitations).toHaveLength(9);
    expect(withdrawn.body.panelInvitations.map((i) => i.id)).not.toContain(mistyped.id);
    expect(await rowOf(mistyped.id)).toMatchObject({ withdrawnBy: helen.personId, acceptedAt: null });
    expect((await auditOf("cetr-panel-invitation-withdrawn")).map((e) => [e.personId, e.documentId, e.detail])).toContainEqual([
      helen.personId,
      cetr.documentId,
      { cetrId: cetr.id, invitationId: mistyped.id, email: mistyped.email, place: "clinical-expert", cetrEnded: false },
    ]);

    const token = tokenOf(mistyped.link);
    const described = await call<Refusal>("GET", `/api/invitations/${token}`);
    expect(described.status).toBe(410);
    expect(described.body.error).toMatch(/been withdrawn/);
    const refused = await accept(token, { name: "Mistyped", password: "a long enough password" });
    expect(refused.status).toBe(410);
    expect(refused.body.error).toMatch(/been withdrawn/);
    expect(await db().select().from(schema.people).where(eq(schema.people.email, mistyped.email))).toEqual([]);

    // The tenth place is free again.
    expect((await givePlace(cetr.id, { email: uniqueEmail("corrected"), name: "Corrected Address", place: "clinical-expert" })).status).toBe(201);
  });

  it("refuses, in words, an invitation already withdrawn, accepted or expired", async () => {
    const twice = await withdraw(mistyped.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe(`The invitation to Invited mistyped has already been withdrawn, and its place is free. Reload the page to see who is still invited.`);

    const [first, second] = (await helen.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body.panelInvitations;
    const accepted = await accept(tokenOf(linkOf(first!.id)), { name: "Accepted Already", password: "a long enough password" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const afterAccepting = await withdraw(first!.id);
    expect(afterAccepting.status).toBe(409);
    expect(afterAccepting.body.error).toMatch(/has already accepted this invitation and has the place on the panel, so it cannot be withdrawn\.$/);
    expect(await rowOf(first!.id)).toMatchObject({ withdrawnAt: null });

    await db().update(schema.invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.invitations.id, second!.id));
    const expired = await withdraw(second!.id);
    expect(expired.status).toBe(409);
    expect(expired.body.error).toMatch(/has expired, so it no longer holds a place on the panel/);
    expect(await rowOf(second!.id)).toMatchObject({ withdrawnAt: null });
  });

  it("does not find another CETR's invitation, and leaves it waiting", async () => {
    const other = await requestCetr();
    const elsewhere = await invite("elsewhere", other);
    const refused = await withdraw(elsewhere.id);
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe("That invitation was not found.");
    expect((await rowOf(elsewhere.id)).withdrawnAt).toBeNull();
    expect((await withdraw(elsewhere.id, helen, other.id)).status).toBe(200);
    expect((await priya.post(`/api/cetrs/${other.id}/commands`, { type: "withdraw", reason: "Asked for twice" })).status).toBe(200);
  });

  it("withdraws those still waiting when the CETR is withdrawn, as done by the person withdrawing it", async () => {
    const waiting = (await helen.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body.panelInvitations;
    expect(waiting.length).toBeGreaterThan(0);
    expect((await priya.post(`/api/cetrs/${cetr.id}/commands`, { type: "withdraw", reason: "Robin is settled at home now" })).status).toBe(200);

    const rows = await db().select().from(schema.invitations).where(eq(schema.invitations.cetrId, cetr.id));
    for (const { id } of waiting) expect(rows.find((r) => r.id === id)).toMatchObject({ withdrawnBy: priya.personId, acceptedAt: null });
    // The one that expired is left as it was.
    expect(rows.filter((r) => r.acceptedAt === null && r.withdrawnAt === null).map((r) => r.expiresAt < new Date())).toEqual([true]);
    const audited = (await auditOf("cetr-panel-invitation-withdrawn")).filter((e) => e.personId === priya.personId && (e.detail as { cetrId?: string }).cetrId === cetr.id);
    expect(audited.map((e) => (e.detail as { invitationId: string }).invitationId).sort()).toEqual(waiting.map((i) => i.id).sort());

    // The link says the CETR has finished; nothing is left to withdraw.
    const described = await call<Refusal>("GET", `/api/invitations/${tokenOf(linkOf(waiting[0]!.id))}`);
    expect(described.status).toBe(409);
    expect(described.body.error).toMatch(/CETR that has now finished/);
    const late = await withdraw(waiting[0]!.id);
    expect(late.status).toBe(409);
    expect(late.body.error).toBe("This CETR is finished: its panel can no longer change.");
  });
});

describe("who may give panel places, and how many", () => {
  let cetr: CetrSummary;

  it("is the ICB lead alone, and a family's account cannot hold one", async () => {
    cetr = await requestCetr();
    const body = { email: uniqueEmail("someone"), name: "Someone", place: "clinical-expert" };
    expect((await givePlace(cetr.id, body, claire)).status).toBe(404);
    expect((await givePlace(cetr.id, body, ben)).status).toBe(403);
    expect((await givePlace(cetr.id, body, priya)).status).toBe(403);
    const family = await givePlace(cetr.id, { email: demoEmail("claire.walker"), place: "expert-by-experience" });
    expect(family.status).toBe(400);
    expect(family.body.details?.email).toMatch(/^Claire Walker uses Roundtable as parent or carer/);
    expect(await db().select().from(schema.invitations).where(eq(schema.invitations.cetrId, cetr.id))).toEqual([]);
  });

  it("has at most ten places, counting the people invited who have not accepted", async () => {
    // One with an account, given the place at once, and nine invited.
    const placed = await givePlace(cetr.id, { email: demoEmail("ben.carter"), place: "clinical-expert" });
    expect(placed.status).toBe(201);
    expect(placed.body.invited).toBeNull();
    for (let i = 0; i < 9; i++) {
      const sent = await givePlace(cetr.id, { email: uniqueEmail(`panel${i}`), name: `Panel Member ${i}`, place: "expert-by-experience" });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    }
    const eleventh = await givePlace(cetr.id, { email: uniqueEmail("eleventh"), name: "One Too Many", place: "clinical-expert" });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error).toMatch(/at most 10 places, counting people invited/);
    // Nor someone with an account; but the ten may still have their places changed.
    expect((await givePlace(cetr.id, { email: demoEmail("lucy.evans"), place: "clinical-expert" })).status).toBe(409);
    expect((await givePlace(cetr.id, { email: demoEmail("ben.carter"), place: "independent-chair" })).status).toBe(201);
    const page = (await helen.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body;
    expect(page.panel).toHaveLength(1);
    expect(page.panelInvitations).toHaveLength(9);
  });
});

describe("accepting with an account made for the address since it was invited", () => {
  it("signs in with its password and gives the place, but not to a family's account", async () => {
    const cetr = await requestCetr();
    const [professional, parent] = [uniqueEmail("since.professional"), uniqueEmail("since.parent")];
    const links: string[] = [];
    for (const email of [professional, parent]) {
      const sent = await givePlace(cetr.id, { email, name: "Made Since", place: "expert-by-experience" });
      expect(sent.status).toBe(201);
      links.push(sent.body.invited!.link);
    }
    const [child] = await db().select({ serviceId: schema.cases.serviceId }).from(schema.cases).where(eq(schema.cases.id, caseId));
    const serviceId = child!.serviceId;
    const passwordHash = await hashPassword("an existing long password");
    const [made] = await db().insert(schema.people).values({ serviceId, name: "Made Since", email: professional, role: "professional", passwordHash }).returning({ id: schema.people.id });
    await db().insert(schema.people).values({ serviceId, name: "A Parent", email: parent, role: "parent", passwordHash });

    expect((await call<InvitationDescription>("GET", `/api/invitations/${tokenOf(links[0]!)}`)).body.accountExists).toBe(true);
    expect((await accept(tokenOf(links[0]!), { password: "not the password" })).status).toBe(401);
    const accepted = await accept(tokenOf(links[0]!), { password: "an existing long password" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ cetrId: cetr.id, me: { id: made!.id } });
    expect(await db().select().from(schema.cetrPanel).where(and(eq(schema.cetrPanel.cetrId, cetr.id), eq(schema.cetrPanel.personId, made!.id)))).toHaveLength(1);
    expect(await db().select().from(schema.caseMembers).where(eq(schema.caseMembers.personId, made!.id))).toEqual([]);

    const family = await accept(tokenOf(links[1]!), { password: "an existing long password" });
    expect(family.status).toBe(409);
    expect(family.body.error).toMatch(/belongs to a family's account/);
    expect((await helen.get<CetrDetail>(`/api/cetrs/${cetr.id}/page`)).body.panelInvitations.map((i) => i.email)).toEqual([parent]);
  });
});
