/** Today's date where the service works (England), as an ISO date — the day an action becomes overdue. */
export function todayInEngland(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
