/**
 * A meeting as an iCalendar (RFC 5545) invite, so people can add it to Outlook or a phone
 * calendar. ical-generator writes the calendar, escapes TEXT values and folds long lines; this
 * module decides what may reach it: plain text with its line breaks made one kind, and links the
 * URL parser accepts.
 */
import ical, { escape as escapeIcalText, ICalCalendarMethod } from "ical-generator";

export interface IcsEvent {
  uid: string;
  startsAt: Date;
  durationMinutes: number;
  title: string;
  location: string | null;
  description: string;
  url: string | null;
  now?: Date;
}

// Every kind of line break people's text may hold (CRLF, a bare CR, NEL, Unicode's separators).
const lineBreak = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// Control characters other than tab (and the line breaks above): RFC 5545's TEXT has no place
// for them, and the library passes them through as they are.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what this is for.
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text with every line break written as LF (which the library escapes) and other control characters dropped. */
function plainText(value: string): string {
  return value.replace(lineBreak, "\n").replace(controlCharacter, "");
}

/** A URI value as the URL parser writes it (line breaks removed, other controls percent-encoded), or nothing. */
export function uriValue(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const href = new URL(value).href;
  return /^[\x21-\x7e]+$/.test(href) ? href : null;
}

export function meetingIcs(e: IcsEvent): string {
  const calendar = ical({
    prodId: { company: "Roundtable", product: "Keyworking meetings", language: "EN" },
    scale: "GREGORIAN",
    method: ICalCalendarMethod.PUBLISH,
  });
  const url = e.url ? uriValue(e.url) : null;
  calendar.createEvent({
    // The library writes the UID as given, though RFC 5545 makes it TEXT: escape it here.
    id: escapeIcalText(plainText(e.uid), false),
    stamp: e.now ?? new Date(),
    start: e.startsAt,
    end: new Date(e.startsAt.getTime() + e.durationMinutes * 60_000),
    summary: plainText(e.title),
    location: e.location ? plainText(e.location) : null,
    description: plainText(e.description),
    // The library escapes the URL as if it were TEXT; a URI has no escapes, so the two
    // characters it would touch are percent-encoded first.
    url: url ? url.replace(/;/g, "%3B").replace(/,/g, "%2C") : null,
  });
  // RFC 5545 ends every content line with CRLF, the last one too; the library leaves it off.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
