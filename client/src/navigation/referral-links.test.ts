import { isFamilyRole, roles } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { referralLinks } from "./work-links";
import { paths } from "./routes";

describe("the header's referral link", () => {
  it("takes those who triage to the queue", () => {
    for (const role of ["senior-keyworker", "service-lead"] as const) expect(referralLinks(role)).toEqual([{ href: paths.referrals(), label: "Referrals to look at", testId: "referrals-link" }]);
  });

  it("takes other professionals and keyworkers to their own referrals", () => {
    for (const role of ["keyworker", "professional", "icb-lead"] as const) expect(referralLinks(role).map((l) => [l.href, l.label])).toEqual([[paths.myReferrals(), "My referrals"]]);
  });

  it("offers families and administrators none", () => {
    for (const role of roles.filter(isFamilyRole)) expect(referralLinks(role)).toEqual([]);
    expect(referralLinks("admin")).toEqual([]);
  });
});
