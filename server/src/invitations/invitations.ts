/**
 * Inviting people onto a case's team by email. Only the people who run the case invite (the
 * young person, only their own keyworker: ADR 0012); the link carries a random token of which
 * only a hash is kept. Accepting (invitation-acceptance.ts) creates the person's own account or
 * signs in as the one they have, puts them on the team and is audited. An invitation is used
 * once: accepted, withdrawn or expired, its link no longer works.
 */
import { managedCase } from "../access/case-manager.js";
import { orRefuse } from "../access/access-answer.js";
import { createHash, randomBytes } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import {
  firstNameOf,
  invitableRoles,
  invitedRoleCounts,
  parentsKeptOutReason,
  type InvitableRole,
  invitationLifetimeDays,
  invitationStatus,
  invitedRoleHasAgency,
  mayLinkYoungPerson,
  roleLabels,
  teamRolesFor,
  type CreateInvitationBody,
  type Invitation,
  type Role,
} from "@roundtable/domain";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "../audit/audit-log.js";
import { forbidden, HttpError, notFound } from "../errors.js";
import type { CaseRow } from "../access/access.js";
import type { Person } from "../auth/sessions.js";
import { linkedElsewhere } from "../team/young-person-link.js";
import { parentsSharingOf } from "../consent/parents-sharing.js";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const invitationNotValid = () => new HttpError(404, "This invitation link is not valid.");
// The same words whichever it is, so the link does not say whether someone withdrew it.
export const invitationEnded = () =>
  new HttpError(410, "This invitation has expired or been withdrawn. Ask the person who invited you for a new one.");

/** The case, if this person runs it: 404 when they cannot see it, 403 when they can but may not invite. */
const caseRunBy = async (db: Db, person: Person, caseId: string) => orRefuse(await managedCase(db, person, caseId, "invite people to this case's team"));

export const inviter = alias(schema.people, "inviter");

function invitationQuery(db: Db) {
  return db
    .select({ invitation: schema.invitations, agencyName: schema.agencies.name, inviterName: inviter.name })
    .from(schema.invitations)
    .innerJoin(inviter, eq(inviter.id, schema.invitations.invitedBy))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invitations.agencyId));
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>["execute"]>>[number];

function toInvitation({ invitation: i, agencyName, inviterName }: InvitationRow, now = new Date()): Invitation {
  return {
    id: i.id,
    caseId: i.caseId,
    email: i.email,
    name: i.name,
    role: i.role,
    agency: i.agencyId && agencyName ? { id: i.agencyId, name: agencyName } : null,
    status: invitationStatus(i, now),
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    invitedBy: { id: i.invitedBy, name: inviterName },
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    withdrawnAt: i.withdrawnAt?.toISOString() ?? null,
  };
}

export async function accountByEmail(db: Db, email: string) {
  const [account] = await db
    .select({ id: schema.people.id, name: schema.people.name, role: schema.people.role, serviceId: schema.people.serviceId, agencyId: schema.people.agencyId })
    .from(schema.people)
    .where(eq(sql`lower(${schema.people.email})`, email.toLowerCase()))
    .limit(1);
  return account ?? null;
}

type Account = NonNullable<Awaited<ReturnType<typeof accountByEmail>>>;

/** Why an existing account cannot take this role on this case, or null when it can. */
export function accountMisfit(account: Account, serviceId: string, role: Role): HttpError | null {
  if (account.serviceId !== serviceId) {
    return new HttpError(409, "That email address belongs to an account in another keyworking service, so it cannot join this case.");
  }
  const roles = teamRolesFor(account.role);
  if (roles.includes(role)) return null;
  const invitable = roles.filter((r) => (invitableRoles as readonly Role[]).includes(r));
  if (invitable.length === 0) {
    return new HttpError(409, `${account.name} already works in this keyworking service. Add them to the team instead of inviting them.`);
  }
  return new HttpError(400, "The request body is not valid.", {
    role: `${account.name} already has an account as ${roleLabels[account.role].toLowerCase()}, so invite them as that`,
  });
}

export interface NewInvitation {
  invitation: Invitation;
  /** The token for the link; never stored, so this is the only time it is known. */
  token: string;
  accountExists: boolean;
}

export async function createInvitation(db: Db, person: Person, caseId: string, body: CreateInvitationBody): Promise<NewInvitation> {
  const { role: actorRole, caseRow } = await caseRunBy(db, person, caseId);
  let agencyId: string | null = null;
  if (invitedRoleHasAgency(body.role) && body.agencyId) {
    const [agency] = await db.select({ serviceId: schema.agencies.serviceId }).from(schema.agencies).where(eq(schema.agencies.id, body.agencyId));
    if (!agency || agency.serviceId !== caseRow.serviceId) throw new HttpError(400, "The request body is not valid.", { agencyId: "Choose an agency in this service" });
    agencyId = body.agencyId;
  }
  const account = await accountByEmail(db, body.email);
  if (account) {
    const misfit = accountMisfit(account, caseRow.serviceId, body.role);
    if (misfit) throw misfit;
    // Someone with an account keeps their own agency.
    if (invitedRoleHasAgency(body.role) && account.agencyId) agencyId = account.agencyId;
  }
  if (body.role === "young-person") await checkYoungPersonInvitation(db, person, caseRow, account?.id ?? null);
  await checkCountsOnTeam(db, caseRow, body.role);

  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const id = await db.transaction(async (tx) => {
    // One invitation at a time per email address and case, even when two are sent at once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invitation:${caseId}:${body.email}`}))`);
    if (account) {
      const [member] = await tx
        .select({ personId: schema.caseMembers.personId })
        .from(schema.caseMembers)
        .where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, account.id)));
      if (member) throw new HttpError(409, `${body.email} is already on this case's team.`);
    }
    const [pending] = await tx
      .select({ id: schema.invitations.id })
      .from(schema.invitations)
      .where(and(eq(schema.invitations.caseId, caseId), isNull(schema.invitations.cetrId), eq(schema.invitations.email, body.email), pendingAt(now)))
      .limit(1);
    if (pending) throw new HttpError(409, `An invitation to ${body.email} is already waiting to be accepted. Withdraw it first if you want to send a new one.`);
    const [row] = await tx
      .insert(schema.invitations)
      .values({
        caseId,
        email: body.email,
        name: body.name ?? null,
        role: body.role,
        agencyId,
        youngPersonAgreement: body.youngPersonAgreement ?? null,
        tokenHash: hashToken(token),
        invitedBy: person.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + invitationLifetimeDays * 24 * 60 * 60 * 1000),
      })
      .returning({ id: schema.invitations.id });
    await recordAudit(tx, { actor: person, role: actorRole, action: "invited", caseId, detail: { email: body.email, role: body.role } });
    return row!.id;
  });
  const [row] = await invitationQuery(db).where(eq(schema.invitations.id, id));
  return { invitation: toInvitation(row!), token, accountExists: account !== null };
}

/**
 * Inviting "the young person" links the account they accept with as the child's own (ADR
 * 0012): only the child's own keyworker may, and only while no account is linked or waiting to be.
 */
async function checkYoungPersonInvitation(db: Db, person: Person, caseRow: CaseRow, accountId: string | null): Promise<void> {
  if (!mayLinkYoungPerson({ isOwnKeyworker: caseRow.keyworkerId === person.id })) {
    throw forbidden(`Only ${caseRow.name}'s own keyworker can invite them: accepting links their own account to this case.`);
  }
  if (caseRow.youngPersonId) throw new HttpError(409, `${caseRow.name}'s own account is already linked to this case.`);
  if (accountId) {
    const elsewhere = await linkedElsewhere(db, accountId, caseRow.id);
    if (elsewhere) throw elsewhere;
  }
  const [waiting] = await db
    .select({ id: schema.invitations.id })
    .from(schema.invitations)
    .where(and(eq(schema.invitations.caseId, caseRow.id), eq(schema.invitations.role, "young-person"), pendingAt(new Date())))
    .limit(1);
  if (waiting) throw new HttpError(409, `An invitation to ${caseRow.name} is already waiting to be accepted. Withdraw it first if you want to send a new one.`);
}

/**
 * Nobody is invited in a role that would not count on the team (`invitedRoleCounts`): while the
 * young person's decision keeps their parents out (ADR 0026), a parent or carer invited would
 * open nothing. Only the people who run the case invite, and they are told the decision.
 */
async function checkCountsOnTeam(db: Db, caseRow: CaseRow, role: InvitableRole): Promise<void> {
  const parents = await parentsSharingOf(db, caseRow);
  if (invitedRoleCounts(role, parents)) return;
  const child = firstNameOf(caseRow.name);
  throw new HttpError(400, "The request body is not valid.", {
    role: `You cannot invite a parent or carer: ${parentsKeptOutReason(child, parents)}. If ${child} changes their mind, record it on the consent page first`,
  });
}

/** Not accepted, not withdrawn, not expired. */
export function pendingAt(now: Date) {
  return and(isNull(schema.invitations.acceptedAt), isNull(schema.invitations.withdrawnAt), gt(schema.invitations.expiresAt, now));
}

/** Every invitation to the case's team, newest first (not those to a place on a CETR's panel: the CETR's page lists them). */
export async function listInvitations(db: Db, person: Person, caseId: string): Promise<Invitation[]> {
  await caseRunBy(db, person, caseId);
  const rows = await invitationQuery(db)
    .where(and(eq(schema.invitations.caseId, caseId), isNull(schema.invitations.cetrId)))
    .orderBy(desc(schema.invitations.createdAt), desc(schema.invitations.id));
  const now = new Date();
  return rows.map((row) => toInvitation(row, now));
}

export async function withdrawInvitation(db: Db, person: Person, caseId: string, invitationId: string): Promise<Invitation> {
  const { role } = await caseRunBy(db, person, caseId);
  const now = new Date();
  const updated = await db
    .update(schema.invitations)
    .set({ withdrawnAt: now, withdrawnBy: person.id })
    .where(and(eq(schema.invitations.id, invitationId), eq(schema.invitations.caseId, caseId), isNull(schema.invitations.cetrId), pendingAt(now)))
    .returning({ email: schema.invitations.email, role: schema.invitations.role });
  const [row] = await invitationQuery(db).where(and(eq(schema.invitations.id, invitationId), eq(schema.invitations.caseId, caseId), isNull(schema.invitations.cetrId)));
  if (!row) throw notFound("That invitation");
  const invitation = toInvitation(row, now);
  if (updated.length === 0) throw new HttpError(409, `This invitation cannot be withdrawn: it has ${whyEnded[invitation.status]}.`);
  await recordAudit(db, { actor: person, role, action: "invitation-withdrawn", caseId, detail: { email: updated[0]!.email, role: updated[0]!.role } });
  return invitation;
}

const whyEnded: Record<Invitation["status"], string> = {
  pending: "just changed",
  accepted: "been accepted",
  withdrawn: "already been withdrawn",
  expired: "expired",
};
