/**
 * A case's team and its consent records: adding, re-roling and removing members, and recording
 * or withdrawing consent. Only people who run the case (caseManagerRoles) may; every change is
 * audited, and open connections are re-checked at once by the caller (AccessEnforcer).
 */
import { schema, type Db } from "@roundtable/db";
import {
  caseManagerRoles,
  effectiveCaseRole,
  teamRolesFor,
  type AddMemberBody,
  type ConsentRecord,
  type ConsentKind,
  type RecordConsentBody,
  type Role,
} from "@roundtable/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "../audit/audit-log.js";
import { forbidden, HttpError, notFound } from "../errors.js";
import { visibleCase, type VisibleCase } from "./access.js";
import type { Person } from "./sessions.js";

/** The case, if this person runs it: 404 when they cannot see it, 403 when they can but may not. */
export async function requireCaseManager(db: Db, person: Person, caseId: string, what: string): Promise<VisibleCase & { role: Role }> {
  const visible = await visibleCase(db, person, caseId);
  const role = effectiveCaseRole(visible.caseRole, person.role);
  if (!role || !caseManagerRoles.includes(role)) throw forbidden(`Only the keyworkers and the service lead can ${what}.`);
  return { ...visible, role };
}

export async function addMember(db: Db, person: Person, caseId: string, body: AddMemberBody): Promise<void> {
  const { role: actorRole, caseRow } = await requireCaseManager(db, person, caseId, "change who is on the team");
  const [candidate] = await db
    .select({ id: schema.people.id, name: schema.people.name, role: schema.people.role, serviceId: schema.people.serviceId })
    .from(schema.people)
    .where(eq(schema.people.id, body.personId));
  if (!candidate || candidate.serviceId !== caseRow.serviceId) throw new HttpError(400, "The request body is not valid.", { personId: "Choose someone in this service" });
  const allowed = teamRolesFor(candidate.role as Role);
  const role = body.role ?? allowed[0];
  if (!role || !allowed.includes(role)) throw new HttpError(400, "The request body is not valid.", { role: `${candidate.name} cannot have that role on a team` });
  // The young person joins only as the child's own account, which their keyworker links (ADR 0012).
  if (role === "young-person") {
    throw new HttpError(400, "The request body is not valid.", { personId: `Only ${caseRow.name}'s own keyworker can add the young person, by inviting them: that links their own account` });
  }
  const inserted = await db.insert(schema.caseMembers).values({ caseId, personId: candidate.id, role }).onConflictDoNothing().returning({ personId: schema.caseMembers.personId });
  if (inserted.length === 0) throw new HttpError(409, `${candidate.name} is already on the team.`);
  await recordAudit(db, { actor: person, role: actorRole, action: "member-added", caseId, detail: { personId: candidate.id, name: candidate.name, role } });
}

export async function changeMemberRole(db: Db, person: Person, caseId: string, memberId: string, role: Role): Promise<void> {
  const { role: actorRole } = await requireCaseManager(db, person, caseId, "change who is on the team");
  const member = await memberOf(db, caseId, memberId);
  if (!teamRolesFor(member.accountRole).includes(role)) throw new HttpError(400, "The request body is not valid.", { role: `${member.name} cannot have that role on a team` });
  if (member.role === role) return;
  await db.update(schema.caseMembers).set({ role, updatedAt: new Date() }).where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, memberId)));
  await recordAudit(db, { actor: person, role: actorRole, action: "role-changed", caseId, detail: { personId: memberId, name: member.name, from: member.role, to: role } });
}

export async function removeMember(db: Db, person: Person, caseId: string, memberId: string): Promise<void> {
  const { role: actorRole, caseRow } = await requireCaseManager(db, person, caseId, "change who is on the team");
  const member = await memberOf(db, caseId, memberId);
  if (caseRow.keyworkerId === memberId) throw new HttpError(409, `${member.name} is this child's keyworker. Give the child another keyworker before removing them.`);
  if (caseRow.youngPersonId === memberId) throw new HttpError(409, `${member.name} is linked as this child's own account. Unlink the account before removing them.`);
  await db.delete(schema.caseMembers).where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, memberId)));
  await recordAudit(db, { actor: person, role: actorRole, action: "member-removed", caseId, detail: { personId: memberId, name: member.name, role: member.role } });
}

async function memberOf(db: Db, caseId: string, personId: string) {
  const [member] = await db
    .select({ name: schema.people.name, accountRole: schema.people.role, role: schema.caseMembers.role })
    .from(schema.caseMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.caseMembers.personId))
    .where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, personId)));
  if (!member) throw notFound("That team member");
  return { ...member, accountRole: member.accountRole as Role, role: member.role as Role };
}

const recorder = alias(schema.people, "recorder");
const withdrawer = alias(schema.people, "withdrawer");

/** Every consent record for the case, newest first (what holds now: `currentConsents`). */
export async function listConsents(db: Db, person: Person, caseId: string): Promise<ConsentRecord[]> {
  await visibleCase(db, person, caseId);
  const rows = await db
    .select({ consent: schema.consents, agencyName: schema.agencies.name, recorderName: recorder.name, withdrawerName: withdrawer.name })
    .from(schema.consents)
    .innerJoin(recorder, eq(recorder.id, schema.consents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, schema.consents.withdrawnBy))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.consents.agencyId))
    .where(eq(schema.consents.caseId, caseId))
    .orderBy(desc(schema.consents.recordedAt), desc(schema.consents.id));
  return rows.map(({ consent: c, agencyName, recorderName, withdrawerName }) => ({
    id: c.id,
    caseId: c.caseId,
    kind: c.kind as ConsentKind,
    agency: c.agencyId && agencyName ? { id: c.agencyId, name: agencyName } : null,
    decision: c.decision as ConsentRecord["decision"],
    givenBy: c.givenBy,
    note: c.note,
    recordedBy: { id: c.recordedBy, name: recorderName },
    recordedAt: c.recordedAt.toISOString(),
    withdrawn: c.withdrawnAt ? { by: c.withdrawnBy && withdrawerName ? { id: c.withdrawnBy, name: withdrawerName } : null, at: c.withdrawnAt.toISOString() } : null,
  }));
}

export async function recordConsent(db: Db, person: Person, caseId: string, body: RecordConsentBody): Promise<ConsentRecord> {
  const { role, caseRow } = await requireCaseManager(db, person, caseId, "record consent");
  if (body.agencyId) {
    const [agency] = await db.select({ serviceId: schema.agencies.serviceId }).from(schema.agencies).where(eq(schema.agencies.id, body.agencyId));
    if (!agency || agency.serviceId !== caseRow.serviceId) throw new HttpError(400, "The request body is not valid.", { agencyId: "Choose an agency in this service" });
  }
  const [row] = await db
    .insert(schema.consents)
    .values({ caseId, kind: body.kind, agencyId: body.agencyId ?? null, decision: body.decision, givenBy: body.givenBy, note: body.note ?? null, recordedBy: person.id })
    .returning({ id: schema.consents.id });
  await recordAudit(db, { actor: person, role, action: "consent-recorded", caseId, detail: { consentId: row!.id, kind: body.kind, agencyId: body.agencyId ?? null, decision: body.decision } });
  return (await listConsents(db, person, caseId)).find((c) => c.id === row!.id)!;
}

export async function withdrawConsent(db: Db, person: Person, caseId: string, consentId: string, note: string | undefined): Promise<ConsentRecord> {
  const { role } = await requireCaseManager(db, person, caseId, "record consent");
  const updated = await db
    .update(schema.consents)
    .set({ withdrawnAt: new Date(), withdrawnBy: person.id, ...(note ? { note } : {}) })
    .where(and(eq(schema.consents.id, consentId), eq(schema.consents.caseId, caseId), eq(schema.consents.decision, "given"), isNull(schema.consents.withdrawnAt)))
    .returning({ id: schema.consents.id, kind: schema.consents.kind, agencyId: schema.consents.agencyId, withdrawnAt: schema.consents.withdrawnAt });
  if (updated.length === 0) throw notFound("Consent that was given and not yet withdrawn");
  await recordAudit(db, { actor: person, role, action: "consent-withdrawn", caseId, detail: { consentId, kind: updated[0]!.kind, agencyId: updated[0]!.agencyId } });
  return (await listConsents(db, person, caseId)).find((c) => c.id === consentId)!;
}
