/**
 * Arithmetic on calendar dates written as ISO dates ("2026-12-01"), as the register reckons
 * them: whole days, and months the way Postgres adds them (31 January plus one month is the
 * last day of February), so a date worked out here and one worked out in a query agree; and a
 * date in words as the app writes it ("Wed 16 Dec 2026", "Sep" for September whatever the
 * runtime's locale data says).
 */

function utcDay(iso: string): Date {
  const day = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) throw new Error(`Not an ISO date: ${iso}`);
  return day;
}

function isoOf(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The date `days` whole days after `iso` (before it, when negative). */
export function plusDays(iso: string, days: number): string {
  const day = utcDay(iso);
  day.setUTCDate(day.getUTCDate() + days);
  return isoOf(day);
}

/** The same day of the month `months` months later, or that month's last day when it is shorter. */
export function plusMonths(iso: string, months: number): string {
  const day = utcDay(iso);
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastOfTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day.getUTCDate(), lastOfTarget));
  return isoOf(target);
}

/** Whole days from `from` to `to`: negative when `to` comes first. */
export function wholeDaysBetween(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);
}

const weekdayWords = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const monthWords = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "Wed 16 Dec 2026". */
export function calendarDayWords(iso: string): string {
  const day = utcDay(iso);
  return `${weekdayWords[day.getUTCDay()]} ${day.getUTCDate()} ${monthWords[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}
