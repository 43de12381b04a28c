import { roles } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { notForYouReason, whoToAsk } from "./page-words";

describe("what a page that is not for the reader says", () => {
  it("never tells a keyworker to ask the keyworker", () => {
    expect(whoToAsk("keyworker")).not.toMatch(/the keyworker/);
    expect(whoToAsk("keyworker")).toMatch(/senior keyworker or the service lead/);
  });

  it("sends the family to their own keyworker, and professionals to the child's", () => {
    expect(whoToAsk("parent")).toMatch(/ask your keyworker/);
    expect(whoToAsk("young-person")).toMatch(/ask your keyworker/);
    expect(whoToAsk("professional")).toMatch(/ask the child's keyworker/);
  });

  it("speaks to the family as family on the overdue page and the booking page", () => {
    expect(notForYouReason("overdue", "parent")).toMatch(/What you have agreed to do/);
    expect(notForYouReason("overdue", "professional")).toMatch(/Your own actions/);
    expect(notForYouReason("book-meeting", "young-person")).toMatch(/tell your keyworker/);
    expect(notForYouReason("book-meeting", "professional")).toMatch(/ask the child's keyworker/);
  });

  it("sends a keyworker who opens the register to their own caseload, and never tells the family of a register", () => {
    expect(notForYouReason("register", "keyworker")).toMatch(/on your home page/);
    expect(notForYouReason("register", "parent")).not.toMatch(/register|rating/i);
  });

  it("has something to say on every gated page to every reader", () => {
    for (const role of roles) {
      for (const page of ["overdue", "cetr-actions", "register", "book-meeting", "two-step", "audit-trail", "access-report", "contact-details", "agencies", "refer", "referrals", "service-report"] as const) {
        expect(notForYouReason(page, role).length).toBeGreaterThan(20);
      }
    }
  });
});
