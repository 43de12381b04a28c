import { createHash, randomBytes, scryptSync } from "node:crypto";
import { schema } from "@roundtable/db";
import type { AuditAction, CaseDetail, CaseSummary, CreatedInvitation, Invitation, InvitationAccepted, InvitationDescription, Me } from "@roundtable/domain";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { demoEmail, demoPassword, signIn, type SignedIn } from "./support/api-client.js";
import { useMailingTestServer } from "./support/smtp-sink.js";
import { waitFor } from "./support/wait-for.js";

const publicUrl = "https://roundtable.example.org";
const endedMessage = "This invitation has expired or been withdrawn. Ask the person who invited you for a new one.";

const { smtp, server } = useMailingTestServer(publicUrl);
let priya: SignedIn;
let jamieCase: string;
let aishaCase: string;
let schoolAgency: string;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  const cases = (await priya.get<CaseSummary[]>("/api/cases")).body;
  jamieCase = cases.find((c) => c.name === "Jamie Walker")!.id;
  aishaCase = cases.find((c) => c.name === "Aisha Reid")!.id;
  const jamie = (await priya.get<CaseDetail>(`/api/cases/${jamieCase}`)).body;
  schoolAgency = jamie.agencies.find((a) => a.name === "Riverside Academy")!.id;
});

const db = () => server.database.db;
const uniqueEmail = (label: string) => `${label}.${randomBytes(4).toString("hex")}@example.org`;
const tokenOf = (link: string) => link.slice(`${publicUrl}/invitations/`.length);

/** A request with no session, or with the given cookie: what the invited person's browser sends. */
async function call<T>(method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, cookie: res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") };
}

async function invite(by: SignedIn, caseId: string, body: Record<string, unknown>) {
  const res = await by.post<CreatedInvitation>(`/api/cases/${caseId}/invitations`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const describeLink = (token: string) => call<InvitationDescription & { error?: string }>("GET", `/api/invitations/${token}`);
const accept = (token: string, body: unknown, cookie?: string) =>
  call<InvitationAccepted & { error?: string; details?: Record<string, string> }>("POST", `/api/invitations/${token}/accept`, body, cookie);

async function auditOf(caseId: string, action: AuditAction) {
  return db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.caseId, caseId), eq(schema.auditEvents.action, action)));
}

describe("inviting a parent by email", () => {
  it("emails them a link that describes the invitation; accepting creates their account, signs them in and lands them on the case", async () => {
    const email = uniqueEmail("sam.okoro");
    const sent = await invite(priya, jamieCase, { email: email.toUpperCase(), role: "parent", name: "Sam Okoro" });
    expect(sent).toMatchObject({ email, name: "Sam Okoro", role: "parent", agency: null, status: "pending", invitedBy: { name: "Priya Shah" }, emailed: true });
    expect(sent.link).toMatch(new RegExp(`^${publicUrl}/invitations/[A-Za-z0-9_-]{43}$`));
    const days = (Date.parse(sent.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // The email: who invited them and the link — not even the child's first name (a mistyped
    // address sends it to a stranger); the page the link opens says who it is about.
    const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes(email)), { what: "the invitation email" });
    expect(mail.subject).toBe("Priya Shah has invited you to join a team on Roundtable");
    expect(`${mail.subject}\n${mail.body}`).not.toContain("Jamie");
    expect(mail.body).toContain(sent.link);
    expect(mail.body).toContain("Dear Sam Okoro,");
    expect(mail.body).toContain("as a parent or carer");
    expect(mail.body).not.toContain("Walker");
    expect(mail.body).not.toMatch(/hurt|school|autistic/i);

    // Only a hash of the token is kept.
    const token = tokenOf(sent.link);
    const [row] = await db().select().from(schema.invitations).where(eq(schema.invitations.id, sent.id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);

    const described = await describeLink(token);
    expect(described.status).toBe(200);
    expect(described.body).toEqual({
      caseFirstName: "Jamie",
      role: "parent",
      panelPlace: null,
      agency: null,
      invitedBy: "Priya Shah",
      email,
      name: "Sam Okoro",
      expiresAt: sent.expiresAt,
      accountExists: false,
    });

    const accepted = await accept(token, { name: "Sam Okoro", password: "a long enough password" });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.caseId).toBe(jamieCase);
    expect(accepted.body.cetrId).toBeNull();
    expect(accepted.body.me).toMatchObject({ name: "Sam Okoro", email, role: "parent", agency: null });

    // Signed in: the cookie works, and they land on the case and see what a parent may.
    const me = await call<Me>("GET", "/api/me", undefined, accepted.cookie);
    expect(me.body.id).toBe(accepted.body.me.id);
    const theirView = await call<CaseDetail>("GET", `/api/cases/${jamieCase}`, undefined, accepted.cookie);
    expect(theirView.status).toBe(200);
    expect(theirView.body.team.find((m) => m.personId === me.body.id)?.role).toBe("parent");
    const claire = await signIn(server.url, "claire.walker");
    const claireView = (await claire.get<CaseDetail>(`/api/cases/${jamieCase}`)).body;
    expect(theirView.body.documents.map((d) => d.id).sort()).toEqual(claireView.documents.map((d) => d.id).sort());
    expect(theirView.body.documents.every((d) => d.visibility === "family")).toBe(true);
    expect((await call("GET", `/api/cases/${aishaCase}`, undefined, accepted.cookie)).status).toBe(404);

    // Their own account, with an argon2id password that signs in.
    const [person] = await db().select().from(schema.people).where(eq(schema.people.id, me.body.id));
    expect(person).toMatchObject({ role: "parent", agencyId: null, serviceId: expect.any(String) });
    expect(person!.passwordHash).toMatch(/^\$argon2id\$/);
    const login = await call("POST", "/api/auth/login", { email, password: "a long enough password" });
    expect(login.status).toBe(200);

    const listed = (await priya.get<Invitation[]>(`/api/cases/${jamieCase}/invitations`)).body.find((i) => i.id === sent.id)!;
    expect(listed).toMatchObject({ status: "accepted", acceptedAt: expect.any(String) });
    const [stored] = await db().select().from(schema.invitations).where(eq(schema.invitations.id, sent.id));
    expect(stored!.acceptedBy).toBe(me.body.id);
    expect((await auditOf(jamieCase, "invited")).map((e) => e.detail)).toContainEqual({ email, role: "parent" });
    expect((await auditOf(jamieCase, "joined")).some((e) => e.personId === me.body.id && e.personRole === "parent")).toBe(true);

    // The link cannot be used again.
    expect(await describeLink(token)).toMatchObject({ status: 410, body: { error: endedMessage } });
    expect(await accept(token, { name: "Someone Else", password: "another long password" })).toMatchObject({ status: 410 });
  });

  it("accepts only once when the form is sent twice at the same moment", async () => {
    const email = uniqueEmail("double");
    const { link } = await invite(priya, aishaCase, { email, role: "young-person", youngPersonAgreement: "Aisha said yes at school" });
    const answers = await Promise.all([1, 2, 3].map(() => accept(tokenOf(link), { name: "Riley Double", password: "a long enough password" })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410]);
    const accounts = await db().select().from(schema.people).where(eq(sql`lower(${schema.people.email})`, email));
    expect(accounts).toHaveLength(1);
    expect(await auditOf(aishaCase, "joined").then((events) => events.filter((e) => e.personId === accounts[0]!.id))).toHaveLength(1);
  });

  it("lists the case's invitations newest first, to the people who run the case", async () => {
    const first = await invite(priya, aishaCase, { email: uniqueEmail("first"), role: "parent" });
    const second = await invite(priya, aishaCase, { email: uniqueEmail("second"), role: "icb-lead", agencyId: schoolAgency });
    const listed = (await priya.get<Invitation[]>(`/api/cases/${aishaCase}/invitations`)).body;
    expect(listed.findIndex((i) => i.id === second.id)).toBeLessThan(listed.findIndex((i) => i.id === first.id));
    expect(listed.find((i) => i.id === second.id)).toMatchObject({ role: "icb-lead", agency: { id: schoolAgency, name: "Riverside Academy" }, status: "pending" });
    expect(listed.every((i) => !("link" in i) && !("tokenHash" in i))).toBe(true);
    const angela = await signIn(server.url, "angela.okafor"); // the service lead, not on the team
    expect((await angela.get(`/api/cases/${aishaCase}/invitations`)).status).toBe(200);
  });
});

describe("links that no longer work", () => {
  it("refuses an expired invitation with 410", async () => {
    const sent = await invite(priya, jamieCase, { email: uniqueEmail("late"), role: "parent" });
    await db().update(schema.invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(schema.invitations.id, sent.id));
    expect(await describeLink(tokenOf(sent.link))).toMatchObject({ status: 410, body: { error: endedMessage } });
    expect(await accept(tokenOf(sent.link), { name: "Too Late", password: "a long enough password" })).toMatchObject({ status: 410, body: { error: endedMessage } });
    const listed = (await priya.get<Invitation[]>(`/api/cases/${jamieCase}/invitations`)).body;
    expect(listed.find((i) => i.id === sent.id)?.status).toBe("expired");
    expect((await priya.post(`/api/cases/${jamieCase}/invitations/${sent.id}/withdraw`, undefined)).status).toBe(409);
  });

  it("refuses a withdrawn invitation with 410, saying the same as for an expired one", async () => {
    const email = uniqueEmail("withdrawn");
    const sent = await invite(priya, jamieCase, { email, role: "professional", agencyId: schoolAgency });
    const withdrawn = await priya.post<Invitation>(`/api/cases/${jamieCase}/invitations/${sent.id}/withdraw`, undefined);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: sent.id, status: "withdrawn", withdrawnAt: expect.any(String) });
    expect((await auditOf(jamieCase, "invitation-withdrawn")).map((e) => e.detail)).toContainEqual({ email, role: "professional" });
    expect(await describeLink(tokenOf(sent.link))).toMatchObject({ status: 410, body: { error: endedMessage } });
    expect(await accept(tokenOf(sent.link), { name: "Not Now", password: "a long enough password" })).toMatchObject({ status: 410 });
    expect((await priya.post(`/api/cases/${jamieCase}/invitations/${sent.id}/withdraw`, undefined)).status).toBe(409);
    // Once withdrawn, the same person can be invited again.
    await invite(priya, jamieCase, { email, role: "professional", agencyId: schoolAgency });
  });

  it("says a link that was never sent is not valid", async () => {
    const token = randomBytes(32).toString("base64url");
    expect(await describeLink(token)).toMatchObject({ status: 404, body: { error: "This invitation link is not valid." } });
    expect(await accept(token, { name: "Nobody", password: "a long enough password" })).toMatchObject({ status: 404 });
    // Nor is something that could never be a link's token.
    expect(await describeLink("x".repeat(500))).toMatchObject({ status: 404, body: { error: "This invitation link is not valid." } });
    expect(await describeLink("not a token!")).toMatchObject({ status: 404 });
  });
});

describe("who may invite", () => {
  it("refuses professionals and the family on the case (403), and hides the case from people not on it (404)", async () => {
    const body = { email: uniqueEmail("nope"), role: "parent" };
    const mark = await signIn(server.url, "mark.davies");
    const claire = await signIn(server.url, "claire.walker");
    const daniel = await signIn(server.url, "daniel.reid");
    expect((await mark.post(`/api/cases/${jamieCase}/invitations`, body)).status).toBe(403);
    expect((await claire.post(`/api/cases/${jamieCase}/invitations`, body)).status).toBe(403);
    expect((await mark.get(`/api/cases/${jamieCase}/invitations`)).status).toBe(403);
    expect((await daniel.post(`/api/cases/${jamieCase}/invitations`, body)).status).toBe(404);
    expect((await daniel.get(`/api/cases/${jamieCase}/invitations`)).status).toBe(404);
    const sent = await invite(priya, jamieCase, body);
    expect((await mark.post(`/api/cases/${jamieCase}/invitations/${sent.id}/withdraw`, undefined)).status).toBe(403);
    expect((await call("GET", `/api/cases/${jamieCase}/invitations`)).status).toBe(401);
  });

  it("answers bad input with 400 and a message for each field", async () => {
    const empty = await priya.post<{ details: Record<string, string> }>(`/api/cases/${jamieCase}/invitations`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual({ email: "Enter their email address", role: "Choose what they will be on the team" });
    const wrong = await priya.post<{ details: Record<string, string> }>(`/api/cases/${jamieCase}/invitations`, { email: "not an email", role: "keyworker" });
    expect(wrong.body.details).toEqual({
      email: "Enter an email address in the right format, like name@example.org",
      role: "Choose what they will be on the team",
    });
    const noAgency = await priya.post<{ details: Record<string, string> }>(`/api/cases/${jamieCase}/invitations`, { email: uniqueEmail("pro"), role: "professional" });
    expect(noAgency.body.details).toEqual({ agencyId: "Choose the agency they work for" });
    const strangeAgency = await priya.post<{ details: Record<string, string> }>(`/api/cases/${jamieCase}/invitations`, {
      email: uniqueEmail("pro"),
      role: "icb-lead",
      agencyId: "8d1f0c1e-2f4b-4b8e-9a55-0c6b3f1e2d3a",
    });
    expect(strangeAgency).toMatchObject({ status: 400, body: { details: { agencyId: "Choose an agency in this service" } } });
    expect((await priya.post(`/api/cases/not-a-case/invitations`, { email: uniqueEmail("x"), role: "parent" })).status).toBe(400);

    const { link } = await invite(priya, jamieCase, { email: uniqueEmail("weak"), role: "parent" });
    const weak = await accept(tokenOf(link), { name: " ", password: "too short" });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual({ name: "Enter your name", password: "Your password must be at least 12 characters long" });
    expect((await accept(tokenOf(link), { name: "Long Password", password: "x".repeat(201) })).body.details).toEqual({
      password: "Your password must be 200 characters or fewer",
    });
    expect((await describeLink(tokenOf(link))).status).toBe(200); // still usable after a mistake
  });

  it("refuses to invite someone already on the team, or someone with an invitation waiting", async () => {
    const member = await priya.post<{ error: string }>(`/api/cases/${jamieCase}/invitations`, { email: demoEmail("claire.walker").toUpperCase(), role: "parent" });
    expect(member.status).toBe(409);
    expect(member.body.error).toBe("claire.walker@roundtable.demo is already on this case's team.");
    const email = uniqueEmail("twice");
    await invite(priya, jamieCase, { email, role: "parent" });
    const again = await priya.post<{ error: string }>(`/api/cases/${jamieCase}/invitations`, { email: email.toUpperCase(), role: "parent" });
    expect(again.status).toBe(409);
    expect(again.body.error).toContain("already waiting");
  });
});

describe("inviting someone who already has an account", () => {
  it("adds them to the case with their own password, without a second account", async () => {
    const email = demoEmail("daniel.reid");
    const sent = await invite(priya, jamieCase, { email, role: "parent" });
    const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes(email) && m.body.includes(sent.link)), { what: "Daniel's invitation" });
    expect(mail.body).toContain("enter the password you use for Roundtable");
    const token = tokenOf(sent.link);
    expect((await describeLink(token)).body).toMatchObject({ accountExists: true, email });

    const wrong = await accept(token, { password: "not daniels password" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.details?.password).toBeDefined();
    const accepted = await accept(token, { password: demoPassword });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const daniel = await signIn(server.url, "daniel.reid");
    expect(accepted.body.me.id).toBe(daniel.personId);
    expect(await db().select().from(schema.people).where(eq(sql`lower(${schema.people.email})`, email))).toHaveLength(1);
    expect((await daniel.get(`/api/cases/${jamieCase}`)).status).toBe(200);
    expect((await call("GET", `/api/cases/${jamieCase}`, undefined, accepted.cookie)).status).toBe(200);
    // Still on his own child's case as well.
    expect((await daniel.get(`/api/cases/${aishaCase}`)).status).toBe(200);
  });

  it("invites them only in the role their account has", async () => {
    const asParent = await priya.post<{ details: Record<string, string> }>(`/api/cases/${aishaCase}/invitations`, { email: demoEmail("ben.carter"), role: "parent" });
    expect(asParent).toMatchObject({ status: 400, body: { details: { role: "Dr Ben Carter already has an account as professional, so invite them as that" } } });
    const staff = await priya.post<{ error: string }>(`/api/cases/${aishaCase}/invitations`, { email: demoEmail("angela.okafor"), role: "parent" });
    expect(staff.status).toBe(409);
    // As a professional, they keep their own agency whatever was chosen.
    const asProfessional = await invite(priya, aishaCase, { email: demoEmail("ben.carter"), role: "professional", agencyId: schoolAgency });
    expect(asProfessional.agency?.name).toBe("Northbridge CAMHS");
  });
});

describe("passwords", () => {
  it("still signs in accounts whose passwords were hashed with scrypt", async () => {
    const salt = randomBytes(16);
    const key = scryptSync("an old scrypt password", salt, 64, { N: 16384, r: 8, p: 1 });
    await db()
      .update(schema.people)
      .set({ passwordHash: `scrypt$${salt.toString("base64")}$${key.toString("base64")}` })
      .where(eq(schema.people.email, demoEmail("sophie.grant")));
    expect((await call("POST", "/api/auth/login", { email: demoEmail("sophie.grant"), password: "an old scrypt password" })).status).toBe(200);
    expect((await call("POST", "/api/auth/login", { email: demoEmail("sophie.grant"), password: "not the password" })).status).toBe(401);
  });

  it("hashes new passwords with argon2id", async () => {
    const [lucy] = await db().select({ hash: schema.people.passwordHash }).from(schema.people).where(eq(schema.people.email, demoEmail("lucy.evans")));
    expect(lucy!.hash).toMatch(/^\$argon2id\$v=19\$/);
  });
});
