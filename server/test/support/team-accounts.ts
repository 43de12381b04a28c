/**
 * Accounts the API will no longer make, written straight into the database as earlier versions
 * left them: a young-person account on a child's team that is not the child's own (invited by
 * anyone who ran the case, before ADR 0012); and accounts set up as a test needs them (two-step
 * sign-in already on). They sign in with the demo password.
 */
import { randomBytes } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import { eq } from "drizzle-orm";
import type { Role } from "@roundtable/domain";
import { hashPassword } from "../../src/auth/passwords.js";
import { base32Decode, newTotpSecret } from "../../src/auth/totp.js";
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

/** A keyworker in the case's service on its team who is not the child's own keyworker. Returns the sign-in name. */
export async function keyworkerOnTeam(db: Db, caseId: string): Promise<string> {
  const [owner] = await db.select({ serviceId: schema.cases.serviceId }).from(schema.cases).where(eq(schema.cases.id, caseId));
  const login = `other.keyworker.${randomBytes(4).toString("hex")}`;
  const [person] = await db
    .insert(schema.people)
    .values({ serviceId: owner!.serviceId, name: "Other Keyworker", email: `${login}@roundtable.demo`, role: "keyworker", passwordHash: await hashPassword(demoPassword) })
    .returning({ id: schema.people.id });
  await db.insert(schema.caseMembers).values({ caseId, personId: person!.id, role: "keyworker" });
  return login;
}

/** An account with two-step sign-in already on, in the case's service; sign in needs a code from `secret`. */
export async function twoStepAccount(db: Db, caseId: string, role: Role, agencyId: string | null): Promise<{ email: string; secret: Uint8Array }> {
  const [owner] = await db.select({ serviceId: schema.cases.serviceId }).from(schema.cases).where(eq(schema.cases.id, caseId));
  const email = `two.step.${randomBytes(4).toString("hex")}@roundtable.demo`;
  const secret = newTotpSecret();
  await db.insert(schema.people).values({
    serviceId: owner!.serviceId,
    agencyId,
    name: "Two Step",
    email,
    role,
    passwordHash: await hashPassword(demoPassword),
    totpSecret: secret,
    totpEnabledAt: new Date(),
  });
  return { email, secret: base32Decode(secret) };
}

/** Someone with an account in the service but on no child's team (a CETR panel member, say). Returns their sign-in name and id. */
export async function accountOffTeam(db: Db, serviceId: string, name: string, role: Role = "professional"): Promise<{ login: string; id: string }> {
  const login = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${randomBytes(4).toString("hex")}`;
  const [person] = await db
    .insert(schema.people)
    .values({ serviceId, name, email: `${login}@roundtable.demo`, role, passwordHash: await hashPassword(demoPassword) })
    .returning({ id: schema.people.id });
  return { login, id: person!.id };
}

/**
 * A child of the service made for one test, with the team given and the family's consent to share
 * with each of those agencies: a case no demo record (meeting, CETR) has touched. Returns its id.
 */
export async function freshCase(db: Db, serviceId: string, name: string, team: readonly { personId: string; role: Role }[], sharingWith: readonly string[]): Promise<string> {
  const keyworker = team.find((m) => m.role === "keyworker");
  const [row] = await db.insert(schema.cases).values({ serviceId, name, ragRating: "red", keyworkerId: keyworker?.personId ?? null }).returning({ id: schema.cases.id });
  const caseId = row!.id;
  await db.insert(schema.caseMembers).values(team.map((m) => ({ caseId, personId: m.personId, role: m.role })));
  if (sharingWith.length && keyworker) {
    await db.insert(schema.consents).values(sharingWith.map((agencyId) => ({ caseId, kind: "share-with-agency" as const, agencyId, decision: "given" as const, givenBy: "Their parent", recordedBy: keyworker.personId })));
  }
  return caseId;
}

export interface DemoPerson {
  id: string;
  role: Role;
  agencyId: string | null;
  serviceId: string;
}

/** The demo accounts, looked up by sign-in name (before @roundtable.demo). */
export async function demoPeople(db: Db): Promise<(login: string) => DemoPerson> {
  const people = await db.select({ id: schema.people.id, email: schema.people.email, role: schema.people.role, agencyId: schema.people.agencyId, serviceId: schema.people.serviceId }).from(schema.people);
  return (login) => {
    const found = people.find((p) => p.email === `${login}@roundtable.demo`);
    if (!found) throw new Error(`No demo account ${login}`);
    return found;
  };
}
