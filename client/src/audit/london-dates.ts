/**
 * When something happened to a child's records, in the words people use and always in UK time,
 * so a parent reading on a phone abroad sees the same time as the keyworker in the office:
 * "Wednesday 25 November 2026, 19:40", or just the day, the date or the time.
 */
const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

interface UkMoment {
  year: number;
  month: number;
  day: number;
  time: string;
}

function ukMoment(iso: string): UkMoment | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = ukParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: Number(part("year")), month: Number(part("month")), day: Number(part("day")), time: `${part("hour")}:${part("minute")}` };
}

function weekday({ year, month, day }: UkMoment): string {
  // The UK calendar day, not the instant: its weekday does not depend on the time zone.
  return weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? "";
}

/** "3 November 2026". */
export function formatUkDate(iso: string): string {
  const when = ukMoment(iso);
  if (!when) return "date not known";
  return `${when.day} ${months[when.month - 1]} ${when.year}`;
}

/** "Wednesday 25 November 2026". */
export function formatUkDay(iso: string): string {
  const when = ukMoment(iso);
  if (!when) return "Date not known";
  return `${weekday(when)} ${formatUkDate(iso)}`;
}

/** "19:40". */
export function formatUkClock(iso: string): string {
  return ukMoment(iso)?.time ?? "time not known";
}

/** "Wednesday 25 November 2026, 19:40". */
export function formatUkDateTime(iso: string): string {
  const when = ukMoment(iso);
  if (!when) return "Time not known";
  return `${formatUkDay(iso)}, ${when.time}`;
}

/** "2026-11-25": the UK calendar day, for grouping; the same for every moment of that day. */
export function ukDayKey(iso: string): string {
  const when = ukMoment(iso);
  if (!when) return "unknown";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${when.year}-${pad(when.month)}-${pad(when.day)}`;
}
