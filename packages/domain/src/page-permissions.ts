/**
 * Who may use each page and control, one function each, read from the rules table beside it
 * (permissions.ts). The server's routes refuse by these answers and the client shows a page, a
 * menu entry or a button only when the same function says yes — so nobody is offered a screen
 * whose buttons would then be refused.
 */
import {
  accessReportRoles,
  auditReaderRoles,
  canBookMeetings,
  caseManagerRoles,
  needsSharingConsent,
  ragRatingChangerRoles,
} from "./permissions.js";
import { mayRefer, mayTriage } from "./register/referral.js";
import { isFamilyRole, type Role } from "./roles.js";

/**
 * Whose overdue actions a person chases: senior keyworkers and service leads the whole
 * service's; a keyworker those on their own caseload (the cases they are keyworker for); an ICB
 * lead those on the cases they are part of (CETR actions). Nobody else uses the overdue page.
 */
export type OverdueScope = "service" | "own-caseload" | "own-cases";

export const overdueScopes: Partial<Record<Role, OverdueScope>> = {
  "senior-keyworker": "service",
  "service-lead": "service",
  keyworker: "own-caseload",
  "icb-lead": "own-cases",
};

export function overdueScope(role: Role): OverdueScope | null {
  return overdueScopes[role] ?? null;
}

export function mayUseOverdue(role: Role): boolean {
  return overdueScope(role) !== null;
}

/**
 * The register view: every child on the service's Dynamic Support Register, with their ratings
 * and the signals that need a look. For those who hold the register (DOMAIN.md): the senior
 * keyworkers who triage and the service lead. A keyworker is not given it: their own caseload,
 * highest risk first, is their home page, and a register of the whole service would show them
 * children they do not work with.
 */
export const registerRoles: readonly Role[] = ["senior-keyworker", "service-lead"];

export function mayUseRegister(role: Role): boolean {
  return registerRoles.includes(role);
}

/** Booking a meeting (the "Book a meeting" page and buttons). */
export function mayBookMeetings(role: Role): boolean {
  return canBookMeetings(role);
}

/** Two-step sign-in is for staff and professional accounts; families sign in with a password. */
export function mayUseTwoStep(role: Role): boolean {
  return !isFamilyRole(role);
}

/** The case-level pages, given the person's role for case-level rules (effectiveCaseRole). */
export function mayManageCase(caseRole: Role | null): boolean {
  return caseRole !== null && caseManagerRoles.includes(caseRole);
}

export function mayReadAuditTrail(caseRole: Role | null): boolean {
  return caseRole !== null && auditReaderRoles.includes(caseRole);
}

export function mayReadAccessReport(caseRole: Role | null): boolean {
  return caseRole !== null && accessReportRoles.includes(caseRole);
}

/**
 * Whose phone, email and working hours the team sees, and who keeps their own up to date:
 * staff and professionals. A family's own details stay with the keyworker (need to know).
 */
export function sharesContactDetails(role: Role): boolean {
  return !isFamilyRole(role);
}

/**
 * The RAG rating is a professional's tool for deciding who needs help first; to a family or a
 * young person it reads as a label of how risky they are. So it is never sent to them (not in
 * any answer of the API), and their pages say who their keyworker is and what happens next.
 */
export function seesRiskRating(role: Role): boolean {
  return !isFamilyRole(role);
}

/**
 * Reading a child's RAG history, the reasons in the keyworker's words included: whoever sees the
 * rating and works with the child (their role for case-level rules, effectiveCaseRole); someone
 * from outside the keyworking service only while the family agrees to share with their agency.
 */
export function mayReadRagHistory(q: { caseRole: Role | null; sharingConsented: boolean }): boolean {
  if (q.caseRole === null || !seesRiskRating(q.caseRole)) return false;
  return !needsSharingConsent(q.caseRole) || q.sharingConsented;
}

/** Changing a child's RAG rating (the "Change rating" form), given their role for case-level rules. */
export function mayChangeRagRating(caseRole: Role | null): boolean {
  return caseRole !== null && ragRatingChangerRoles.includes(caseRole);
}

/**
 * Naming each agency's escalation contact (the Agencies page and its PUT): the service lead, who
 * agrees with each agency who is told when its actions are escalated.
 */
export function mayNameEscalationContacts(role: Role): boolean {
  return role === "service-lead";
}

/**
 * Choosing the service's own relationships for network maps (on the Agencies page, beside the
 * escalation contacts): the service lead, as for the service's other lists.
 */
export function mayChooseRelationshipLabels(role: Role): boolean {
  return role === "service-lead";
}

/** "Refer a child" and "My referrals": any professional or keyworking staff (mayRefer). */
export function mayUseReferPage(role: Role): boolean {
  return mayRefer(role);
}

/** "Referrals to look at", the triage queue: senior keyworkers and the service lead (mayTriage). */
export function mayUseTriageQueue(role: Role): boolean {
  return mayTriage(role);
}

/**
 * The service report (ratings over the year, caseloads, actions by agency, CETRs): the service
 * lead's, who reports to the multi-agency board. It names every child of the service with their
 * rating, so it is not for senior keyworkers, who open only the children whose team they are on.
 */
export function mayReadServiceReport(role: Role): boolean {
  return role === "service-lead";
}
