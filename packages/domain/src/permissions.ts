/**
 * The one table of document access rules. The server's checks, the client's menus and the
 * tests all read it. A row answers: a person with this role on the case, opening a document of
 * this visibility, may do what?
 */
import type { AccessLevel, Visibility } from "./documents.js";
import { isFamilyRole, type Role } from "./roles.js";

export const documentAccessRules: Record<Role, Record<Visibility, AccessLevel>> = {
  keyworker: { family: "edit", professionals: "edit", "young-person": "edit" },
  "senior-keyworker": { family: "edit", professionals: "edit", "young-person": "none" },
  "service-lead": { family: "read", professionals: "read", "young-person": "none" },
  admin: { family: "none", professionals: "none", "young-person": "none" },
  professional: { family: "edit", professionals: "edit", "young-person": "none" },
  "icb-lead": { family: "read", professionals: "read", "young-person": "none" },
  parent: { family: "edit", professionals: "none", "young-person": "none" },
  "young-person": { family: "edit", professionals: "none", "young-person": "edit" },
};

export interface DocumentAccessQuestion {
  /** The person's role on this case, or null when they are not on its team. */
  caseRole: Role | null;
  /** The person's account role (a service lead sees the whole service without a team role). */
  accountRole: Role;
  visibility: Visibility;
  /** For young-person documents: is this person the young person's own keyworker? */
  isOwnKeyworker: boolean;
}

export function documentAccess(q: DocumentAccessQuestion): AccessLevel {
  const role = q.caseRole ?? (q.accountRole === "service-lead" ? "service-lead" : null);
  if (role === null) return "none";
  if (q.visibility === "young-person" && role === "keyworker" && !q.isOwnKeyworker) return "none";
  return documentAccessRules[role][q.visibility];
}

/** Keyworkers, senior keyworkers, service leads and ICB leads book meetings. */
export const meetingOrganiserRoles: readonly Role[] = ["keyworker", "senior-keyworker", "service-lead", "icb-lead"];

export function canBookMeetings(role: Role): boolean {
  return meetingOrganiserRoles.includes(role);
}

export interface MeetingAccessQuestion {
  accountRole: Role;
  visibility: "family" | "professionals";
  isChair: boolean;
  isInvitee: boolean;
  /** The person's roles on the teams of the cases the meeting covers. */
  caseRoles: readonly Role[];
  /** Service leads see every meeting in their service. */
  sameService: boolean;
  /** Once minutes are agreed they are the record: nobody edits them any more. */
  minutesAgreed?: boolean;
}

/**
 * Who may open a meeting and its minutes, and what they may do. Professionals meetings (and
 * tracker meetings, which are always professionals-only) are never shown to family accounts.
 * The chair and professional invitees write the minutes; family invitees comment; the case
 * team and the service lead read.
 */
export function meetingAccess(q: MeetingAccessQuestion): AccessLevel {
  const access = meetingAccessBeforeAgreement(q);
  return q.minutesAgreed && access === "edit" ? "comment" : access;
}

function meetingAccessBeforeAgreement(q: MeetingAccessQuestion): AccessLevel {
  if (!q.sameService) return "none";
  const family = isFamilyRole(q.accountRole);
  if (q.visibility === "professionals" && family) return "none";
  if (q.isChair) return "edit";
  if (q.isInvitee) return family ? "comment" : "edit";
  if (q.caseRoles.some((r) => r === "keyworker" || r === "senior-keyworker")) return "edit";
  if (q.caseRoles.length > 0) return "read";
  if (q.accountRole === "service-lead") return "read";
  return "none";
}
