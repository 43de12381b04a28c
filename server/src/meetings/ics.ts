/** A meeting as an iCalendar (RFC 5545) invite, so people can add it to Outlook or a phone calendar. */
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

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

// Every kind of line break people's text may hold (CRLF, a bare CR, NEL, Unicode's separators).
const lineBreak = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// Control characters other than tab (and the line breaks above): RFC 5545's TEXT has no place
// for them, and a bare CR would end the line for some calendar programs, letting text add lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what this is for.
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A TEXT value: every line break becomes an escaped newline, other control characters are
 * dropped, and backslash, semicolon and comma are escaped.
 */
export function escapeText(value: string): string {
  return value
    .replace(lineBreak, "\n")
    .replace(controlCharacter, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A URI value as the URL parser writes it (line breaks removed, other controls percent-encoded), or nothing. */
export function uriValue(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const href = new URL(value).href;
  return /^[\x21-\x7e]+$/.test(href) ? href : null;
}

/** Lines longer than 75 octets are folded: CRLF then a space, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function meetingIcs(e: IcsEvent): string {
  const end = new Date(e.startsAt.getTime() + e.durationMinutes * 60_000);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Roundtable//Keyworking meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${stamp(e.now ?? new Date())}`,
    `DTSTART:${stamp(e.startsAt)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${escapeText(e.title)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.url && uriValue(e.url) ? [`URL:${uriValue(e.url)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
