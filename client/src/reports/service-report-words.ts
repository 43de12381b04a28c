/**
 * What the service report says: its months and quarters as people name them, each chart's
 * summary for screen readers (what it shows, and what stands out), and the words beside the
 * figures. Gathered here so they can be read and tested in one place.
 */
import {
  caseloadStanding,
  type AgencyActions,
  type CetrQuarter,
  type ComparedCounts,
  type ComparedWithYearAgo,
  type KeyworkerCaseload,
  type RatingsAtMonthEnd,
  type RecordedRagRating,
  type ReportLevel,
  type ReportPeriod,
} from "@roundtable/domain";

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
const shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const partsOf = (iso: string) => iso.split("-").map(Number) as [number, number, number];

/** "31 May 2025". */
export function reportDate(iso: string): string {
  const [year, month, day] = partsOf(iso);
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** "June 2025"; "December 2026 (so far)" for the month we are in. */
export function monthLabel(month: ReportPeriod): string {
  const [year, number] = partsOf(month.first);
  return `${monthNames[number - 1]} ${year}${month.soFar ? " (so far)" : ""}`;
}

/** A chart axis's label: "Jun", with the year under the first month and each January. */
export function monthAxisLabel(month: ReportPeriod, index: number): string | string[] {
  const [year, number] = partsOf(month.first);
  const name = shortMonths[number - 1]!;
  return index === 0 || number === 1 ? [name, String(year)] : name;
}

/** A name for a chart's axis in lines of about `width` letters, broken between words, so a long agency's name fits a phone. */
export function wrapLabel(name: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** "July to September 2025"; "October to December 2026 (so far)". */
export function quarterLabel(quarter: ReportPeriod): string {
  const [year, number] = partsOf(quarter.first);
  return `${monthNames[number - 1]} to ${monthNames[number + 1]} ${year}${quarter.soFar ? " (so far)" : ""}`;
}

/** "Jul–Sep 2025": short enough for an axis on a phone. */
export function quarterAxisLabel(quarter: ReportPeriod): string[] {
  const [year, number] = partsOf(quarter.first);
  return [`${shortMonths[number - 1]}–${shortMonths[number + 1]}`, quarter.soFar ? `${year} so far` : String(year)];
}

/** The day before the report's year began: what "a year ago" means in it. */
export function yearAgoDate(yearStartsOn: string): string {
  const [year, month, day] = partsOf(yearStartsOn);
  return reportDate(new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 red, 1 amber": the ratings held, most serious first, leaving out those nobody held. */
export function ratingsInWords(levels: readonly ReportLevel[], ratings: Record<string, number>): string {
  const said = levels.filter((l) => (ratings[l.rating] ?? 0) > 0).map((l) => `${ratings[l.rating]} ${l.label.toLowerCase()}`);
  return said.length > 0 ? said.join(", ") : "no children";
}

/** The ratings chart's accessible name: what it shows, where it started and where it is now. */
export function ratingsChartSummary(levels: readonly ReportLevel[], months: readonly RatingsAtMonthEnd[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return "Chart of the children at each RAG rating: no figures yet.";
  return (
    `Stacked bar chart of the children on the register at each RAG rating at the end of each month, from ${monthLabel(first)} to ${monthLabel(last)}. ` +
    `At the end of ${monthLabel(first)}: ${ratingsInWords(levels, first.ratings)}. Now: ${ratingsInWords(levels, last.ratings)}. The same figures are in the table below.`
  );
}

/** The order the groups are shown in: the ones to look at first, first. */
export const comparedOrder: readonly ComparedWithYearAgo[] = ["more-serious", "new", "less-serious", "same"];

/** A heading for each group of children, with how many are in it. */
export function comparedHeading(compared: ComparedWithYearAgo, count: number): string {
  const who = plural(count, "child", "children");
  switch (compared) {
    case "more-serious":
      return `On a more serious rating than a year ago: ${who}`;
    case "new":
      return `New to the register this year: ${who}`;
    case "less-serious":
      return `On a less serious rating than a year ago: ${who}`;
    case "same":
      return `On the same rating as a year ago: ${who}`;
  }
}

/** "Of the 4 children: 2 on a more serious rating than a year ago, 1 new to the register, …". */
export function comparedSummary(compared: ComparedCounts): string {
  const total = comparedOrder.reduce((sum, group) => sum + compared[group], 0);
  const words: Record<ComparedWithYearAgo, string> = {
    "more-serious": "on a more serious rating than a year ago",
    new: "new to the register this year",
    "less-serious": "on a less serious rating",
    same: "on the same rating",
  };
  return `Of the ${plural(total, "child", "children")} on the register: ${comparedOrder.map((group) => `${compared[group]} ${words[group]}`).join(", ")}.`;
}

/** "2 changes"; "No change". */
export function changesText(changes: number): string {
  return changes === 0 ? "No change" : plural(changes, "change");
}

/** What a rating's level is called in this service. */
export function levelLabel(levels: readonly ReportLevel[], rating: RecordedRagRating): string {
  const label = levels.find((l) => l.rating === rating)?.label ?? rating;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "2 over the limit", "At the limit", "3 below the limit". */
export function caseloadText(children: number, limit: number): string {
  const standing = caseloadStanding(children, limit);
  if (standing.standing === "at") return "At the limit";
  return standing.standing === "over" ? `${standing.by} over the limit` : `${standing.by} below the limit`;
}

/** The caseload chart's accessible name, naming whoever is over the limit. */
export function caseloadChartSummary(keyworkers: readonly KeyworkerCaseload[], limit: number): string {
  const over = keyworkers.filter((k) => k.children > limit);
  const whoIsOver =
    over.length === 0
      ? "Nobody is over the limit."
      : `${plural(over.length, "keyworker")} over the limit: ${over.map((k) => `${k.name} (${plural(k.children, "child", "children")})`).join(", ")}.`;
  return `Bar chart of the children each keyworker is keyworker or second keyworker for, against the service's limit of ${limit}. ${whoIsOver} The same figures are in the table below.`;
}

/** The actions chart's accessible name, naming the agency with the most overdue. */
export function agencyChartSummary(agencies: readonly AgencyActions[], since: string): string {
  const most = agencies[0];
  const standsOut =
    most && most.overdue > 0 ? `${most.name} has the most overdue: ${most.overdue} of ${most.agreed}.` : "None of them is overdue.";
  return `Stacked bar chart of the actions agreed with each agency since ${reportDate(since)}, as they stand today: done, still to do and overdue. ${standsOut} The same figures are in the table below.`;
}

/** The CETR chart's accessible name: how many were held, and how their actions stand. */
export function cetrChartSummary(quarters: readonly CetrQuarter[]): string {
  const total = (pick: (q: CetrQuarter) => number) => quarters.reduce((sum, q) => sum + pick(q), 0);
  const first = quarters[0];
  const last = quarters.at(-1);
  if (!first || !last) return "Chart of the CETRs held each quarter: no figures yet.";
  return (
    `Stacked bar chart of the actions agreed at the CETRs held each quarter, from ${quarterLabel(first)} to ${quarterLabel(last)}, as they stand today. ` +
    `${plural(total((q) => q.held), "CETR")} held, with ${plural(total((q) => q.actions), "action")}: ${total((q) => q.done)} done, ${total((q) => q.stillToDo)} still to do, of which ${total((q) => q.overdue)} overdue. The same figures are in the table below.`
  );
}
