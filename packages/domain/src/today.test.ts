import { describe, expect, it } from "vitest";
import { todayInEngland, ukCalendarDate, ukDayOf } from "./today.js";

describe("dates as people in England write them", () => {
  it("writes a due date with its weekday, whatever the server's own time zone", () => {
    expect(ukCalendarDate("2026-12-01")).toBe("Tue 1 Dec 2026");
    expect(ukCalendarDate("2027-03-28")).toBe("Sun 28 Mar 2027");
  });

  it("takes the day an instant falls on in England: 23:30 UTC in summer is already tomorrow", () => {
    expect(ukDayOf(new Date("2026-07-14T23:30:00Z"))).toBe("Wed 15 Jul 2026");
    expect(ukDayOf(new Date("2026-12-14T23:30:00Z"))).toBe("Mon 14 Dec 2026");
    expect(todayInEngland(new Date("2026-07-14T23:30:00Z"))).toBe("2026-07-15");
  });
});
