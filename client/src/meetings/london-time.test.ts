import { describe, expect, it } from "vitest";
import { formatMeetingTime } from "../cases/format-meeting";
import { londonTimeToIso } from "./london-time";

describe("londonTimeToIso", () => {
  it("reads a winter time as UK time (the same as UTC)", () => {
    expect(londonTimeToIso("2026-12-03", "10:00")).toBe("2026-12-03T10:00:00.000Z");
  });

  it("reads a summer time as British Summer Time", () => {
    expect(londonTimeToIso("2026-06-03", "10:00")).toBe("2026-06-03T09:00:00.000Z");
  });

  it("gets the mornings either side of the clocks changing right", () => {
    expect(londonTimeToIso("2026-03-29", "09:30")).toBe("2026-03-29T08:30:00.000Z");
    expect(londonTimeToIso("2026-10-25", "09:30")).toBe("2026-10-25T09:30:00.000Z");
  });

  it("shows again as the time that was typed", () => {
    for (const [date, time] of [
      ["2026-12-03", "10:00"],
      ["2026-07-14", "16:45"],
    ] as const) {
      const iso = londonTimeToIso(date, time);
      expect(iso && formatMeetingTime(iso)).toContain(time);
    }
  });

  it("turns down dates and times that do not exist", () => {
    expect(londonTimeToIso("2026-02-30", "10:00")).toBeNull();
    expect(londonTimeToIso("2026-12-03", "25:00")).toBeNull();
    expect(londonTimeToIso("", "10:00")).toBeNull();
    expect(londonTimeToIso("2026-12-03", "")).toBeNull();
  });
});
