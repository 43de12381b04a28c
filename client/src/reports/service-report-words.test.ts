import { reportMonths, reportQuarters, type AgencyActions, type CetrQuarter, type RatingsAtMonthEnd, type ReportLevel } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import {
  agencyChartSummary,
  caseloadChartSummary,
  caseloadText,
  cetrChartSummary,
  comparedSummary,
  monthAxisLabel,
  monthLabel,
  quarterAxisLabel,
  quarterLabel,
  ratingsChartSummary,
  wrapLabel,
  yearAgoDate,
} from "./service-report-words";

const levels: ReportLevel[] = [
  { rating: "blue", label: "Blue" },
  { rating: "red", label: "Red" },
  { rating: "amber", label: "Amber" },
  { rating: "yellow", label: "Yellow" },
  { rating: "green", label: "Green" },
];

describe("the report's months and quarters in words", () => {
  const months = reportMonths("2026-05-14");

  it("names each month, the one we are in so far", () => {
    expect(monthLabel(months[0]!)).toBe("June 2025");
    expect(monthLabel(months.at(-1)!)).toBe("May 2026 (so far)");
  });

  it("puts the year on the axis under the first month and each January only", () => {
    expect(monthAxisLabel(months[0]!, 0)).toEqual(["Jun", "2025"]);
    expect(monthAxisLabel(months[1]!, 1)).toBe("Jul");
    expect(monthAxisLabel(months[7]!, 7)).toEqual(["Jan", "2026"]);
  });

  it("names quarters by their months", () => {
    const quarters = reportQuarters("2026-05-14");
    expect(quarterLabel(quarters[0]!)).toBe("July to September 2025");
    expect(quarterLabel(quarters.at(-1)!)).toBe("April to June 2026 (so far)");
    expect(quarterAxisLabel(quarters[1]!)).toEqual(["Oct–Dec", "2025"]);
    expect(quarterAxisLabel(quarters.at(-1)!)).toEqual(["Apr–Jun", "2026 so far"]);
  });

  it("says a year ago is the day before the year began", () => {
    expect(yearAgoDate("2025-06-01")).toBe("31 May 2025");
    expect(yearAgoDate("2026-01-01")).toBe("31 December 2025");
  });
});

describe("the charts' summaries", () => {
  it("says where the ratings started and where they are now, most serious first", () => {
    const [june, may] = [reportMonths("2026-05-14")[0]!, reportMonths("2026-05-14").at(-1)!];
    const points: RatingsAtMonthEnd[] = [
      { ...june, ratings: { green: 2, amber: 1 }, children: 3 },
      { ...may, ratings: { red: 1, yellow: 2, green: 1 }, children: 4 },
    ];
    expect(ratingsChartSummary(levels, points)).toBe(
      "Stacked bar chart of the children on the register at each RAG rating at the end of each month, from June 2025 to May 2026 (so far). " +
        "At the end of June 2025: 1 amber, 2 green. Now: 1 red, 2 yellow, 1 green. The same figures are in the table below.",
    );
  });

  it("names the keyworkers over the caseload limit, and says so when nobody is", () => {
    const kim = { id: "k", name: "Kim North", keyworkerFor: 12, secondKeyworkerFor: 2, children: 14 };
    const lee = { id: "l", name: "Lee North", keyworkerFor: 5, secondKeyworkerFor: 0, children: 5 };
    expect(caseloadChartSummary([kim, lee], 12)).toContain("1 keyworker over the limit: Kim North (14 children).");
    expect(caseloadChartSummary([lee], 12)).toContain("Nobody is over the limit.");
  });

  it("names the agency with the most overdue actions", () => {
    const camhs: AgencyActions = { id: "a", name: "CAMHS", agreed: 10, done: 4, stillToDo: 6, overdue: 3, closed: 0 };
    expect(agencyChartSummary([camhs], "2025-06-01")).toContain("since 1 June 2025");
    expect(agencyChartSummary([camhs], "2025-06-01")).toContain("CAMHS has the most overdue: 3 of 10.");
    expect(agencyChartSummary([{ ...camhs, overdue: 0 }], "2025-06-01")).toContain("None of them is overdue.");
  });

  it("adds up the CETRs and their actions", () => {
    const quarters: CetrQuarter[] = reportQuarters("2026-05-14").map((q, i) => ({ ...q, held: i, actions: 2 * i, done: i, stillToDo: i, overdue: i > 2 ? 1 : 0, closed: 0 }));
    expect(cetrChartSummary(quarters)).toContain("6 CETRs held, with 12 actions: 6 done, 6 still to do, of which 1 overdue.");
  });
});

describe("the words beside the figures", () => {
  it("says how a caseload stands against the limit", () => {
    expect(caseloadText(14, 12)).toBe("2 over the limit");
    expect(caseloadText(12, 12)).toBe("At the limit");
    expect(caseloadText(9, 12)).toBe("3 below the limit");
  });

  it("sums up how the children compare with a year ago", () => {
    expect(comparedSummary({ "more-serious": 2, new: 1, "less-serious": 1, same: 0 })).toBe(
      "Of the 4 children on the register: 2 on a more serious rating than a year ago, 1 new to the register this year, 1 on a less serious rating, 0 on the same rating.",
    );
  });
});

describe("names on a chart's axis", () => {
  it("are broken between words into short lines, a long word kept whole", () => {
    expect(wrapLabel("NHS Northbridge Integrated Care Board")).toEqual(["NHS Northbridge", "Integrated Care", "Board"]);
    expect(wrapLabel("Priya Shah")).toEqual(["Priya Shah"]);
    expect(wrapLabel("Supercalifragilistic Services")).toEqual(["Supercalifragilistic", "Services"]);
  });
});
