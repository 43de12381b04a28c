/**
 * The header's links to the pages people work from (workLinks, below). The referral pages, by who is signed in (page-permissions.ts): those who
 * triage get the queue (which links to "Refer a child" and their own referrals); anyone else who
 * may refer gets "My referrals" (which starts with "Refer a child"). Families and administrators
 * get none. One link each, so the header stays one line on a laptop.
 */
import { mayNameEscalationContacts, mayReadServiceReport, mayUseCetrActions, mayUseReferPage, mayUseRegister, mayUseTriageQueue, type Role } from "@roundtable/domain";
import { paths } from "./routes";

export interface MenuLink {
  href: string;
  label: string;
  testId: string;
}

export function referralLinks(role: Role): MenuLink[] {
  if (mayUseTriageQueue(role)) return [{ href: paths.referrals(), label: "Referrals to look at", testId: "referrals-link" }];
  if (mayUseReferPage(role)) return [{ href: paths.myReferrals(), label: "My referrals", testId: "my-referrals-link" }];
  return [];
}

/**
 * The header's links to the pages each role works from, in the header's order: the referral page,
 * the register, CETR actions, the agencies and the service report (each as page-permissions.ts
 * says). "Report", not "Service report": the service lead's header then still fits one line at
 * desktop widths.
 */
export function workLinks(role: Role): MenuLink[] {
  return [
    ...referralLinks(role),
    ...(mayUseRegister(role) ? [{ href: paths.register(), label: "Register", testId: "register-link" }] : []),
    ...(mayUseCetrActions(role) ? [{ href: paths.cetrActions(), label: "CETR actions", testId: "cetr-actions-link" }] : []),
    ...(mayNameEscalationContacts(role) ? [{ href: paths.agencies(), label: "Agencies", testId: "agencies-link" }] : []),
    ...(mayReadServiceReport(role) ? [{ href: paths.serviceReport(), label: "Report", testId: "service-report-link" }] : []),
  ];
}
