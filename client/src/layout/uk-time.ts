/**
 * A moment as UK clocks show it, whatever the device is set to, so everyone on a case sees the
 * same time: the pieces each screen builds its own wording from ("Tue 2 Dec 2025, 10:00").
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

export interface UkMoment {
  weekday: string;
  day: number;
  month: number;
  /** "Jan" … "Dec". */
  monthName: string;
  year: number;
  /** "09:05" */
  time: string;
}

export function ukMoment(date: Date): UkMoment {
  const parts = ukParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const month = Number(part("month"));
  return {
    weekday: part("weekday"),
    day: Number(part("day")),
    month,
    monthName: months[month - 1] ?? part("month"),
    year: Number(part("year")),
    time: `${part("hour")}:${part("minute")}`,
  };
}
