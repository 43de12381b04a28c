import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RagLevel } from "./rag-change.js";
import { defaultRagLevels, ragLevelsOf } from "./rag-levels.js";
import {
  caseloadStanding,
  cetrQuarters,
  childRatingYear,
  childrenInReportOrder,
  comparedCounts,
  comparedWithYearAgo,
  ratingPathLimit,
  ratingsAtMonthEnds,
  reportLevels,
  reportMonths,
  reportQuarters,
  type ChildRatingFacts,
  type RatingChangeCount,
} from "./service-report.js";

const yellow: RagLevel = { rating: "yellow", label: "Yellow", criteria: "Some risk: watched closely, with a check-in every month." };
const withYellow = ragLevelsOf([...defaultRagLevels.slice(0, 3), yellow, defaultRagLevels[3]!]);
const four = ragLevelsOf(null);

describe("the report's months and quarters", () => {
  it("covers the month we are in, to today, and the eleven before it, each to its last day", () => {
    const months = reportMonths("2026-05-14");
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ first: "2025-06-01", last: "2025-06-30", soFar: false });
    expect(months.find((m) => m.first === "2026-02-01")).toEqual({ first: "2026-02-01", last: "2026-02-28", soFar: false });
    expect(months.at(-1)).toEqual({ first: "2026-05-01", last: "2026-05-14", soFar: true });
    expect(months.filter((m) => m.soFar)).toHaveLength(1);
  });

  it("crosses a new year and knows a leap year's February", () => {
    expect(reportMonths("2024-03-10").find((m) => m.first === "2024-02-01")?.last).toBe("2024-02-29");
    const january = reportMonths("2026-01-31");
    expect(january[0]!.first).toBe("2025-02-01");
    expect(january.at(-2)).toEqual({ first: "2025-12-01", last: "2025-12-31", soFar: false });
    expect(january.at(-1)).toEqual({ first: "2026-01-01", last: "2026-01-31", soFar: true });
  });

  it("gives each month once, one after the other", () => {
    const months = reportMonths("2026-08-01");
    for (let i = 1; i < months.length; i++) {
      const dayAfter = new Date(Date.parse(`${months[i - 1]!.last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(months[i]!.first).toBe(dayAfter);
    }
  });

  it("takes calendar quarters, the last one to today", () => {
    expect(reportQuarters("2026-05-14")).toEqual([
      { first: "2025-07-01", last: "2025-09-30", soFar: false },
      { first: "2025-10-01", last: "2025-12-31", soFar: false },
      { first: "2026-01-01", last: "2026-03-31", soFar: false },
      { first: "2026-04-01", last: "2026-05-14", soFar: true },
    ]);
    expect(reportQuarters("2026-01-01").map((q) => q.first)).toEqual(["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"]);
    expect(reportQuarters("2026-03-31").at(-1)).toEqual({ first: "2026-01-01", last: "2026-03-31", soFar: true });
  });
});

describe("children at each rating at the end of each month", () => {
  const months = reportMonths("2026-05-14");
  let changes: RatingChangeCount[] = [];
  const at = (first: string) => ratingsAtMonthEnds(changes, months).find((m) => m.first === first)!;

  it("counts a change made on a month's last day in that month, and one on the next day in the next", () => {
    changes = [
      { day: "2025-01-10", before: null, after: "amber", count: 2 },
      { day: "2025-06-30", before: "amber", after: "red", count: 1 },
      { day: "2025-07-01", before: "amber", after: "green", count: 1 },
    ];
    expect(at("2025-06-01")).toMatchObject({ ratings: { amber: 1, red: 1 }, children: 2 });
    expect(at("2025-07-01")).toMatchObject({ ratings: { red: 1, green: 1 }, children: 2 });
  });

  it("counts changes from before the year towards its first month", () => {
    changes = [
      { day: "2024-03-01", before: null, after: "green", count: 3 },
      { day: "2024-09-01", before: "green", after: "amber", count: 1 },
    ];
    expect(ratingsAtMonthEnds(changes, months)[0]).toMatchObject({ first: "2025-06-01", ratings: { green: 2, amber: 1 }, children: 3 });
  });

  it("counts a child who came onto the register mid-year from the month they were first rated", () => {
    changes = [
      { day: "2025-01-01", before: null, after: "green", count: 1 },
      { day: "2025-11-12", before: null, after: "red", count: 1 },
    ];
    expect(at("2025-10-01")).toMatchObject({ ratings: { green: 1 }, children: 1 });
    expect(at("2025-11-01")).toMatchObject({ ratings: { green: 1, red: 1 }, children: 2 });
    expect(at("2026-05-01")).toMatchObject({ children: 2, soFar: true });
  });

  it("counts a level the service added, like yellow, as it counts the four", () => {
    changes = [
      { day: "2025-01-01", before: null, after: "amber", count: 2 },
      { day: "2025-08-05", before: "amber", after: "yellow", count: 2 },
      { day: "2025-09-05", before: "yellow", after: "green", count: 1 },
    ];
    expect(at("2025-08-01").ratings).toEqual({ yellow: 2 });
    expect(at("2025-09-01").ratings).toEqual({ yellow: 1, green: 1 });
  });

  it("leaves out today's tomorrow: nothing after this month's last counted day", () => {
    changes = [
      { day: "2025-01-01", before: null, after: "amber", count: 1 },
      { day: "2026-05-15", before: "amber", after: "red", count: 1 },
    ];
    expect(at("2026-05-01").ratings).toEqual({ amber: 1 });
  });

  it("gives, for any histories, each month's counts of the rating each child held at its end", () => {
    const ratings = ["red", "amber", "green", "blue", "yellow"] as const;
    const day = fc.integer({ min: 0, max: 540 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    const history = fc.array(fc.record({ day, to: fc.constantFrom(...ratings) }), { minLength: 1, maxLength: 8 }).map((h) => [...h].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)));
    fc.assert(
      fc.property(fc.array(history, { maxLength: 12 }), (children) => {
        // As the database gives them: each change with the rating before it (the child's previous change's), counted by day.
        const counted = new Map<string, RatingChangeCount>();
        for (const h of children) {
          h.forEach((change, i) => {
            const before = i === 0 ? null : h[i - 1]!.to;
            const key = `${change.day}|${before}|${change.to}`;
            const found = counted.get(key) ?? { day: change.day, before, after: change.to, count: 0 };
            counted.set(key, { ...found, count: found.count + 1 });
          });
        }
        const folded = ratingsAtMonthEnds([...counted.values()], months);
        for (const month of folded) {
          // The definition: the `to` of each child's latest change at or before the month's end.
          const expected: Record<string, number> = {};
          for (const h of children) {
            const latest = h.filter((c) => c.day <= month.last).at(-1);
            if (latest) expected[latest.to] = (expected[latest.to] ?? 0) + 1;
          }
          expect(month.ratings).toEqual(expected);
          expect(month.children).toBe(Object.values(expected).reduce((sum, n) => sum + n, 0));
        }
      }),
    );
  });
});

describe("the levels the figures are given in", () => {
  it("are the service's, most serious first, then any rating held that the service no longer offers", () => {
    expect(reportLevels(withYellow, ["amber", "purple"]).map((l) => l.label)).toEqual(["Blue", "Red", "Amber", "Yellow", "Green", "Purple"]);
    expect(reportLevels(four, ["red"]).map((l) => l.rating)).toEqual(["blue", "red", "amber", "green"]);
  });
});

describe("each child's year", () => {
  const facts = (over: Partial<ChildRatingFacts>): ChildRatingFacts => ({
    caseId: "c1",
    name: "Jamie Walker",
    atStart: "amber",
    firstRatedOn: "2024-05-01",
    recent: [],
    now: "amber",
    givenInYear: 0,
    ...over,
  });

  it("follows the ratings from a year ago to now, and compares the two", () => {
    const year = childRatingYear(four, facts({ atStart: "green", recent: ["red", "amber"], now: "red", givenInYear: 2 }));
    expect(year).toMatchObject({ path: ["green", "amber", "red"], pathCut: false, now: "red", changes: 2, compared: "more-serious", joinedOn: null });
  });

  it("names the day a child new this year joined, and does not count their first rating as a change", () => {
    const year = childRatingYear(four, facts({ atStart: null, firstRatedOn: "2025-11-12", recent: ["amber", "red"], now: "amber", givenInYear: 2 }));
    expect(year).toMatchObject({ path: ["red", "amber"], joinedOn: "2025-11-12", changes: 1, compared: "new" });
  });

  it("says a child whose rating did not change this year is the same", () => {
    expect(childRatingYear(four, facts({}))).toMatchObject({ path: ["amber"], changes: 0, compared: "same" });
  });

  it("keeps the latest ratings of a very changeable year, saying earlier ones were left off", () => {
    const recent = Array.from({ length: ratingPathLimit }, (_, i) => (i % 2 === 0 ? "red" : "amber"));
    const year = childRatingYear(four, facts({ atStart: "green", recent, now: "red", givenInYear: ratingPathLimit + 5 }));
    expect(year.pathCut).toBe(true);
    expect(year.path).toHaveLength(ratingPathLimit);
    expect(year.path.at(-1)).toBe("red");
    expect(year.changes).toBe(ratingPathLimit + 5);
  });

  it("ranks blue above red and a service's yellow between amber and green", () => {
    expect(comparedWithYearAgo(four, "red", "blue")).toBe("more-serious");
    expect(comparedWithYearAgo(four, "blue", "red")).toBe("less-serious");
    expect(comparedWithYearAgo(withYellow, "amber", "yellow")).toBe("less-serious");
    expect(comparedWithYearAgo(withYellow, "green", "yellow")).toBe("more-serious");
    expect(comparedWithYearAgo(withYellow, "yellow", "yellow")).toBe("same");
  });

  it("lists those more serious first, then new, less serious and the same; the most serious now first, then by name", () => {
    const year = (name: string, atStart: string | null, now: string) => childRatingYear(four, facts({ name, atStart, now, recent: [now], givenInYear: 1 }));
    const children = [year("Ben", "red", "red"), year("Ava", "green", "amber"), year("Cal", "amber", "green"), year("Dee", null, "green"), year("Eve", "green", "blue")];
    const ordered = childrenInReportOrder(four, children);
    expect(ordered.map((c) => c.name)).toEqual(["Eve", "Ava", "Dee", "Cal", "Ben"]);
    expect(comparedCounts(children)).toEqual({ "more-serious": 2, new: 1, "less-serious": 1, same: 1 });
  });
});

describe("caseloads against the limit", () => {
  it("is over only past the limit", () => {
    expect(caseloadStanding(13, 12)).toEqual({ standing: "over", by: 1 });
    expect(caseloadStanding(12, 12)).toEqual({ standing: "at" });
    expect(caseloadStanding(9, 12)).toEqual({ standing: "under", by: 3 });
  });
});

describe("CETRs by quarter", () => {
  it("gives every quarter, with noughts where none was held", () => {
    const quarters = reportQuarters("2026-05-14");
    const figures = cetrQuarters([{ first: "2026-01-01", held: 2, actions: 5, done: 2, stillToDo: 3, overdue: 1, closed: 0 }], quarters);
    expect(figures.map((q) => q.held)).toEqual([0, 0, 2, 0]);
    expect(figures[2]).toEqual({ first: "2026-01-01", last: "2026-03-31", soFar: false, held: 2, actions: 5, done: 2, stillToDo: 3, overdue: 1, closed: 0 });
  });
});
