/**
 * When a comment was written, the way people say it: "Today, 19:40", "25 Nov, 19:40", and the
 * year only when it is not this one. Always UK time, so everyone on a case sees the same time.
 */
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function ukDay(date: Date) {
  const parts = ukParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: Number(part("day")), month: Number(part("month")), year: Number(part("year")), time: `${part("hour")}:${part("minute")}` };
}

export function formatCommentTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "Time not known";
  const when = ukDay(date);
  const today = ukDay(now);
  if (when.day === today.day && when.month === today.month && when.year === today.year) return `Today, ${when.time}`;
  const month = months[when.month - 1] ?? String(when.month);
  const year = when.year === today.year ? "" : ` ${when.year}`;
  return `${when.day} ${month}${year}, ${when.time}`;
}
