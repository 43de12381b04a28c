/** Dates on invitations as people in the UK write them: "9 December 2025", in UK time. */
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

export function formatInvitationDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "Date not known" : longDate.format(date);
}
