import { describe, expect, it } from "vitest";
import { calendarDayWords, plusDays, plusMonths, wholeDaysBetween } from "./calendar-days.js";
import { nextCetrDueOn, registerSignals, type RegisterChildFacts, type RegisterSettings, type RegisterSignalKind } from "./register-signals.js";

// A Wednesday; every date below is worked out from it.
const today = "2027-03-10";
const settings: RegisterSettings = { redWithoutCetrWeeks: 12, inpatientCetrEveryMonths: 3, ratingUnchangedWeeks: 26, caseloadLimit: 12 };

/** A child none of the signals is about: green, rated last week, with a keyworker well within their caseload. */
function child(facts: Partial<RegisterChildFacts> = {}): RegisterChildFacts {
  return {
    rating: "green",
    ratedOn: plusDays(today, -7),
    lastCetrHeldOn: null,
    cetrArrangedOn: null,
    keyworker: { name: "Priya Shah" },
    secondKeyworker: null,
    keyworkerCaseload: 4,
    ...facts,
  };
}

function kinds(facts: RegisterChildFacts, at = today): RegisterSignalKind[] {
  return registerSignals(facts, settings, at).map((s) => s.kind);
}

function only(facts: RegisterChildFacts, kind: RegisterSignalKind): string | undefined {
  return registerSignals(facts, settings, today).find((s) => s.kind === kind)?.text;
}

describe("calendar days", () => {
  it("adds months as Postgres does, keeping to the last day of a shorter month", () => {
    expect(plusMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(plusMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(plusMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(plusMonths("2026-10-15", 3)).toBe("2027-01-15");
  });

  it("counts whole days either way across a change of the clocks", () => {
    expect(wholeDaysBetween("2027-03-27", "2027-03-29")).toBe(2);
    expect(wholeDaysBetween("2027-03-29", "2027-03-27")).toBe(-2);
    expect(plusDays("2027-03-01", -1)).toBe("2027-02-28");
  });

  it("writes a date as the app does, whatever the locale data", () => {
    expect(calendarDayWords("2026-09-03")).toBe("Thu 3 Sep 2026");
    expect(calendarDayWords("2027-03-10")).toBe("Wed 10 Mar 2027");
  });
});

describe("a child none of the signals is about", () => {
  it("has no signals", () => {
    expect(kinds(child())).toEqual([]);
  });
});

describe("red with no CETR in the service's weeks", () => {
  const heldDaysAgo = (days: number) => child({ rating: "red", lastCetrHeldOn: plusDays(today, -days) });

  it("appears on the day the twelfth week runs out, not the day before", () => {
    expect(kinds(heldDaysAgo(12 * 7))).toEqual(["red-without-cetr"]);
    expect(kinds(heldDaysAgo(12 * 7 - 1))).toEqual([]);
    expect(only(heldDaysAgo(12 * 7), "red-without-cetr")).toBe("Red with no CETR in the last 12 weeks: the last was held on Wed 16 Dec 2026.");
  });

  it("appears at once for a red child who has never had a CETR", () => {
    expect(only(child({ rating: "red", ratedOn: today }), "red-without-cetr")).toBe("Red with no CETR in the last 12 weeks: none has been held.");
  });

  it("is only about red children", () => {
    for (const rating of ["amber", "green", "blue", "yellow"]) expect(kinds(child({ rating, lastCetrHeldOn: null, ratedOn: plusDays(today, -300) }))).not.toContain("red-without-cetr");
  });

  it("says when the next CETR is due, and none for amber or green", () => {
    expect(nextCetrDueOn(heldDaysAgo(10), settings)).toBe(plusDays(today, 12 * 7 - 10));
    expect(nextCetrDueOn(child({ rating: "red", ratedOn: "2027-02-01" }), settings)).toBe("2027-02-01");
    expect(nextCetrDueOn(child({ rating: "amber", lastCetrHeldOn: "2027-01-01" }), settings)).toBeNull();
    expect(nextCetrDueOn(child({ rating: "yellow" }), settings)).toBeNull();
  });
});

describe("in hospital, with the next CETR due or overdue", () => {
  // Held on 10 December: the next is due three months on, on 10 March (today).
  const blue = (facts: Partial<RegisterChildFacts>) => child({ rating: "blue", ratedOn: "2026-10-01", ...facts });

  it("is due the service's number of months after the last CETR held", () => {
    expect(nextCetrDueOn(blue({ lastCetrHeldOn: "2026-12-10" }), settings)).toBe("2027-03-10");
    expect(nextCetrDueOn(blue({ lastCetrHeldOn: "2026-11-30" }), settings)).toBe("2027-02-28");
  });

  it("appears exactly 14 days before it is due, not 15", () => {
    // Due on 24 March: 14 days from today.
    expect(only(blue({ lastCetrHeldOn: "2026-12-24" }), "inpatient-cetr-due")).toBe(
      "In hospital: the next CETR is due on Wed 24 Mar 2027, in 14 days. None is arranged yet.",
    );
    expect(kinds(blue({ lastCetrHeldOn: "2026-12-25" }))).toEqual([]);
  });

  it("says when it is due today, and when it is overdue and by how long", () => {
    expect(only(blue({ lastCetrHeldOn: "2026-12-10" }), "inpatient-cetr-due")).toBe("In hospital: the next CETR is due today. None is arranged yet.");
    expect(only(blue({ lastCetrHeldOn: "2026-12-09" }), "inpatient-cetr-due")).toBe(
      "In hospital: the next CETR is overdue. It was due on Tue 9 Mar 2027, 1 day ago. None is arranged yet.",
    );
  });

  it("is quiet while a CETR is arranged by the day it is due, but not once it is overdue", () => {
    expect(kinds(blue({ lastCetrHeldOn: "2026-12-20", cetrArrangedOn: "2027-03-20" }))).toEqual([]);
    expect(kinds(blue({ lastCetrHeldOn: "2026-12-20", cetrArrangedOn: "2027-03-21" }))).toEqual(["inpatient-cetr-due"]);
    expect(only(blue({ lastCetrHeldOn: "2026-12-01", cetrArrangedOn: "2027-03-15" }), "inpatient-cetr-due")).toBe(
      "In hospital: the next CETR is overdue. It was due on Mon 1 Mar 2027, 9 days ago. One is arranged for Mon 15 Mar 2027.",
    );
  });

  it("counts a child in hospital with no CETR held as due since they were rated blue", () => {
    expect(nextCetrDueOn(blue({}), settings)).toBe("2026-10-01");
    expect(only(blue({}), "inpatient-cetr-due")).toBe(
      "In hospital with no CETR held: one has been due since Thu 1 Oct 2026, when the rating became blue. None is arranged yet.",
    );
  });
});

describe("a rating unchanged for a long time", () => {
  it("appears on the day the 26th week is reached, not the day before", () => {
    expect(kinds(child({ ratedOn: plusDays(today, -26 * 7) }))).toEqual(["rating-unchanged"]);
    expect(kinds(child({ ratedOn: plusDays(today, -26 * 7 + 1) }))).toEqual([]);
    // 217 days: whole weeks only.
    expect(only(child({ ratedOn: "2026-08-05" }), "rating-unchanged")).toBe("Rating unchanged for 31 weeks, since Wed 5 Aug 2026.");
  });

  it("is about any rating, including a level the service added", () => {
    for (const rating of ["red", "amber", "green", "blue", "yellow"]) {
      expect(kinds(child({ rating, ratedOn: "2026-01-01", lastCetrHeldOn: today }))).toContain("rating-unchanged");
    }
  });
});

describe("amber or red with no keyworker", () => {
  it("appears for amber and red children with no keyworker", () => {
    expect(only(child({ rating: "amber", keyworker: null }), "no-keyworker")).toBe("Amber with no keyworker allocated.");
    expect(only(child({ rating: "red", keyworker: null, lastCetrHeldOn: today }), "no-keyworker")).toBe("Red with no keyworker allocated.");
  });

  it("does not appear for green or blue children, or when a second keyworker is allocated", () => {
    expect(kinds(child({ rating: "green", keyworker: null }))).toEqual([]);
    expect(kinds(child({ rating: "blue", keyworker: null, lastCetrHeldOn: today }))).toEqual([]);
    expect(kinds(child({ rating: "amber", keyworker: null, secondKeyworker: { name: "Tom Hughes" } }))).toEqual([]);
  });
});

describe("a keyworker over their caseload", () => {
  it("appears above the limit, not at it", () => {
    expect(kinds(child({ keyworkerCaseload: 12 }))).toEqual([]);
    expect(only(child({ keyworkerCaseload: 13 }), "keyworker-over-caseload")).toBe(
      "Their keyworker, Priya Shah, is keyworker for 13 children: over the limit of 12.",
    );
  });

  it("is not about a child with no keyworker", () => {
    expect(kinds(child({ keyworker: null, keyworkerCaseload: 40 }))).toEqual([]);
  });
});

describe("several signals at once", () => {
  it("lists them most pressing first", () => {
    const facts = child({ rating: "blue", ratedOn: "2026-01-01", keyworkerCaseload: 20 });
    expect(kinds(facts)).toEqual(["inpatient-cetr-due", "keyworker-over-caseload", "rating-unchanged"]);
    expect(kinds(child({ rating: "red", keyworker: null, ratedOn: "2026-01-01" }))).toEqual(["red-without-cetr", "no-keyworker", "rating-unchanged"]);
  });
});
