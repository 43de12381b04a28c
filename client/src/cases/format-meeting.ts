/**
 * Meeting times as people in the UK write them: "Tue 2 Dec 2025, 10:00", always in UK time so
 * everyone on a case sees the same time whatever their device is set to.
 */
import { ukMoment } from "../layout/uk-time";

export function formatMeetingTime(iso: string): string {
  const m = ukMoment(iso);
  if (!m) return "Date not known";
  return `${m.weekdayShort} ${m.day} ${m.monthShort} ${m.year}, ${m.time}`;
}

export function formatNextMeeting(iso: string | null): string {
  return iso === null ? "None booked" : formatMeetingTime(iso);
}
