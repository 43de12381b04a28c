import { describe, expect, it } from "vitest";
import { formatMeetingTime, formatNextMeeting } from "./format-meeting";

describe("formatNextMeeting", () => {
  it("writes a winter meeting in UK time", () => {
    expect(formatMeetingTime("2025-12-02T10:00:00Z")).toBe("Tue 2 Dec 2025, 10:00");
  });

  it("writes a summer meeting in British Summer Time", () => {
    expect(formatMeetingTime("2025-06-03T08:05:00Z")).toBe("Tue 3 Jun 2025, 09:05");
  });

  it("says when no meeting is booked", () => {
    expect(formatNextMeeting(null)).toBe("None booked");
  });
});
