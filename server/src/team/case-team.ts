/**
 * A case's team: adding, re-roling and removing members. Only people who run the case
 * (caseManagerRoles) may; every change is audited and announced, so open connections are
 * re-checked at once (AccessAnnouncer).
 */
import { schema, type Db } from "@roundtable/db";
import { teamRolesFor, type AddMemberBody, type Role } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/audit-log.js";
import { HttpError, notFound } from "../errors.js";
import { managedCase } from "../access/case-manager.js";
import { orRefuse } from "../access/access-answer.js";
import type { AccessChangeDeps } from "../access/access-announcer.js";
import type { Person } from "../auth/sessions.js";

const teamChanger = "change who is on the team";

export async function addMember({ db, access }: AccessChangeDeps, person: Person, caseId: string, body: AddMemberBody): Promise<void> {
  const { role: actorRole, caseRow } = orRefuse(await managedCase(db, person, caseId, teamChanger));
  const [candidate] = await db
    .select({ id: schema.people.id, name: schema.people.name, role: schema.people.role, serviceId: schema.people.serviceId })
    .from(schema.people)
    .where(eq(schema.people.id, body.personId));
  if (!candidate || candidate.serviceId !== caseRow.serviceId) throw new HttpError(400, "The request body is not valid.", { personId: "Choose someone in this service" });
  const allowed = teamRolesFor(candidate.role);
  const role = body.role ?? allowed[0];
  if (!role || !allowed.includes(role)) throw new HttpError(400, "The request body is not valid.", { role: `${candidate.name} cannot have that role on a team` });
  // The young person joins only as the child's own account, which their keyworker links (ADR 0012).
  if (role === "young-person") {
    throw new HttpError(400, "The request body is not valid.", { personId: `Only ${caseRow.name}'s own keyworker can add the young person, by inviting them: that links their own account` });
  }
  const inserted = await db.insert(schema.caseMembers).values({ caseId, personId: candidate.id, role }).onConflictDoNothing().returning({ personId: schema.caseMembers.personId });
  if (inserted.length === 0) throw new HttpError(409, `${candidate.name} is already on the team.`);
  await recordAudit(db, { actor: person, role: actorRole, action: "member-added", caseId, detail: { personId: candidate.id, name: candidate.name, role } });
  await access.caseAccessChanged(caseId);
}

export async function changeMemberRole({ db, access }: AccessChangeDeps, person: Person, caseId: string, memberId: string, role: Role): Promise<void> {
  const { role: actorRole } = orRefuse(await managedCase(db, person, caseId, teamChanger));
  const member = await memberOf(db, caseId, memberId);
  if (!teamRolesFor(member.accountRole).includes(role)) throw new HttpError(400, "The request body is not valid.", { role: `${member.name} cannot have that role on a team` });
  if (member.role === role) return;
  await db.update(schema.caseMembers).set({ role, updatedAt: new Date() }).where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, memberId)));
  await recordAudit(db, { actor: person, role: actorRole, action: "role-changed", caseId, detail: { personId: memberId, name: member.name, from: member.role, to: role } });
  await access.caseAccessChanged(caseId);
}

export async function removeMember({ db, access }: AccessChangeDeps, person: Person, caseId: string, memberId: string): Promise<void> {
  const { role: actorRole, caseRow } = orRefuse(await managedCase(db, person, caseId, teamChanger));
  const member = await memberOf(db, caseId, memberId);
  if (caseRow.keyworkerId === memberId) throw new HttpError(409, `${member.name} is this child's keyworker. Give the child another keyworker before removing them.`);
  if (caseRow.youngPersonId === memberId) throw new HttpError(409, `${member.name} is linked as this child's own account. Unlink the account before removing them.`);
  await db.delete(schema.caseMembers).where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, memberId)));
  await recordAudit(db, { actor: person, role: actorRole, action: "member-removed", caseId, detail: { personId: memberId, name: member.name, role: member.role } });
  await access.caseAccessChanged(caseId);
}

async function memberOf(db: Db, caseId: string, personId: string) {
  const [member] = await db
    .select({ name: schema.people.name, accountRole: schema.people.role, role: schema.caseMembers.role })
    .from(schema.caseMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.caseMembers.personId))
    .where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, personId)));
  if (!member) throw notFound("That team member");
  return member;
}
