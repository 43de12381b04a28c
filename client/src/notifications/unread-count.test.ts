import { describe, expect, it } from "vitest";
import { countAnnouncement, notificationsLinkLabel, notificationsChanged, onNotificationsChanged } from "./unread-count";

describe("the header's unread count", () => {
  it("names the link with the count, capped at 99+", () => {
    expect(notificationsLinkLabel(null)).toBe("Notifications");
    expect(notificationsLinkLabel({ unread: 0, more: false })).toBe("Notifications");
    expect(notificationsLinkLabel({ unread: 3, more: false })).toBe("Notifications, 3 unread");
    expect(notificationsLinkLabel({ unread: 100, more: true })).toBe("Notifications, 99+ unread");
    expect(notificationsLinkLabel({ unread: 40, more: true })).toBe("Notifications, 40+ unread");
  });

  it("announces a change once, and not the first count of the page", () => {
    expect(countAnnouncement(null, { unread: 3, more: false })).toBeNull();
    expect(countAnnouncement({ unread: 3, more: false }, { unread: 3, more: false })).toBeNull();
    expect(countAnnouncement({ unread: 3, more: false }, { unread: 4, more: false })).toBe("4 unread notifications");
    expect(countAnnouncement({ unread: 0, more: false }, { unread: 1, more: false })).toBe("1 unread notification");
    expect(countAnnouncement({ unread: 2, more: false }, { unread: 0, more: false })).toBe("No unread notifications");
    expect(countAnnouncement({ unread: 120, more: true }, { unread: 130, more: true })).toBeNull(); // still "99+"
  });

  it("tells every listener that notifications changed until it stops listening", () => {
    let heard = 0;
    const stop = onNotificationsChanged(() => heard++);
    notificationsChanged();
    stop();
    notificationsChanged();
    expect(heard).toBe(1);
  });
});
