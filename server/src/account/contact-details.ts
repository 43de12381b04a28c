/**
 * A person's own contact details for the team (phone and working hours; email is their sign-in):
 * read and changed only by themselves, and only where the team is shown them (sharesContactDetails).
 */
import { schema, type Db } from "@roundtable/db";
import { sharesContactDetails, type ContactDetailsBody, type TeamContact } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { forbiddenRefusal, granted, orRefuse, type AccessAnswer } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";

function contactDetailsAccess(person: Person): AccessAnswer<object> {
  return sharesContactDetails(person.role) ? granted({}) : forbiddenRefusal("Your keyworker keeps your contact details: tell them if they change.");
}

export async function ownContactDetails(db: Db, person: Person): Promise<TeamContact> {
  orRefuse(contactDetailsAccess(person));
  const [row] = await db
    .select({ email: schema.people.email, phone: schema.people.phone, workingHours: schema.people.workingHours })
    .from(schema.people)
    .where(eq(schema.people.id, person.id));
  return row!;
}

export async function changeOwnContactDetails(db: Db, person: Person, body: ContactDetailsBody): Promise<TeamContact> {
  orRefuse(contactDetailsAccess(person));
  await db
    .update(schema.people)
    .set({ phone: body.phone || null, workingHours: body.workingHours || null, updatedAt: new Date() })
    .where(eq(schema.people.id, person.id));
  return ownContactDetails(db, person);
}
