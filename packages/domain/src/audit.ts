/**
 * The audit trail's vocabulary: what someone did to a child's records. Every open, editing
 * session, export, print, invitation, change of role and consent decision is one event.
 */
import type { Role } from "./roles.js";

export const auditActions = [
  "opened",
  "edited",
  "exported",
  "printed",
  "invited",
  "invitation-withdrawn",
  "joined",
  "member-added",
  "role-changed",
  "member-removed",
  "consent-recorded",
  "consent-withdrawn",
  "young-person-linked",
  "young-person-unlinked",
  "password-reset-requested",
  "password-reset-completed",
  "password-reset-refused",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  opened: "Opened",
  edited: "Edited",
  exported: "Downloaded",
  printed: "Printed",
  invited: "Invited someone",
  "invitation-withdrawn": "Withdrew an invitation",
  joined: "Joined the team",
  "member-added": "Added someone to the team",
  "role-changed": "Changed someone's role",
  "member-removed": "Removed someone from the team",
  "consent-recorded": "Recorded consent",
  "consent-withdrawn": "Recorded that consent was withdrawn",
  "young-person-linked": "Linked the young person's own account",
  "young-person-unlinked": "Unlinked the young person's own account",
  "password-reset-requested": "Asked for a link to reset their password",
  "password-reset-completed": "Reset their password",
  "password-reset-refused": "Tried a password reset link that did not work",
};

/** The events that count as looking at a record, for the family's access report. */
export const recordLookActions: readonly AuditAction[] = ["opened", "edited", "exported", "printed"];

export interface AuditEvent {
  id: number;
  at: string;
  person: { id: string; name: string; role: Role | null } | null;
  action: AuditAction;
  caseId: string | null;
  document: { id: string; title: string } | null;
  meetingId: string | null;
  detail: Record<string, unknown> | null;
}

/** One line of a family's access report: who looked at which record, when, in which role. */
export interface AccessReportEntry {
  at: string;
  person: { name: string; role: Role | null; agency: string | null };
  action: AuditAction;
  record: string;
}
