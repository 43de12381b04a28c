/**
 * Meeting times as people in the UK write them: "Tue 2 Dec 2025, 10:00", always in UK time so
 * everyone on a case sees the same time whatever their device is set to.
 */
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "short",
  day: "numeric",
  month: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatMeetingTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "Date not known";
  const part = (type: Intl.DateTimeFormatPartTypes) => ukParts.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  const month = months[Number(part("month")) - 1] ?? part("month");
  return `${part("weekday")} ${Number(part("day"))} ${month} ${part("year")}, ${part("hour")}:${part("minute")}`;
}

export function formatNextMeeting(iso: string | null): string {
  return iso === null ? "None booked" : formatMeetingTime(iso);
}
