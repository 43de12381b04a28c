/**
 * The register's signals: facts about a child on the Dynamic Support Register that need a person
 * to look, each said in one plain-English line. Pure: the server gathers the facts (in a few
 * set-based queries) and asks these functions, so the rules can be read and tested in one place.
 *
 * The service sets the numbers (services.red_without_cetr_weeks, inpatient_cetr_every_months,
 * rating_unchanged_weeks, caseload_limit). Every comparison is with whole days in England:
 * "in the last 12 weeks" means after the day 84 days before today, so a signal appears on the
 * day something falls due, not the day after.
 */
import type { RecordedRagRating } from "../rag-rating.js";
import { calendarDayWords, plusDays, plusMonths, wholeDaysBetween } from "./calendar-days.js";

/** What a service has set for its register's signals. */
export interface RegisterSettings {
  /** A red child with no CETR held in this many weeks. */
  redWithoutCetrWeeks: number;
  /** A child in hospital (blue) is due a CETR this many months after the last one held. */
  inpatientCetrEveryMonths: number;
  /** A rating unchanged this many weeks is worth a look. */
  ratingUnchangedWeeks: number;
  /** A keyworker holding more than this many children is over their caseload. */
  caseloadLimit: number;
}

/** How soon before it is due a blue child's next CETR is flagged. */
export const cetrDueSoonDays = 14;

/** What the register knows about one child, as the signals need it. */
export interface RegisterChildFacts {
  rating: RecordedRagRating;
  /** The day (in England) the child's current rating was given: their last rating change. */
  ratedOn: string;
  /** The last CETR held for the child (held, or with its report agreed), or null when none has been. */
  lastCetrHeldOn: string | null;
  /** The soonest CETR arranged for today or later, if one is. */
  cetrArrangedOn: string | null;
  keyworker: { name: string } | null;
  secondKeyworker: { name: string } | null;
  /** How many children the keyworker is keyworker for across the service (second keyworkers not counted). */
  keyworkerCaseload: number;
}

export const registerSignalKinds = ["inpatient-cetr-due", "red-without-cetr", "no-keyworker", "keyworker-over-caseload", "rating-unchanged"] as const;
export type RegisterSignalKind = (typeof registerSignalKinds)[number];

export interface RegisterSignal {
  kind: RegisterSignalKind;
  /** One line, in plain English, saying what needs a look and why. */
  text: string;
}

/**
 * When the child's next CETR is due, as the register shows and sorts it:
 * - in hospital (blue): the service's number of months after the last CETR held; with none held,
 *   from the day they were rated blue (a child in hospital needs one at once);
 * - red: the service's number of weeks after the last CETR held (when the red signal would
 *   appear); with none held, from the day they were rated red;
 * - any other rating: none. An amber or green child may still have a CETR, but none is due by
 *   the register's rules; a CETR requested or arranged for them shows on their case.
 * The same rule is written as SQL for sorting the register (server/src/register); a test there
 * holds the two together.
 */
export function nextCetrDueOn(facts: Pick<RegisterChildFacts, "rating" | "ratedOn" | "lastCetrHeldOn">, settings: RegisterSettings): string | null {
  if (facts.rating === "blue") return facts.lastCetrHeldOn ? plusMonths(facts.lastCetrHeldOn, settings.inpatientCetrEveryMonths) : facts.ratedOn;
  if (facts.rating === "red") return facts.lastCetrHeldOn ? plusDays(facts.lastCetrHeldOn, settings.redWithoutCetrWeeks * 7) : facts.ratedOn;
  return null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Blue, and the next CETR due within two weeks or overdue. Not when one is arranged in time. */
function inpatientCetrDue(facts: RegisterChildFacts, settings: RegisterSettings, today: string): RegisterSignal | null {
  if (facts.rating !== "blue") return null;
  const due = nextCetrDueOn(facts, settings)!;
  const daysLeft = wholeDaysBetween(today, due);
  if (daysLeft > cetrDueSoonDays) return null;
  const arranged = facts.cetrArrangedOn;
  if (daysLeft >= 0 && arranged !== null && arranged <= due) return null;
  const arrangedNote = arranged ? ` One is arranged for ${calendarDayWords(arranged)}.` : " None is arranged yet.";
  let text: string;
  if (facts.lastCetrHeldOn === null) text = `In hospital with no CETR held: one has been due since ${calendarDayWords(due)}, when the rating became blue.`;
  else if (daysLeft < 0) text = `In hospital: the next CETR is overdue. It was due on ${calendarDayWords(due)}, ${plural(-daysLeft, "day")} ago.`;
  else if (daysLeft === 0) text = "In hospital: the next CETR is due today.";
  else text = `In hospital: the next CETR is due on ${calendarDayWords(due)}, in ${plural(daysLeft, "day")}.`;
  return { kind: "inpatient-cetr-due", text: text + arrangedNote };
}

/** Red, and no CETR held in the service's number of weeks. */
function redWithoutCetr(facts: RegisterChildFacts, settings: RegisterSettings, today: string): RegisterSignal | null {
  if (facts.rating !== "red") return null;
  const weeks = plural(settings.redWithoutCetrWeeks, "week");
  if (facts.lastCetrHeldOn === null) return { kind: "red-without-cetr", text: `Red with no CETR in the last ${weeks}: none has been held.` };
  if (wholeDaysBetween(facts.lastCetrHeldOn, today) < settings.redWithoutCetrWeeks * 7) return null;
  return { kind: "red-without-cetr", text: `Red with no CETR in the last ${weeks}: the last was held on ${calendarDayWords(facts.lastCetrHeldOn)}.` };
}

/** Amber or red (the ratings that are allocated a keyworker), with neither a keyworker nor a second keyworker. */
function noKeyworker(facts: RegisterChildFacts): RegisterSignal | null {
  if (facts.rating !== "amber" && facts.rating !== "red") return null;
  if (facts.keyworker || facts.secondKeyworker) return null;
  return { kind: "no-keyworker", text: `${facts.rating === "red" ? "Red" : "Amber"} with no keyworker allocated.` };
}

/** The child's keyworker is keyworker for more children than the service's limit. */
function keyworkerOverCaseload(facts: RegisterChildFacts, settings: RegisterSettings): RegisterSignal | null {
  if (!facts.keyworker || facts.keyworkerCaseload <= settings.caseloadLimit) return null;
  return {
    kind: "keyworker-over-caseload",
    text: `Their keyworker, ${facts.keyworker.name}, is keyworker for ${facts.keyworkerCaseload} children: over the limit of ${settings.caseloadLimit}.`,
  };
}

/** The rating has not changed for the service's number of weeks or more. */
function ratingUnchanged(facts: RegisterChildFacts, settings: RegisterSettings, today: string): RegisterSignal | null {
  const days = wholeDaysBetween(facts.ratedOn, today);
  if (days < settings.ratingUnchangedWeeks * 7) return null;
  return { kind: "rating-unchanged", text: `Rating unchanged for ${plural(Math.floor(days / 7), "week")}, since ${calendarDayWords(facts.ratedOn)}.` };
}

/** Every signal for this child today, most pressing first (the order of registerSignalKinds). */
export function registerSignals(facts: RegisterChildFacts, settings: RegisterSettings, today: string): RegisterSignal[] {
  return [
    inpatientCetrDue(facts, settings, today),
    redWithoutCetr(facts, settings, today),
    noKeyworker(facts),
    keyworkerOverCaseload(facts, settings),
    ratingUnchanged(facts, settings, today),
  ].filter((s): s is RegisterSignal => s !== null);
}
