/**
 * Each person's email choices, per kind of notification: straight away, in the daily email, or
 * none. No row is the default (straight away: what Roundtable always did). Only the person
 * themselves reads or changes theirs — the routes pass the signed-in person's own id.
 */
import { schema, type Db } from "@roundtable/db";
import {
  defaultEmailChoice,
  defaultEmailPreferences,
  isNotificationKind,
  notificationKinds,
  type EmailChoice,
  type EmailPreferences,
  type EmailPreferencesBody,
  type NotificationKind,
} from "@roundtable/domain";
import { and, eq, inArray, sql } from "drizzle-orm";

export async function emailPreferencesOf(db: Db, personId: string): Promise<EmailPreferences> {
  const rows = await db.select().from(schema.emailPreferences).where(eq(schema.emailPreferences.personId, personId));
  const preferences = defaultEmailPreferences();
  for (const row of rows) if (isNotificationKind(row.kind)) preferences[row.kind] = row.choice;
  return preferences;
}

/** Save the kinds the body names (the others keep their choice); answer with all of them. */
export async function saveEmailPreferences(db: Db, personId: string, body: EmailPreferencesBody): Promise<EmailPreferences> {
  const chosen = notificationKinds.flatMap((kind) => {
    const choice = body[kind];
    return choice ? [{ personId, kind, choice }] : [];
  });
  if (chosen.length > 0) {
    await db
      .insert(schema.emailPreferences)
      .values(chosen)
      .onConflictDoUpdate({
        target: [schema.emailPreferences.personId, schema.emailPreferences.kind],
        set: { choice: sql`excluded.choice`, updatedAt: new Date() },
        // Saving the same choice again changes nothing: the daily email gathers what came since
        // the choice was made, so moving that moment would drop notifications still waiting.
        setWhere: sql`${schema.emailPreferences.choice} is distinct from excluded.choice`,
      });
  }
  return emailPreferencesOf(db, personId);
}

/** How each of these people wants to hear of this kind by email (a kind nobody can choose for: straight away). */
export async function emailChoicesFor(db: Db, personIds: readonly string[], kind: string): Promise<Map<string, EmailChoice>> {
  const choices = new Map<string, EmailChoice>(personIds.map((id) => [id, defaultEmailChoice]));
  if (personIds.length === 0 || !isNotificationKind(kind)) return choices;
  const rows = await db
    .select({ personId: schema.emailPreferences.personId, choice: schema.emailPreferences.choice })
    .from(schema.emailPreferences)
    .where(and(inArray(schema.emailPreferences.personId, [...personIds]), eq(schema.emailPreferences.kind, kind as NotificationKind)));
  for (const row of rows) choices.set(row.personId, row.choice);
  return choices;
}
