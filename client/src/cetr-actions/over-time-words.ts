/** What the open-and-completed chart and its table say. */
import type { OpenVsCompletedPoint } from "@roundtable/domain";
import { formatDueDate } from "../actions/action-dates";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "3 Feb": short enough for a chart's axis on a phone. */
export function shortDate(iso: string): string {
  const [, month, day] = iso.split("-").map(Number) as [number, number, number];
  return `${day} ${months[month - 1]}`;
}

/** The chart's accessible name: what it shows, and where it starts and ends. */
export function overTimeSummary(points: readonly OpenVsCompletedPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "Chart of CETR actions still to do and done: no figures yet.";
  return (
    `Line chart of CETR actions still to do and done at the end of each week, from the week ending ${formatDueDate(first.weekEnding)} to ${formatDueDate(last.weekEnding)}. ` +
    `Still to do went from ${first.open} to ${last.open}; done from ${first.completed} to ${last.completed}. The same figures are in the table below.`
  );
}
