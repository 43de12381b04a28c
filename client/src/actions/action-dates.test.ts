import { describe, expect, it } from "vitest";
import { pastDueDateQuestion, addDays, daysBetween, formatDueDate, isPlausibleDueDate } from "./action-dates";

describe("formatDueDate", () => {
  it("writes a date the way people in the UK do", () => {
    expect(formatDueDate("2026-12-11")).toBe("Fri 11 Dec 2026");
    expect(formatDueDate("2026-12-12")).toBe("Sat 12 Dec 2026");
    expect(formatDueDate("2027-01-04")).toBe("Mon 4 Jan 2027");
  });

  it("keeps the same calendar date in summer time", () => {
    expect(formatDueDate("2026-06-30")).toBe("Tue 30 Jun 2026");
  });

  it("says when there is no due date or the date is not real", () => {
    expect(formatDueDate(null)).toBe("No due date");
    expect(formatDueDate("2026-02-30")).toBe("Date not known");
    expect(formatDueDate("next week")).toBe("Date not known");
  });
});

describe("addDays", () => {
  it("crosses months and years", () => {
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("daysBetween", () => {
  it("counts calendar days, across months, years and the clocks changing", () => {
    expect(daysBetween("2026-12-28", "2027-01-04")).toBe(7);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-05-01", "2026-05-01")).toBe(0);
    expect(daysBetween("2026-05-02", "2026-05-01")).toBe(-1);
  });

  it("has no answer for text that is not a date", () => {
    expect(daysBetween("next week", "2026-05-01")).toBeNull();
    expect(daysBetween("2026-02-30", "2026-05-01")).toBeNull();
  });
});

describe("isPlausibleDueDate", () => {
  it("accepts real dates in a sensible year", () => {
    expect(isPlausibleDueDate("2026-12-11")).toBe(true);
  });

  it("ignores the steps a date box reports while a year is typed", () => {
    expect(isPlausibleDueDate("0002-12-11")).toBe(false);
    expect(isPlausibleDueDate("0202-12-11")).toBe(false);
    expect(isPlausibleDueDate("")).toBe(false);
  });
});

describe("pastDueDateQuestion", () => {
  it("questions a date before today, saying which date and why", () => {
    expect(pastDueDateQuestion("2026-12-04", "2026-12-06")).toBe(
      "Fri 4 Dec 2026 has already passed, so this action will show as overdue straight away. Is that the date you meant?",
    );
  });

  it("asks nothing for today, a later date, or text that is not a date", () => {
    expect(pastDueDateQuestion("2026-12-06", "2026-12-06")).toBeNull();
    expect(pastDueDateQuestion("2027-01-01", "2026-12-06")).toBeNull();
    expect(pastDueDateQuestion("last week", "2026-12-06")).toBeNull();
  });
});
