/**
 * What Roundtable tells people about, and how each person wants to hear of it by email. In-app
 * notifications always happen; the email choice is per kind: at once, in the daily digest, or
 * not at all. Without a choice, a kind is emailed at once (as it always was).
 */
import { z } from "zod";
import { mayRefer } from "../register/referral.js";
import { isFamilyRole, type Role } from "../roles.js";

/** Every kind of notification the server sends (the `kind` of a stored notification). */
export const notificationKinds = [
  "action-overdue",
  "action-escalated",
  "escalated-to-you",
  "minutes-agreed",
  "young-person-linked",
  "young-person-unlinked",
  "cetr-requested",
  "cetr-report-due",
  "cetr-report-agreed",
  "referral-decided",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const emailChoices = ["immediately", "daily-digest", "none"] as const;
export type EmailChoice = (typeof emailChoices)[number];

/** Today's behaviour, for anyone who has not chosen. */
export const defaultEmailChoice: EmailChoice = "immediately";

/** What each kind is, in the words of the settings page ("Email me when …"). */
export const notificationKindLabels: Record<NotificationKind, string> = {
  "action-overdue": "an action you own becomes overdue",
  "action-escalated": "an action you own is escalated because it is overdue",
  "escalated-to-you": "an overdue action is escalated to you (as your agency's escalation contact, or as someone's second level)",
  "minutes-agreed": "the minutes of a meeting you were invited to are agreed",
  "young-person-linked": "a young person's own account is linked to their case",
  "young-person-unlinked": "a young person's own account is unlinked from their case",
  "cetr-requested": "a CETR is requested for a child you oversee",
  "cetr-report-due": "a CETR report you chair is due to be agreed soon",
  "cetr-report-agreed": "a CETR report you can read is agreed",
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
 * (server/src/team/young-person-link.ts), never to families or other agencies; escalations go
 * between services, never to families (seesEscalations); the outcome of a referral to whoever
 * may refer.
 */
export function notificationKindsFor(role: Role): NotificationKind[] {
  const toldOfLinks = role === "keyworker" || role === "senior-keyworker" || role === "service-lead";
  const toldOfEscalations = !isFamilyRole(role);
  return notificationKinds.filter((kind) => {
    if (kind === "young-person-linked" || kind === "young-person-unlinked") return toldOfLinks;
    if (kind === "action-escalated" || kind === "escalated-to-you") return toldOfEscalations;
    // Requests go to ICB leads; the report's reminder to whoever chairs (never the family).
    if (kind === "cetr-requested") return role === "icb-lead";
    if (kind === "cetr-report-due") return !isFamilyRole(role);
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
