import { describe, expect, it } from "vitest";
import { formatCommentTime } from "./comment-time";

const now = new Date("2025-11-26T10:00:00Z");

describe("formatCommentTime", () => {
  it("says the day and month, then the time", () => {
    expect(formatCommentTime("2025-11-25T19:40:00Z", now)).toBe("25 Nov, 19:40");
  });

  it("says today for a comment written today", () => {
    expect(formatCommentTime("2025-11-26T08:05:00Z", now)).toBe("Today, 08:05");
  });

  it("gives the year when it is not this one", () => {
    expect(formatCommentTime("2024-12-31T23:59:00Z", now)).toBe("31 Dec 2024, 23:59");
  });

  it("uses UK time in summer", () => {
    expect(formatCommentTime("2025-07-01T23:30:00Z", now)).toBe("2 Jul, 00:30");
  });

  it("says when the time is not known", () => {
    expect(formatCommentTime("not a date", now)).toBe("Time not known");
  });
});
