/**
 * Due dates are calendar dates ("2026-12-11"), not moments: they are compared as text and
 * written the way people in the UK write them, "Fri 11 Dec 2026". "Today" is today in the UK
 * (`ukToday` in layout/uk-time.ts), so an action is overdue at the same moment for everyone.
 */
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date as a UTC midnight, or null when the text is not a real ISO date. */
function parseIsoDate(iso: string): Date | null {
  const match = isoDatePattern.exec(iso);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** The ISO date `days` days after (or before, if negative) `iso`. */
export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`Not an ISO date: ${iso}`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null unless both are real dates. */
export function daysBetween(from: string, to: string): number | null {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (!start || !end) return null;
  return Math.round((end.getTime() - start.getTime()) / 86_400_000);
}

/** "Fri 11 Dec 2026"; "No due date" when there is none. */
export function formatDueDate(iso: string | null): string {
  if (iso === null) return "No due date";
  const date = parseIsoDate(iso);
  if (!date) return "Date not known";
  return `${weekdays[date.getUTCDay()]} ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * A date worth saving as a due date. A date box reports every step while a year is typed
 * ("0002", "0020", "0202", "2026"); only a real date in a sensible year is shared.
 */
export function isPlausibleDueDate(value: string): boolean {
  const date = parseIsoDate(value);
  if (!date) return false;
  const year = date.getUTCFullYear();
  return year >= 2000 && year <= 2100;
}

/**
 * The question to ask before saving a due date that has already passed (an action due then is
 * overdue the moment it is saved, which is rarely what was meant); null for today or later.
 */
export function pastDueDateQuestion(value: string, today: string): string | null {
  if (!isIsoDate(value) || value >= today) return null;
  return `${formatDueDate(value)} has already passed, so this action will show as overdue straight away. Is that the date you meant?`;
}
