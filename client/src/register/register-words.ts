/**
 * What the register page says: how many children are listed, each child's CETRs in short lines,
 * the keyworker choices with their caseloads, and what each signal means with the service's own
 * numbers. Gathered here so they can be read and tested in one place.
 */
import { cetrDueSoonDays, type RegisterKeyworker, type RegisterPage, type RegisterRow, type RegisterSettings } from "@roundtable/domain";
import { formatDueDate } from "../actions/action-dates";
import { ukMoment } from "../layout/uk-time";

const children = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "child" : "children"}`;

/** "4 children on the register", "Children 101 to 200 of 5,000 matching these filters", or why there are none. */
export function registerCountText(page: Pick<RegisterPage, "total" | "page" | "pageSize">, shown: number, filtered: boolean): string {
  if (page.total === 0) return filtered ? "No children match these filters." : "There are no children on the register yet.";
  const where = filtered ? (page.total === 1 ? "matches these filters" : "match these filters") : "on the register";
  if (page.total <= page.pageSize && page.page === 1) return `${children(page.total)} ${where}.`;
  if (shown === 0) return `There are ${children(page.total)}, but none on this page. Go back to the first page.`;
  const first = (page.page - 1) * page.pageSize + 1;
  const wording = filtered ? "matching these filters" : "on the register";
  return `Children ${first.toLocaleString("en-GB")} to ${(first + shown - 1).toLocaleString("en-GB")} of ${page.total.toLocaleString("en-GB")} ${wording}.`;
}

/** "Tue 1 Dec 2026": the day in the UK an instant falls on. */
export function formatDay(iso: string): string {
  const m = ukMoment(iso);
  return m ? `${m.weekdayShort} ${m.day} ${m.monthShort} ${m.year}` : "Date not known";
}

/** A child's CETRs in short lines: the last held, the next due (children in hospital and red children), one arranged. */
export function cetrLines(row: Pick<RegisterRow, "lastCetrHeldOn" | "nextCetrDueOn" | "cetrArrangedOn">): string[] {
  const lines = [row.lastCetrHeldOn ? `Last held ${formatDueDate(row.lastCetrHeldOn)}` : "None held"];
  if (row.nextCetrDueOn) lines.push(`Next due ${formatDueDate(row.nextCetrDueOn)}`);
  if (row.cetrArrangedOn) lines.push(`Arranged for ${formatDueDate(row.cetrArrangedOn)}`);
  return lines;
}

/** A keyworker as a filter choice: "Priya Shah (4 children)", saying when they are over the limit. */
export function keyworkerChoice(keyworker: RegisterKeyworker, limit: number): string {
  if (keyworker.caseload === 0) return `${keyworker.name} (second keyworker only)`;
  const over = keyworker.caseload > limit ? ", over the limit" : "";
  return `${keyworker.name} (${children(keyworker.caseload)}${over})`;
}

/** The keyworkers holding more children than the service's limit, most first. */
export function keyworkersOverLimit(keyworkers: readonly RegisterKeyworker[], limit: number): RegisterKeyworker[] {
  return keyworkers.filter((k) => k.caseload > limit).sort((a, b) => b.caseload - a.caseload || a.name.localeCompare(b.name, "en-GB"));
}

const weeks = (n: number) => `${n} ${n === 1 ? "week" : "weeks"}`;
const months = (n: number) => `${n} ${n === 1 ? "month" : "months"}`;

/** What each signal means, with the numbers this service has set. */
export function signalMeanings(settings: RegisterSettings): string[] {
  return [
    `In hospital (blue) and the next CETR is due within ${cetrDueSoonDays} days, or overdue. A child in hospital is due a CETR every ${months(settings.inpatientCetrEveryMonths)}.`,
    `Red, with no CETR held in the last ${weeks(settings.redWithoutCetrWeeks)}.`,
    "Amber or red, with no keyworker allocated.",
    `Their keyworker is keyworker for more than ${settings.caseloadLimit} children.`,
    `The rating has not changed for ${weeks(settings.ratingUnchangedWeeks)} or more.`,
  ];
}
