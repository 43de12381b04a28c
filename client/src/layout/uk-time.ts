/**
 * UK time (Europe/London), whatever the device is set to, so everyone on a case sees the same
 * moment: a moment's UK date and clock, the words screens build from them ("Wednesday 25
 * November 2026, 19:40"), today's UK date, and a date and time typed as UK time read back into a
 * moment. The one place the client deals with time zones.
 *
 * Built on Intl, whose time-zone data the browser keeps current, rather than date-fns-tz: its
 * `formatInTimeZone` rebuilds the UK wall time in the device's own zone, so a phone in New York
 * shows 03:30 for 02:30 UK time on the night New York's clocks go forward, and its
 * `fromZonedTime` reads the hour repeated when UK clocks go back differently depending on the
 * device. Intl and `Date.UTC` never look at the device's zone.
 */
export const ukTimeZone = "Europe/London";

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
  timeZone: ukTimeZone,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** A moment as UK clocks show it. */
export interface UkMoment {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** "Wednesday". */
  weekday: string;
  /** "Wed". */
  weekdayShort: string;
  /** "November". */
  monthName: string;
  /** "Nov" ("Sep" for September). */
  monthShort: string;
  /** "09:05". */
  time: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The UK date and clock at a moment (a Date or an ISO date-time), or null when it is not a real moment. */
export function ukMoment(when: Date | string): UkMoment | null {
  const date = typeof when === "string" ? new Date(when) : when;
  if (Number.isNaN(date.getTime())) return null;
  const parts = ukParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const [year, month, day, hour, minute] = [part("year"), part("month"), part("day"), part("hour"), part("minute")];
  // The UK calendar day's weekday, which does not depend on any time zone.
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? "";
  const monthName = months[month - 1] ?? "";
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday,
    weekdayShort: weekday.slice(0, 3),
    monthName,
    monthShort: monthName.slice(0, 3),
    time: `${pad(hour)}:${pad(minute)}`,
  };
}

/** "3 November 2026". */
export function formatUkDate(when: Date | string): string {
  const m = ukMoment(when);
  return m ? `${m.day} ${m.monthName} ${m.year}` : "date not known";
}

/** "Wednesday 25 November 2026". */
export function formatUkDay(when: Date | string): string {
  const m = ukMoment(when);
  return m ? `${m.weekday} ${m.day} ${m.monthName} ${m.year}` : "Date not known";
}

/** "19:40". */
export function formatUkClock(when: Date | string): string {
  return ukMoment(when)?.time ?? "time not known";
}

/** "Wednesday 25 November 2026, 19:40". */
export function formatUkDateTime(when: Date | string): string {
  const m = ukMoment(when);
  return m ? `${formatUkDay(when)}, ${m.time}` : "Time not known";
}

/** "2026-11-25": the UK calendar day, for grouping and comparing; the same for every moment of that day. */
export function ukDayKey(when: Date | string): string {
  const m = ukMoment(when);
  return m ? `${m.year}-${pad(m.month)}-${pad(m.day)}` : "unknown";
}

/** Today's date in the UK as "YYYY-MM-DD", whatever the device's own time zone. */
export function ukToday(now: Date = new Date()): string {
  return ukDayKey(now);
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})(?::\d{2})?$/;

/** "2026-12-03" names a day that exists (not 30 February). */
export function isRealDate(date: string): boolean {
  const match = datePattern.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** "10:00" (or "10:00:00") is a time on a 24-hour clock. */
export function isRealTime(time: string): boolean {
  const match = timePattern.exec(time);
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60;
}

/** Minutes the UK clock is ahead of UTC at this moment: 0 in winter, 60 in summer. */
function ukOffsetMinutes(at: number): number {
  const m = ukMoment(new Date(at));
  if (!m) return 0;
  const asUtc = Date.UTC(m.year, m.month - 1, m.day, m.hour, m.minute);
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * A date and time typed as UK time ("2026-12-03", "10:00") as an ISO date-time, or null when the
 * date or time is not a real one. The hour repeated when the clocks go back is read as the
 * second one (GMT); a time skipped when they go forward is read as GMT, an hour later by the clock.
 */
export function ukTimeToIso(date: string, time: string): string | null {
  if (!isRealDate(date) || !isRealTime(time)) return null;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess is right except within an hour of a clock change: check once more.
  const guess = asIfUtc - ukOffsetMinutes(asIfUtc) * 60_000;
  return new Date(asIfUtc - ukOffsetMinutes(guess) * 60_000).toISOString();
}
