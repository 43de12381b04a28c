/**
 * Accounts the API will no longer make, written straight into the database as earlier versions
 * left them: a young-person account on a child's team that is not the child's own (invited by
 * anyone who ran the case, before ADR 0012). They sign in with the demo password.
 */
import { randomBytes } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import { eq } from "drizzle-orm";
import { hashPassword } from "../../src/services/passwords.js";
import { demoPassword } from "./api-client.js";

/** A made-up young person on the case's team, not linked as its child. Returns the sign-in name (before @roundtable.demo). */
export async function inventedYoungPerson(db: Db, caseId: string): Promise<string> {
  const [owner] = await db.select({ serviceId: schema.cases.serviceId }).from(schema.cases).where(eq(schema.cases.id, caseId));
  const login = `made.up.${randomBytes(4).toString("hex")}`;
  const [person] = await db
    .insert(schema.people)
    .values({ serviceId: owner!.serviceId, name: "Made Up", email: `${login}@roundtable.demo`, role: "young-person", passwordHash: await hashPassword(demoPassword) })
    .returning({ id: schema.people.id });
  await db.insert(schema.caseMembers).values({ caseId, personId: person!.id, role: "young-person" });
  return login;
}
