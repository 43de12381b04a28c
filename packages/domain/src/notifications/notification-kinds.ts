/**
 * What Roundtable tells people about, and how each person wants to hear of it by email. In-app
 * notifications always happen; the email choice is per kind: at once, in the daily digest, or
 * not at all. Without a choice, a kind is emailed at once (as it always was).
 */
import { z } from "zod";
import { mayRefer } from "../register/referral.js";
import type { Role } from "../roles.js";

/** Every kind of notification the server sends (the `kind` of a stored notification). */
export const notificationKinds = ["action-overdue", "minutes-agreed", "young-person-linked", "young-person-unlinked", "referral-decided"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const emailChoices = ["immediately", "daily-digest", "none"] as const;
export type EmailChoice = (typeof emailChoices)[number];

/** Today's behaviour, for anyone who has not chosen. */
export const defaultEmailChoice: EmailChoice = "immediately";

/** What each kind is, in the words of the settings page ("Email me when …"). */
export const notificationKindLabels: Record<NotificationKind, string> = {
  "action-overdue": "an action you own becomes overdue",
  "minutes-agreed": "the minutes of a meeting you were invited to are agreed",
  "young-person-linked": "a young person's own account is linked to their case",
  "young-person-unlinked": "a young person's own account is unlinked from their case",
  "referral-decided": "a referral you made to the register has been looked at",
};

export const emailChoiceLabels: Record<EmailChoice, string> = {
  immediately: "Straight away",
  "daily-digest": "In the daily email",
  none: "No email",
};

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (notificationKinds as readonly string[]).includes(kind);
}

/**
 * The kinds someone in this role can be sent, for the settings page to offer: a young person's
 * own account being linked or unlinked is told to the service's leads and the child's keyworker
 * (server/src/team/young-person-link.ts), never to families or other agencies; the outcome of a
 * referral to whoever may refer.
 */
export function notificationKindsFor(role: Role): NotificationKind[] {
  const toldOfLinks = role === "keyworker" || role === "senior-keyworker" || role === "service-lead";
  return notificationKinds.filter((kind) => {
    if (kind === "young-person-linked" || kind === "young-person-unlinked") return toldOfLinks;
    if (kind === "referral-decided") return mayRefer(role);
    return true;
  });
}

/** One person's email choices, every kind present. */
export type EmailPreferences = Record<NotificationKind, EmailChoice>;

export function defaultEmailPreferences(): EmailPreferences {
  return Object.fromEntries(notificationKinds.map((k) => [k, defaultEmailChoice])) as EmailPreferences;
}

const emailChoiceSchema = z.enum(emailChoices, { message: `Choose one of: ${emailChoices.join(", ")}` });

/** PUT /api/notifications/email-preferences: some or all kinds, each with a choice; nothing else. */
export const emailPreferencesBodySchema = z
  .object(Object.fromEntries(notificationKinds.map((k) => [k, emailChoiceSchema.optional()])) as Record<NotificationKind, z.ZodOptional<typeof emailChoiceSchema>>)
  .strict();
export type EmailPreferencesBody = z.infer<typeof emailPreferencesBodySchema>;
