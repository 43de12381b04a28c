/**
 * Two-step sign-in (optional, for staff and professional accounts): set up an authenticator
 * app, prove it works to switch it on, and from then on give a code after the password.
 */
import { schema, type Db } from "@roundtable/db";
import { mayUseTwoStep, type TwoStepStatus } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { forbidden, HttpError } from "../errors.js";
import type { Person } from "./sessions.js";
import { newTotpSecret, otpauthUri, verifyTotp } from "./totp.js";

async function totpOf(db: Db, personId: string) {
  const [row] = await db
    .select({ secret: schema.people.totpSecret, enabledAt: schema.people.totpEnabledAt, lastStep: schema.people.totpLastStep })
    .from(schema.people)
    .where(eq(schema.people.id, personId));
  return row ?? { secret: null, enabledAt: null, lastStep: null };
}

export async function twoStepStatus(db: Db, person: Person): Promise<TwoStepStatus> {
  const totp = await totpOf(db, person.id);
  return { available: mayUseTwoStep(person.role), enabled: totp.enabledAt !== null };
}

/** A new secret for the person's authenticator app; not in force until they confirm a code. */
export async function startTwoStepSetup(db: Db, person: Person): Promise<{ secret: string; otpauthUri: string }> {
  if (!mayUseTwoStep(person.role)) throw forbidden("Two-step sign-in is for staff and professional accounts.");
  if ((await totpOf(db, person.id)).enabledAt) throw new HttpError(409, "Two-step sign-in is already on. Turn it off first to set up a new app.");
  const secret = newTotpSecret();
  await db.update(schema.people).set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null }).where(eq(schema.people.id, person.id));
  return { secret, otpauthUri: otpauthUri(secret, person.email) };
}

const wrongCode = () => new HttpError(400, "That code is not right. Check the code in your authenticator app and try again.", { code: "Enter the 6-digit code from your authenticator app" });

export async function enableTwoStep(db: Db, person: Person, code: string, now = new Date()): Promise<void> {
  const totp = await totpOf(db, person.id);
  if (!totp.secret || totp.enabledAt) throw new HttpError(409, "Start setting up two-step sign-in first.");
  const step = verifyTotp(totp.secret, code, now, totp.lastStep);
  if (step === null) throw wrongCode();
  await db.update(schema.people).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(schema.people.id, person.id));
}

export async function disableTwoStep(db: Db, person: Person, code: string, now = new Date()): Promise<void> {
  const totp = await totpOf(db, person.id);
  if (!totp.secret || !totp.enabledAt) throw new HttpError(409, "Two-step sign-in is not on.");
  if (verifyTotp(totp.secret, code, now, totp.lastStep) === null) throw wrongCode();
  await db.update(schema.people).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(schema.people.id, person.id));
}

/**
 * At sign-in, after the password: "not-needed" when two-step sign-in is off, "ok" when the code
 * is right (and it is then used up), "missing" or "wrong" otherwise.
 */
export async function checkSignInCode(db: Db, personId: string, code: string | undefined, now = new Date()): Promise<"not-needed" | "ok" | "missing" | "wrong"> {
  const totp = await totpOf(db, personId);
  if (!totp.secret || !totp.enabledAt) return "not-needed";
  if (!code) return "missing";
  const step = verifyTotp(totp.secret, code, now, totp.lastStep);
  if (step === null) return "wrong";
  await db.update(schema.people).set({ totpLastStep: step }).where(eq(schema.people.id, personId));
  return "ok";
}
