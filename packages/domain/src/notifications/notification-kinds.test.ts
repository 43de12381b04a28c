import { describe, expect, it } from "vitest";
import { unreadCountText } from "./inbox.js";
import { notificationKindsFor } from "./notification-kinds.js";

describe("notification kinds", () => {
  it("offers families and other agencies only the kinds they can be sent", () => {
    // The family are told when a CETR report they may read is agreed, never of a request or a reminder.
    expect(notificationKindsFor("parent")).toEqual(["action-overdue", "minutes-agreed", "cetr-report-agreed"]);
    expect(notificationKindsFor("professional")).toEqual(["action-overdue", "action-escalated", "escalated-to-you", "minutes-agreed", "cetr-report-due", "cetr-report-agreed", "referral-decided"]);
    expect(notificationKindsFor("icb-lead")).toContain("escalated-to-you");
    expect(notificationKindsFor("icb-lead")).toContain("cetr-requested");
    expect(notificationKindsFor("keyworker")).toContain("young-person-linked");
    expect(notificationKindsFor("service-lead")).toContain("young-person-unlinked");
  });

  it("says the unread count as the header shows it", () => {
    expect(unreadCountText({ unread: 3, more: false })).toBe("3");
    expect(unreadCountText({ unread: 100, more: true })).toBe("99+");
    expect(unreadCountText({ unread: 40, more: true })).toBe("40+");
  });
});
