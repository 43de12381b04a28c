/**
 * A meeting's date and time as typed ("2026-12-03", "10:00") are UK time, whatever the device
 * is set to: the same rule as showing them (cases/format-meeting.ts), so a meeting booked for
 * 10:00 shows as 10:00 to everyone.
 */
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^(\d{2}):(\d{2})(?::\d{2})?$/;

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** Minutes the UK clock is ahead of UTC at this moment: 0 in winter, 60 in summer. */
function londonOffsetMinutes(at: number): number {
  const parts = londonParts.formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

export function isRealDate(date: string): boolean {
  const match = datePattern.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

export function isRealTime(time: string): boolean {
  const match = timePattern.exec(time);
  return match !== null && Number(match[1]) < 24 && Number(match[2]) < 60;
}

/** The moment, as an ISO date-time, or null when the date or time is not a real one. */
export function londonTimeToIso(date: string, time: string): string | null {
  if (!isRealDate(date) || !isRealTime(time)) return null;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess is right except within an hour of a clock change: check once more.
  let at = asIfUtc - londonOffsetMinutes(asIfUtc) * 60_000;
  const offsetThen = londonOffsetMinutes(at);
  at = asIfUtc - offsetThen * 60_000;
  return new Date(at).toISOString();
}
