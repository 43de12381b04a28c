import { afterEach, describe, expect, it } from "vitest";
import { formatMeetingTime } from "../cases/format-meeting";
import { formatUkClock, formatUkDate, formatUkDateTime, formatUkDay, ukDayKey, ukMoment, ukTimeToIso, ukToday } from "./uk-time";

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

describe("ukToday", () => {
  it("uses UK time: late on 30 June in UTC is already 1 July in British Summer Time", () => {
    expect(ukToday(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
  });

  it("uses GMT in winter", () => {
    expect(ukToday(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});

describe("ukTimeToIso", () => {
  it("reads a winter time as UK time (the same as UTC)", () => {
    expect(ukTimeToIso("2026-12-03", "10:00")).toBe("2026-12-03T10:00:00.000Z");
  });

  it("reads a summer time as British Summer Time", () => {
    expect(ukTimeToIso("2026-06-03", "10:00")).toBe("2026-06-03T09:00:00.000Z");
  });

  it("gets the mornings either side of the clocks changing right", () => {
    expect(ukTimeToIso("2026-03-29", "09:30")).toBe("2026-03-29T08:30:00.000Z");
    expect(ukTimeToIso("2026-10-25", "09:30")).toBe("2026-10-25T09:30:00.000Z");
  });

  it("reads the hour the clocks go back as the second one, and a time they skip as GMT", () => {
    expect(ukTimeToIso("2026-10-25", "00:59")).toBe("2026-10-24T23:59:00.000Z");
    expect(ukTimeToIso("2026-10-25", "01:30")).toBe("2026-10-25T01:30:00.000Z");
    expect(ukTimeToIso("2026-03-29", "00:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(ukTimeToIso("2026-03-29", "01:30")).toBe("2026-03-29T01:30:00.000Z");
    expect(ukTimeToIso("2026-03-29", "02:00")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("shows again as the time that was typed", () => {
    for (const [date, time] of [
      ["2026-12-03", "10:00"],
      ["2026-07-14", "16:45"],
    ] as const) {
      const iso = ukTimeToIso(date, time);
      expect(iso && formatMeetingTime(iso)).toContain(time);
    }
  });

  it("turns down dates and times that do not exist", () => {
    expect(ukTimeToIso("2026-02-30", "10:00")).toBeNull();
    expect(ukTimeToIso("2026-12-03", "25:00")).toBeNull();
    expect(ukTimeToIso("", "10:00")).toBeNull();
    expect(ukTimeToIso("2026-12-03", "")).toBeNull();
  });
});

describe("on a device set to another time zone", () => {
  const deviceZone = process.env.TZ;
  afterEach(() => {
    if (deviceZone === undefined) delete process.env.TZ;
    else process.env.TZ = deviceZone;
  });

  it("shows UK time on the night the device's own clocks go forward", () => {
    // New York's clocks go from 02:00 to 03:00 on 8 March 2026; the UK's clock shows 02:30.
    process.env.TZ = "America/New_York";
    expect(formatUkClock("2026-03-08T02:30:00Z")).toBe("02:30");
    expect(formatMeetingTime("2026-03-08T02:30:00Z")).toBe("Sun 8 Mar 2026, 02:30");
  });

  it("reads a typed time as UK time whatever the device's zone", () => {
    for (const zone of ["America/New_York", "Australia/Sydney", "Asia/Kolkata"]) {
      process.env.TZ = zone;
      expect(ukTimeToIso("2026-10-25", "01:30")).toBe("2026-10-25T01:30:00.000Z");
      expect(ukTimeToIso("2026-06-03", "10:00")).toBe("2026-06-03T09:00:00.000Z");
      expect(ukToday(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    }
  });
});

describe("ukMoment", () => {
  it("gives the short names screens use, September as Sep", () => {
    expect(ukMoment("2026-09-01T09:05:00Z")).toMatchObject({ weekdayShort: "Tue", monthShort: "Sep", time: "10:05" });
  });

  it("has no moment for text that is not a time", () => {
    expect(ukMoment("not a date")).toBeNull();
    expect(ukMoment(new Date(Number.NaN))).toBeNull();
  });
});
