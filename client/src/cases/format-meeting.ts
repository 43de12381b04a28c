/**
 * Meeting times as people in the UK write them: "Tue 2 Dec 2025, 10:00", always in UK time so
 * everyone on a case sees the same time whatever their device is set to.
 */
import { ukMoment } from "../layout/uk-time";

export function formatMeetingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "Date not known";
  const m = ukMoment(date);
  return `${m.weekday} ${m.day} ${m.monthName} ${m.year}, ${m.time}`;
}

export function formatNextMeeting(iso: string | null): string {
  return iso === null ? "None booked" : formatMeetingTime(iso);
}
