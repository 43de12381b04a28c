import { describe, expect, it } from "vitest";
import { formatUkClock, formatUkDate, formatUkDateTime, formatUkDay, ukDayKey } from "./london-dates";

describe("times on the audit trail", () => {
  it("writes a winter evening in plain words, in UK time", () => {
    expect(formatUkDateTime("2026-11-25T19:40:00Z")).toBe("Wednesday 25 November 2026, 19:40");
  });

  it("writes a summer time in British Summer Time", () => {
    expect(formatUkDateTime("2026-06-03T08:05:00Z")).toBe("Wednesday 3 June 2026, 09:05");
  });

  it("puts a late-night summer event on the UK day it happened", () => {
    // 23:30 UTC on 3 June is 00:30 on Thursday 4 June in the UK.
    expect(formatUkDay("2026-06-03T23:30:00Z")).toBe("Thursday 4 June 2026");
    expect(ukDayKey("2026-06-03T23:30:00Z")).toBe("2026-06-04");
    expect(formatUkClock("2026-06-03T23:30:00Z")).toBe("00:30");
  });

  it("writes a date on its own without the weekday", () => {
    expect(formatUkDate("2026-11-03T10:00:00Z")).toBe("3 November 2026");
  });

  it("says when a time cannot be read rather than showing nonsense", () => {
    expect(formatUkDateTime("not a date")).toBe("Time not known");
    expect(ukDayKey("not a date")).toBe("unknown");
  });
});
