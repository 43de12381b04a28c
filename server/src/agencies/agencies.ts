/**
 * The service's agencies and who each names as its escalation contact: the person told when an
 * action owned by someone in that agency is escalated (server/src/actions/escalations.ts). Only
 * the service lead reads or changes them (mayNameEscalationContacts).
 */
import { schema, type Db } from "@roundtable/db";
import { mayNameEscalationContacts, type AgencyWithContact, type EscalationContactBody } from "@roundtable/domain";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";
import { forbidden, HttpError, notFound } from "../errors.js";

function mustNameContacts(person: Person): void {
  if (!mayNameEscalationContacts(person.role)) throw forbidden("Only the service lead names each agency's escalation contact.");
}

export async function listAgencies(db: Db, person: Person): Promise<AgencyWithContact[]> {
  mustNameContacts(person);
  const [agencies, people] = await Promise.all([
    db
      .select({ id: schema.agencies.id, name: schema.agencies.name, kind: schema.agencies.kind, contactId: schema.agencies.escalationContactId })
      .from(schema.agencies)
      .where(eq(schema.agencies.serviceId, person.serviceId))
      .orderBy(asc(schema.agencies.name)),
    db
      .select({ id: schema.people.id, name: schema.people.name, jobTitle: schema.people.jobTitle, agencyId: schema.people.agencyId })
      .from(schema.people)
      .where(and(eq(schema.people.serviceId, person.serviceId), isNotNull(schema.people.agencyId)))
      .orderBy(asc(schema.people.name)),
  ]);
  return agencies.map((a) => {
    const staff = people.filter((p) => p.agencyId === a.id).map(({ id, name, jobTitle }) => ({ id, name, jobTitle }));
    return { id: a.id, name: a.name, kind: a.kind, escalationContact: staff.find((p) => p.id === a.contactId) ?? null, people: staff };
  });
}

export async function setEscalationContact(db: Db, person: Person, agencyId: string, body: EscalationContactBody): Promise<AgencyWithContact> {
  mustNameContacts(person);
  const [agency] = await db
    .select({ id: schema.agencies.id, name: schema.agencies.name })
    .from(schema.agencies)
    .where(and(eq(schema.agencies.id, agencyId), eq(schema.agencies.serviceId, person.serviceId)));
  if (!agency) throw notFound("That agency");
  if (body.personId !== null) {
    const [named] = await db
      .select({ id: schema.people.id })
      .from(schema.people)
      .where(and(eq(schema.people.id, body.personId), eq(schema.people.agencyId, agency.id), eq(schema.people.serviceId, person.serviceId)));
    if (!named) throw new HttpError(400, "The request body is not valid.", { personId: `Choose someone who works for ${agency.name}` });
  }
  await db.update(schema.agencies).set({ escalationContactId: body.personId, updatedAt: new Date() }).where(eq(schema.agencies.id, agency.id));
  const agencies = await listAgencies(db, person);
  return agencies.find((a) => a.id === agency.id)!;
}
