// Made once: making a formatter costs far more than using one, and lists call this for every row.
const englandDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date where the service works (England), as an ISO date — the day an action becomes overdue. */
export function todayInEngland(now: Date = new Date()): string {
  return englandDate.format(now);
}

const ukDayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", day: "numeric", month: "short", year: "numeric" });
const calendarDayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });

/** The day an instant falls on in England, as people write it: "Tue 1 Dec 2026". */
export function ukDayOf(instant: Date): string {
  return ukDayFormat.format(instant).replace(/,/g, "");
}

/** A calendar date ("2026-12-01", a due date) as people write it: "Tue 1 Dec 2026". */
export function ukCalendarDate(isoDate: string): string {
  return calendarDayFormat.format(new Date(`${isoDate}T00:00:00Z`)).replace(/,/g, "");
}
