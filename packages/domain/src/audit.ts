/**
 * The audit trail's vocabulary: what someone did to a child's records. Every open, editing
 * session, export, print, invitation, change of role and consent decision is one event.
 */
import { z } from "zod";
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
  "rag-rating-changed",
  "cetr-requested",
  "cetr-arranged",
  "cetr-panel-changed",
  "cetr-panel-invited",
  "cetr-panel-invitation-withdrawn",
  "cetr-panel-joined",
  "cetr-held",
  "cetr-agreed",
  "cetr-withdrawn",
  "referral-accepted",
  "referral-declined",
  "allocation-changed",
  "password-reset-requested",
  "password-reset-completed",
  "password-reset-refused",
  "relationship-label-added",
  "relationship-label-renamed",
  "relationship-label-moved",
  "relationship-label-removed",
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
  "rag-rating-changed": "Changed the RAG rating",
  "cetr-requested": "Requested a CETR",
  "cetr-arranged": "Arranged a CETR",
  "cetr-panel-changed": "Gave someone a place on a CETR panel",
  "cetr-panel-invited": "Invited someone to a place on a CETR panel",
  "cetr-panel-invitation-withdrawn": "Withdrew an invitation to a place on a CETR panel",
  "cetr-panel-joined": "Took up a place on a CETR panel",
  "cetr-held": "Marked a CETR as held",
  "cetr-agreed": "Agreed a CETR report",
  "cetr-withdrawn": "Withdrew a CETR",
  "referral-accepted": "Accepted a referral onto the register",
  "referral-declined": "Did not accept a referral",
  "allocation-changed": "Changed the keyworker or cover",
  "password-reset-requested": "Asked for a link to reset their password",
  "password-reset-completed": "Reset their password",
  "password-reset-refused": "Tried a password reset link that did not work",
  "relationship-label-added": "Added a relationship offered on network maps",
  "relationship-label-renamed": "Renamed a relationship offered on network maps",
  "relationship-label-moved": "Moved a relationship offered on network maps",
  "relationship-label-removed": "Removed a relationship offered on network maps",
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
  /**
   * How many times it happened: repeated opens of one record by one person on one day (UK time)
   * are one line, with the time of the latest as `at` and of the first as `firstAt`. 1 otherwise.
   */
  count: number;
  firstAt: string;
}

/** The events collapsed into one line with a count when repeated (same person, record and day). */
export const repeatedAuditActions: readonly AuditAction[] = ["opened"];

const isoDay = z.iso.date("Use a date like 2026-12-31");

/**
 * A page of a trail or an access report, and what it can be narrowed to. Dates are whole days in
 * UK time, both ends included; `before` is the id of the last line already shown.
 */
export const auditQuerySchema = z
  .object({
    personId: z.uuid("Choose someone from the list").optional(),
    documentId: z.uuid("Choose a record from the list").optional(),
    action: z.enum(auditActions, "Choose what happened from the list").optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    before: z.coerce.number().int().positive("before must be an event number").optional(),
    /** With `before`: the first page's first line, so later pages read the trail as it was then. */
    asOf: z.coerce.number().int().positive("asOf must be an event number").optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(500, "limit can be at most 500").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end date must be the same as or after the start date" });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditFilter = Omit<AuditQuery, "before" | "asOf" | "limit">;

/** The people and records that appear on a case's trail: what its filters offer. */
export interface AuditFilterChoices {
  people: { id: string; name: string }[];
  records: { id: string; title: string }[];
}

/** One line of a family's access report: who looked at which record, when, in which role. */
export interface AccessReportEntry {
  at: string;
  person: { name: string; role: Role | null; agency: string | null };
  action: AuditAction;
  record: string;
  /** As on the trail: repeated opens of one record by one person on one day are one entry. */
  count: number;
  firstAt: string;
  /** For "show older": entries before this one. */
  id: number;
}
