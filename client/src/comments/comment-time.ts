/**
 * When a comment was written, the way people say it: "Today, 19:40", "25 Nov, 19:40", and the
 * year only when it is not this one. Always UK time, so everyone on a case sees the same time.
 */
import { ukMoment } from "../layout/uk-time";

export function formatCommentTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "Time not known";
  const when = ukMoment(date);
  const today = ukMoment(now);
  if (when.day === today.day && when.month === today.month && when.year === today.year) return `Today, ${when.time}`;
  const year = when.year === today.year ? "" : ` ${when.year}`;
  return `${when.day} ${when.monthName}${year}, ${when.time}`;
}
