/**
 * When a comment was written, the way people say it: "Today, 19:40", "25 Nov, 19:40", and the
 * year only when it is not this one. Always UK time, so everyone on a case sees the same time.
 */
import { ukDayKey, ukMoment } from "../layout/uk-time";

export function formatCommentTime(iso: string, now: Date = new Date()): string {
  const when = ukMoment(iso);
  if (!when) return "Time not known";
  if (ukDayKey(iso) === ukDayKey(now)) return `Today, ${when.time}`;
  const year = when.year === ukMoment(now)?.year ? "" : ` ${when.year}`;
  return `${when.day} ${when.monthShort}${year}, ${when.time}`;
}
