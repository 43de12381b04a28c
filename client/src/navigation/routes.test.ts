import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "./routes";

describe("meeting addresses", () => {
  it("finds the booking form before a meeting's own page", () => {
    expect(matchRoute("/meetings/new")).toEqual({ name: "new-meeting" });
    expect(matchRoute("/meetings/8d1f0c1e-2f4b-4b8e-9a55-0c6b3f1e2d3a")).toEqual({
      name: "meeting",
      meetingId: "8d1f0c1e-2f4b-4b8e-9a55-0c6b3f1e2d3a",
    });
  });

  it("round-trips a meeting's path", () => {
    const path = paths.meeting("a b");
    expect(matchRoute(path)).toEqual({ name: "meeting", meetingId: "a b" });
  });

  it("carries the case the booking starts from", () => {
    expect(paths.newMeeting("case-1")).toBe("/meetings/new?caseId=case-1");
    expect(paths.newMeeting()).toBe("/meetings/new");
    expect(paths.newMeeting("case-1", "cetr-1")).toBe("/meetings/new?caseId=case-1&cetrId=cetr-1");
  });
});

describe("the agencies page's address", () => {
  it("is /agencies", () => {
    expect(matchRoute("/agencies")).toEqual({ name: "agencies" });
    expect(paths.agencies()).toBe("/agencies");
  });
});

describe("the CETR actions dashboard's address", () => {
  it("is /reports/service for the service report", () => {
    expect(matchRoute("/reports/service")).toEqual({ name: "service-report" });
    expect(matchRoute(paths.serviceReport())).toEqual({ name: "service-report" });
    expect(matchRoute("/reports")).toEqual({ name: "not-found" });
  });

  it("is /cetr-actions, with its filters after a ?", () => {
    expect(matchRoute("/cetr-actions")).toEqual({ name: "cetr-actions" });
    expect(paths.cetrActions()).toBe("/cetr-actions");
    expect(paths.cetrActions("group=owner")).toBe("/cetr-actions?group=owner");
  });
});

describe("the referral pages' addresses", () => {
  it("round-trips each page's path, the form and the referrer's own list before anything else", () => {
    expect(matchRoute(paths.refer())).toEqual({ name: "refer" });
    expect(matchRoute(paths.referrals())).toEqual({ name: "referrals" });
    expect(matchRoute(paths.myReferrals())).toEqual({ name: "my-referrals" });
    expect(paths.myReferrals()).toBe("/referrals/mine");
    expect(matchRoute("/referrals/other")).toEqual({ name: "not-found" });
  });
});

describe("the overdue view's address", () => {
  it("is found with or without its filters", () => {
    expect(matchRoute("/overdue")).toEqual({ name: "overdue" });
    expect(matchRoute("/overdue/")).toEqual({ name: "overdue" });
  });

  it("carries its filters as a query string", () => {
    expect(paths.overdue()).toBe("/overdue");
    expect(paths.overdue("")).toBe("/overdue");
    expect(paths.overdue("case=abc")).toBe("/overdue?case=abc");
  });
});

describe("the register's address", () => {
  it("is found, and carries its filters, order and page as a query string", () => {
    expect(matchRoute("/register")).toEqual({ name: "register" });
    expect(matchRoute("/register/extra")).toEqual({ name: "not-found" });
    expect(paths.register()).toBe("/register");
    expect(paths.register("rating=red&sort=keyworker")).toBe("/register?rating=red&sort=keyworker");
  });
});

describe("a case's records and permissions pages", () => {
  const caseId = "8d1f0c1e-2f4b-4b8e-9a55-0c6b3f1e2d3a";

  it("round-trips each page's path", () => {
    expect(matchRoute(paths.caseTeam(caseId))).toEqual({ name: "case-team", caseId });
    expect(matchRoute(paths.caseConsent(caseId))).toEqual({ name: "case-consent", caseId });
    expect(matchRoute(paths.caseAudit(caseId))).toEqual({ name: "case-audit", caseId });
    expect(matchRoute(paths.caseAccessReport(caseId))).toEqual({ name: "case-access-report", caseId });
  });

  it("does not find pages that do not exist", () => {
    expect(matchRoute(`/cases/${caseId}/constructor`)).toEqual({ name: "not-found" });
    expect(matchRoute(`/documents/${caseId}/team`)).toEqual({ name: "not-found" });
  });
});

describe("the notifications pages' addresses", () => {
  it("round-trips the communication needs pages, one's own and a family member's", () => {
    expect(matchRoute(paths.communicationNeeds())).toEqual({ name: "communication-needs" });
    const caseId = "6f2b1c1e-0000-4000-8000-000000000001";
    const personId = "6f2b1c1e-0000-4000-8000-000000000002";
    expect(matchRoute(paths.memberCommunicationNeeds(caseId, personId))).toEqual({ name: "member-communication-needs", caseId, personId });
    expect(matchRoute(`/cases/${caseId}/communication-needs`)).toEqual({ name: "not-found" });
  });

  it("round-trips the inbox and the email choices", () => {
    expect(matchRoute(paths.notifications())).toEqual({ name: "notifications" });
    expect(matchRoute(paths.emailChoices())).toEqual({ name: "email-choices" });
    expect(matchRoute("/notifications/extra")).toEqual({ name: "not-found" });
  });
});

describe("password reset addresses", () => {
  it("finds the request page and a link's page, and round-trips the link", () => {
    expect(matchRoute(paths.passwordReset())).toEqual({ name: "password-reset" });
    expect(matchRoute(paths.passwordResetLink("abc_DEF-123"))).toEqual({ name: "password-reset-link", token: "abc_DEF-123" });
  });

  it("says on the sign-in page that the password was changed", () => {
    expect(paths.signIn(undefined, "password-changed")).toBe("/signin?reason=password-changed");
  });
});

describe("the account pages' addresses", () => {
  it("finds your contact details", () => {
    expect(matchRoute(paths.contactDetails())).toEqual({ name: "contact-details" });
    expect(matchRoute("/account/two-step")).toEqual({ name: "two-step" });
  });

  it("finds your account, the page that leads to each of them", () => {
    expect(matchRoute(paths.account())).toEqual({ name: "account" });
    expect(matchRoute("/account/")).toEqual({ name: "account" });
  });
});
