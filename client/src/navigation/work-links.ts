/**
 * The header's link to the referral pages, by who is signed in (page-permissions.ts): those who
 * triage get the queue (which links to "Refer a child" and their own referrals); anyone else who
 * may refer gets "My referrals" (which starts with "Refer a child"). Families and administrators
 * get none. One link each, so the header stays one line on a laptop.
 */
import { mayUseReferPage, mayUseTriageQueue, type Role } from "@roundtable/domain";
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
