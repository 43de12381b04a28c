/**
 * The service lead's report (issue 13): how the service's children's RAG ratings moved over the
 * last twelve months, for the service and child by child; each keyworker's caseload against the
 * service's limit; the actions agreed with each agency, done and overdue; and the CETRs held each
 * quarter with how their actions are going. For the service lead, who reports to the board.
 *
 * The database counts (a constant number of set-based queries, server/src/reports/); what is
 * worked out here is pure: the months and quarters the report covers, folding changes of rating
 * into counts at each month's end, and each child's year in a line.
 *
 * A child's rating at a moment is the `to` of their latest change at or before it. The report
 * works in days in England, as the dates people see do: the figure for a month is the rating each
 * child held at the end of its last day (today, for the month we are in), so a change made on the
 * first of a month at midnight counts in that month, not the one before.
 */
import type { CetrStatus } from "../cetr/cetr.js";
import type { RecordedRagRating } from "../rag-rating.js";
import type { RagLevel } from "./rag-change.js";

/** How many months the report covers: the one we are in and the eleven before it. */
export const serviceReportMonths = 12;

/** How many quarters the CETR figures cover: the one we are in and the three before it. */
export const serviceReportQuarters = 4;

/** The most children listed one by one (the most serious changes first); the figures count them all. */
export const serviceReportChildLimit = 500;

/** The most of one child's ratings in the year listed in their line; the earliest are left off. */
export const ratingPathLimit = 12;

/** The most keyworkers or agencies listed (a service has far fewer). */
export const serviceReportRowLimit = 500;

/** A month or a quarter of the report: its first day, and the last day its figures count (today, for the one we are in). */
export interface ReportPeriod {
  first: string;
  last: string;
  /** The period we are in: its figures are so far, to today. */
  soFar: boolean;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function monthStart(year: number, monthIndex: number): Date {
  return new Date(Date.UTC(year, monthIndex, 1));
}

/** `count` periods of `length` months, oldest first, the last one the period `today` is in (its figures to today). */
function periods(today: string, length: 1 | 3, count: number): ReportPeriod[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const currentStart = month - 1 - ((month - 1) % length);
  return Array.from({ length: count }, (_, i) => {
    const back = (count - 1 - i) * length;
    const first = monthStart(year, currentStart - back);
    const lastDay = new Date(monthStart(year, currentStart - back + length).getTime() - 24 * 60 * 60 * 1000);
    const soFar = i === count - 1;
    return { first: isoDate(first), last: soFar ? today : isoDate(lastDay), soFar };
  });
}

/** The report's months, oldest first: the eleven before the one `today` is in, each to its last day, then this one to today. */
export function reportMonths(today: string, months: number = serviceReportMonths): ReportPeriod[] {
  return periods(today, 1, months);
}

/** The report's quarters (January to March, April to June, …), oldest first, the last one to today. */
export function reportQuarters(today: string, quarters: number = serviceReportQuarters): ReportPeriod[] {
  return periods(today, 3, quarters);
}

/**
 * Changes of rating on one day, as the database counts them: how many children went from
 * `before` (the rating their previous change gave them; null for a child's first rating) to
 * `after`. Changes made before the report's first month may all be given on one earlier day.
 */
export interface RatingChangeCount {
  day: string;
  before: RecordedRagRating | null;
  after: RecordedRagRating;
  count: number;
}

/** How many children held each rating at the end of a month (only ratings someone held). */
export interface RatingsAtMonthEnd extends ReportPeriod {
  ratings: Record<string, number>;
  /** Every child with a rating then. */
  children: number;
}

/** Each month's figures: every change on or before its last day, added up (one leaving a rating, one arriving at another). */
export function ratingsAtMonthEnds(changes: readonly RatingChangeCount[], months: readonly ReportPeriod[]): RatingsAtMonthEnd[] {
  const sorted = [...changes].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const held = new Map<string, number>();
  const add = (rating: string, count: number) => held.set(rating, (held.get(rating) ?? 0) + count);
  let next = 0;
  return months.map((month) => {
    while (next < sorted.length && sorted[next]!.day <= month.last) {
      const change = sorted[next++]!;
      if (change.before !== null) add(change.before, -change.count);
      add(change.after, change.count);
    }
    const ratings: Record<string, number> = {};
    let children = 0;
    for (const [rating, count] of held) {
      if (count === 0) continue;
      ratings[rating] = count;
      children += count;
    }
    return { ...month, ratings, children };
  });
}

/** A level as the report names it. */
export interface ReportLevel {
  rating: RecordedRagRating;
  label: string;
}

/**
 * The levels the figures are given in, most serious first: the service's, then any rating a
 * child held that the service no longer offers (named as recorded), so no child goes uncounted.
 */
export function reportLevels(levels: readonly RagLevel[], held: Iterable<RecordedRagRating>): ReportLevel[] {
  const shown: ReportLevel[] = levels.map((l) => ({ rating: l.rating, label: l.label }));
  for (const rating of held) if (!shown.some((l) => l.rating === rating)) shown.push({ rating, label: rating.charAt(0).toUpperCase() + rating.slice(1) });
  return shown;
}

/** One child's ratings around the report's year, as the database reads them. */
export interface ChildRatingFacts {
  caseId: string;
  name: string;
  /** The rating held the day before the year began; null when first rated during it. */
  atStart: RecordedRagRating | null;
  /** The day first rated. */
  firstRatedOn: string;
  /** The ratings given during the year, newest first; no more than `ratingPathLimit`. */
  recent: readonly RecordedRagRating[];
  /** The rating held now: the latest given. */
  now: RecordedRagRating;
  /** How many ratings were given during the year (a first rating included). */
  givenInYear: number;
}

/** How a child's rating now compares with a year ago: "new" for a child who came onto the register during the year. */
export type ComparedWithYearAgo = "more-serious" | "less-serious" | "same" | "new";

/** One child's year in a line. */
export interface ChildRatingYear {
  caseId: string;
  name: string;
  atStart: RecordedRagRating | null;
  /** The day a child new this year was first rated; null for one on the register all year. */
  joinedOn: string | null;
  /** The ratings held through the year in order, up to now; the earliest are left off past the limit. */
  path: RecordedRagRating[];
  /** Whether earlier ratings of the year were left off the path. */
  pathCut: boolean;
  now: RecordedRagRating;
  /** Changes of rating during the year (a child's first rating is not a change). */
  changes: number;
  compared: ComparedWithYearAgo;
}

/** How serious a rating is among the service's levels (0 is the most); a rating the service no longer offers comes last. */
function seriousness(levels: readonly RagLevel[], rating: RecordedRagRating): number {
  const at = levels.findIndex((l) => l.rating === rating);
  return at === -1 ? levels.length : at;
}

/**
 * More serious means higher in the service's levels: blue (in hospital) above red, a level a
 * service added (yellow) where the service put it. A child admitted from red is more serious.
 */
export function comparedWithYearAgo(levels: readonly RagLevel[], atStart: RecordedRagRating | null, now: RecordedRagRating): ComparedWithYearAgo {
  if (atStart === null) return "new";
  const difference = seriousness(levels, now) - seriousness(levels, atStart);
  return difference < 0 ? "more-serious" : difference > 0 ? "less-serious" : "same";
}

export function childRatingYear(levels: readonly RagLevel[], facts: ChildRatingFacts): ChildRatingYear {
  const kept = facts.recent.slice(0, ratingPathLimit);
  const pathCut = facts.givenInYear > kept.length;
  const held = [...(pathCut || facts.atStart === null ? [] : [facts.atStart]), ...[...kept].reverse()];
  const path = held.filter((rating, i) => i === 0 || rating !== held[i - 1]);
  const now = facts.now;
  const joined = facts.atStart === null;
  return {
    caseId: facts.caseId,
    name: facts.name,
    atStart: facts.atStart,
    joinedOn: joined ? facts.firstRatedOn : null,
    path,
    pathCut,
    now,
    changes: joined ? Math.max(0, facts.givenInYear - 1) : facts.givenInYear,
    compared: comparedWithYearAgo(levels, facts.atStart, now),
  };
}

const comparedOrder: readonly ComparedWithYearAgo[] = ["more-serious", "new", "less-serious", "same"];

/**
 * The children in the order a service lead reads them: more serious than a year ago first, then
 * those new this year, less serious, and the same; within each the most serious now first, then
 * by name.
 */
export function childrenInReportOrder(levels: readonly RagLevel[], children: readonly ChildRatingYear[]): ChildRatingYear[] {
  return [...children].sort(
    (a, b) =>
      comparedOrder.indexOf(a.compared) - comparedOrder.indexOf(b.compared) ||
      seriousness(levels, a.now) - seriousness(levels, b.now) ||
      a.name.localeCompare(b.name, "en-GB"),
  );
}

export type ComparedCounts = Record<ComparedWithYearAgo, number>;

export function comparedCounts(children: readonly ChildRatingYear[]): ComparedCounts {
  const counts: ComparedCounts = { "more-serious": 0, "less-serious": 0, same: 0, new: 0 };
  for (const child of children) counts[child.compared] += 1;
  return counts;
}

/** One keyworker's caseload: the children they are keyworker for, and second keyworker for. */
export interface KeyworkerCaseload {
  id: string;
  name: string;
  keyworkerFor: number;
  secondKeyworkerFor: number;
  /** Both together: the caseload held against the limit. */
  children: number;
}

export type CaseloadStanding = { standing: "over"; by: number } | { standing: "at" } | { standing: "under"; by: number };

/** Over means more children than the limit (the service's rule: "more than this many"); at the limit is not over. */
export function caseloadStanding(children: number, limit: number): CaseloadStanding {
  if (children > limit) return { standing: "over", by: children - limit };
  if (children === limit) return { standing: "at" };
  return { standing: "under", by: limit - children };
}

/** A CETR counts as held once it has taken place: held, or its report agreed since. */
export const heldCetrStatuses = ["held", "agreed"] as const satisfies readonly CetrStatus[];

/** How the actions agreed with one agency stand: still to do includes those overdue. */
export interface ActionFigures {
  agreed: number;
  done: number;
  stillToDo: number;
  overdue: number;
  /** Closed without being done (cancelled). */
  closed: number;
}

export interface AgencyActions extends ActionFigures {
  /** null: actions with no agency named and no owner who works for one. */
  id: string | null;
  name: string;
}

/** The CETRs held in one quarter, and how the actions agreed at them stand today. */
export interface CetrQuarter extends ReportPeriod, Omit<ActionFigures, "agreed"> {
  held: number;
  /** Actions agreed at them. */
  actions: number;
}

/** The database's figures for a quarter, by its first day. */
export interface CetrQuarterCount extends Omit<CetrQuarter, keyof ReportPeriod> {
  first: string;
}

/** Each quarter with its figures: none held is a quarter of noughts, not a missing one. */
export function cetrQuarters(counts: readonly CetrQuarterCount[], quarters: readonly ReportPeriod[]): CetrQuarter[] {
  return quarters.map((quarter) => {
    const found = counts.find((c) => c.first === quarter.first);
    return { ...quarter, held: found?.held ?? 0, actions: found?.actions ?? 0, done: found?.done ?? 0, stillToDo: found?.stillToDo ?? 0, overdue: found?.overdue ?? 0, closed: found?.closed ?? 0 };
  });
}

/** What `GET /api/reports/service` answers. */
export interface ServiceReport {
  today: string;
  serviceName: string;
  /** The levels the figures are in, most serious first. */
  levels: ReportLevel[];
  /** Children at each rating at the end of each month, oldest first; the last is this month so far. */
  months: RatingsAtMonthEnd[];
  children: {
    /** The first day of the report's year: "a year ago" is the day before it. */
    yearStartsOn: string;
    /** Every child with a rating. */
    total: number;
    compared: ComparedCounts;
    /** In report order, no more than the limit. */
    listed: ChildRatingYear[];
  };
  caseloads: { limit: number; keyworkers: KeyworkerCaseload[] };
  /** The actions agreed since `since` (the report's first day), as they stand today, most overdue first. */
  actionsByAgency: { since: string; agencies: AgencyActions[] };
  cetrQuarters: CetrQuarter[];
}
