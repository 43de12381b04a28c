/**
 * "Forgot your password?" (docs/adr/0019): a link by email, which works once, for a short time,
 * for one account. The database keeps only the SHA-256 of the link's token. Setting a new
 * password with it ends every session the account has and clears its sign-in lock; it does not
 * sign anyone in, so an account with two-step sign-in still needs its code afterwards. Asking,
 * completing and every refused link are written to the audit trail.
 */
import { createHash, randomBytes } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit-log.js";
import { HttpError } from "../errors.js";
import { hashPassword } from "../auth/passwords.js";
import { endAllSessionsOf } from "../auth/sessions.js";
import type { Email } from "../notifications/mailer.js";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const resetLinkNotValid = () => new HttpError(404, "This link to reset a password is not valid. Check you copied all of it, or ask for a new one.");
// One answer for used and expired, so the link does not say which.
export const resetLinkEnded = () =>
  new HttpError(410, "This link has already been used, or it has expired. If you still need to reset your password, ask for a new link.");

interface ResetAccount {
  id: string;
  name: string;
  email: string;
  role: typeof schema.people.$inferSelect.role;
}

async function accountWithEmail(db: Db, email: string): Promise<ResetAccount | null> {
  const [account] = await db
    .select({ id: schema.people.id, name: schema.people.name, email: schema.people.email, role: schema.people.role })
    .from(schema.people)
    .where(eq(sql`lower(${schema.people.email})`, email))
    .limit(1);
  return account ?? null;
}

/**
 * A new link for the account with this (lower-cased) email address, or null when there is no
 * such account. The token is returned only here, to be emailed; it is never stored.
 */
export async function createPasswordReset(db: Db, email: string, lifetimeSeconds: number): Promise<{ token: string; account: ResetAccount; expiresAt: Date } | null> {
  const account = await accountWithEmail(db, email);
  if (!account) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
  await db.insert(schema.passwordResets).values({ personId: account.id, tokenHash: hashToken(token), expiresAt });
  await recordAudit(db, { actor: account, role: account.role, action: "password-reset-requested" });
  return { token, account, expiresAt };
}

type LinkRow = typeof schema.passwordResets.$inferSelect;

async function linkFor(db: Db, token: string): Promise<LinkRow | null> {
  const [row] = await db.select().from(schema.passwordResets).where(eq(schema.passwordResets.tokenHash, hashToken(token))).limit(1);
  return row ?? null;
}

/** Whether a link can still be used: when it ends, or the refusal (404 unknown, 410 used or expired). */
export async function checkPasswordReset(db: Db, token: string): Promise<{ expiresAt: string }> {
  const row = await linkFor(db, token);
  if (!row) throw resetLinkNotValid();
  if (row.usedAt !== null || row.expiresAt <= new Date()) throw resetLinkEnded();
  return { expiresAt: row.expiresAt.toISOString() };
}

/**
 * Sets the account's new password with the link, once: the link is marked used in the same
 * statement that checks it, so two tabs racing cannot both use it. Every other link of the
 * account stops working too, and every session it has ends. Returns the account's email and
 * the ids of the sessions ended (to close their connections); a refusal is audited and thrown.
 */
export async function completePasswordReset(db: Db, token: string, password: string): Promise<{ email: string; endedSessions: string[] }> {
  const now = new Date();
  const passwordHash = await hashPassword(password);
  const used = await db.transaction(async (tx) => {
    const [link] = await tx
      .update(schema.passwordResets)
      .set({ usedAt: now })
      .where(and(eq(schema.passwordResets.tokenHash, hashToken(token)), isNull(schema.passwordResets.usedAt), gt(schema.passwordResets.expiresAt, now)))
      .returning({ personId: schema.passwordResets.personId });
    if (!link) return null;
    await tx.update(schema.people).set({ passwordHash, updatedAt: now }).where(eq(schema.people.id, link.personId));
    await tx
      .update(schema.passwordResets)
      .set({ usedAt: now })
      .where(and(eq(schema.passwordResets.personId, link.personId), isNull(schema.passwordResets.usedAt)));
    return link.personId;
  });
  if (used === null) {
    const row = await linkFor(db, token);
    const account = row ? await accountById(db, row.personId) : null;
    await recordAudit(db, {
      actor: account,
      role: account?.role ?? null,
      action: "password-reset-refused",
      detail: { reason: !row ? "unknown link" : row.usedAt !== null ? "already used" : "expired" },
    });
    throw row ? resetLinkEnded() : resetLinkNotValid();
  }
  const account = (await accountById(db, used))!;
  const endedSessions = await endAllSessionsOf(db, used);
  await recordAudit(db, { actor: account, role: account.role, action: "password-reset-completed", detail: { sessionsEnded: endedSessions.length } });
  return { email: account.email, endedSessions };
}

async function accountById(db: Db, personId: string): Promise<ResetAccount | null> {
  const [account] = await db
    .select({ id: schema.people.id, name: schema.people.name, email: schema.people.email, role: schema.people.role })
    .from(schema.people)
    .where(eq(schema.people.id, personId))
    .limit(1);
  return account ?? null;
}

const timeOfDay = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", timeZone: "Europe/London", timeZoneName: "short" });

/**
 * General words only: an address typed wrongly, or by someone else, sends this to a stranger.
 * No name, no child, nothing from the records; who it is from, what to do, and that it can be
 * ignored.
 */
export function passwordResetEmail(to: string, link: string, expiresAt: Date, lifetimeMinutes: number): Email {
  return {
    to,
    subject: "Reset your Roundtable password",
    text: [
      "Hello,",
      "Someone asked to reset the password for the Roundtable account with this email address. Roundtable is where a young person's family and the people who support them share the plan.",
      `To choose a new password, open this link:\n${link}`,
      `The link works once, for ${lifetimeMinutes} minutes (until ${timeOfDay.format(expiresAt)}). Do not share it: anyone with it can set your password.`,
      "If you did not ask for this, you can ignore this email. Your password stays as it is.",
      "Roundtable",
    ].join("\n\n"),
  };
}
