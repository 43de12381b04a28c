import { describe, expect, it } from "vitest";
import { groupByDay } from "./group-by-day";

describe("grouping the access report by day", () => {
  it("puts each entry under the UK day it happened, keeping the order within a day", () => {
    const entries = [
      { at: "2026-11-25T19:40:00Z", what: "evening" },
      { at: "2026-11-25T09:15:00Z", what: "morning" },
      { at: "2026-11-24T16:00:00Z", what: "day before" },
    ];
    const groups = groupByDay(entries);
    expect(groups.map((g) => g.heading)).toEqual(["Wednesday 25 November 2026", "Tuesday 24 November 2026"]);
    expect(groups[0]!.entries.map((e) => e.what)).toEqual(["evening", "morning"]);
    expect(groups[1]!.entries.map((e) => e.what)).toEqual(["day before"]);
  });

  it("counts an event just after midnight in summer as the next day", () => {
    const groups = groupByDay([
      { at: "2026-06-03T23:30:00Z" }, // 00:30 on 4 June, UK time
      { at: "2026-06-03T22:30:00Z" }, // 23:30 on 3 June
    ]);
    expect(groups.map((g) => g.key)).toEqual(["2026-06-04", "2026-06-03"]);
  });

  it("gives no groups when nobody has looked", () => {
    expect(groupByDay([])).toEqual([]);
  });
});
