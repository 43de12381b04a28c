import { describe, expect, it } from "vitest";
import { type IcsEvent, meetingIcs, uriValue } from "./ics.js";

const meeting: IcsEvent = {
  uid: "m1@roundtable",
  startsAt: new Date("2026-12-03T10:00:00Z"),
  durationMinutes: 60,
  title: "Review meeting",
  location: null,
  description: "",
  url: null,
  now: new Date("2026-11-25T09:00:00Z"),
};
// Folded lines joined again (RFC 5545 3.1: CRLF then one space is taken away).
const unfolded = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");
const property = (ics: string, name: string) => unfolded(ics).find((l) => l.startsWith(`${name}:`));

describe("meeting invites (.ics)", () => {
  it("describes the meeting with UTC times and escaped text", () => {
    const ics = meetingIcs({
      uid: "m1@roundtable",
      startsAt: new Date("2026-12-03T10:00:00Z"),
      durationMinutes: 90,
      title: "Review meeting: Jamie Walker",
      location: "Riverside Academy, room 4; ask at reception",
      description: "Please bring your updates.\nMinutes follow.",
      url: null,
      now: new Date("2026-11-25T09:00:00Z"),
    });
    expect(ics.split("\r\n")).toEqual(
      expect.arrayContaining([
        "DTSTART:20261203T100000Z",
        "DTEND:20261203T113000Z",
        "DTSTAMP:20261125T090000Z",
        "LOCATION:Riverside Academy\\, room 4\\; ask at reception",
        "DESCRIPTION:Please bring your updates.\\nMinutes follow.",
      ]),
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("folds long lines at 75 octets without splitting characters", () => {
    const line = `SUMMARY:${"é".repeat(60)}`;
    const ics = meetingIcs({ ...meeting, title: "é".repeat(60), description: "a\\b" });
    for (const part of ics.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(ics.split("\r\n").some((part) => part.startsWith(" é"))).toBe(true);
    expect(property(ics, "SUMMARY")).toBe(line);
    expect(property(ics, "DESCRIPTION")).toBe("DESCRIPTION:a\\\\b");
  });

  it("lets no text field start a line of its own: a bare CR, any line break and other control characters", () => {
    const injected = "Review\rATTENDEE:mailto:someone@evil.example\r\nX-A:1\nX-B:2\u2028X-C:3\u0085X-D:4\u000bX-E\u0000\u001b\u007f\u009b";
    const ics = meetingIcs({
      uid: `m1@roundtable\rX-UID:1`,
      startsAt: new Date("2026-12-03T10:00:00Z"),
      durationMinutes: 60,
      title: injected,
      location: injected,
      description: injected,
      url: "https://roundtable.example.org/meetings/m1\r\nX-URL:1",
      now: new Date("2026-11-25T09:00:00Z"),
    });
    const lines = ics.split("\r\n").filter(Boolean);
    // Every line is a property of ours or the continuation of a folded one.
    const names = lines.filter((l) => !l.startsWith(" ")).map((l) => l.split(/[:;]/)[0]);
    expect(names).toEqual(["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN", "UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL", "END", "END"]);
    // Nothing but CRLF ends a line, and no control character is left anywhere (tab aside).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test.
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(property(ics, "SUMMARY")).toBe("SUMMARY:Review\\nATTENDEE:mailto:someone@evil.example\\nX-A:1\\nX-B:2\\nX-C:3\\nX-D:4X-E");
  });

  it("escapes a bare CR, a lone LF, commas, semicolons and backslashes, and folds a long non-ASCII summary into CRLF lines of at most 75 octets", () => {
    // Twenty characters (one outside the Basic Multilingual Plane), ten times over.
    const unit = "Zoë, café; 日本 \\ 😀 ñá";
    const title = unit.repeat(10);
    expect(Array.from(title)).toHaveLength(200);
    const ics = meetingIcs({ ...meeting, title, location: "Room 4\rfloor 2\nback door", description: "one\rtwo\nthree, four; five \\ six\r\nseven" });

    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const parts = ics.split("\r\n").slice(0, -1);
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      // A fold inside a character would leave half of it on each line.
      expect(Buffer.from(part).toString()).toBe(part);
    }
    expect(parts.filter((part) => part.startsWith(" ")).length).toBeGreaterThanOrEqual(4);

    expect(property(ics, "SUMMARY")).toBe(`SUMMARY:${"Zoë\\, café\\; 日本 \\\\ 😀 ñá".repeat(10)}`);
    expect(property(ics, "LOCATION")).toBe("LOCATION:Room 4\\nfloor 2\\nback door");
    expect(property(ics, "DESCRIPTION")).toBe("DESCRIPTION:one\\ntwo\\nthree\\, four\\; five \\\\ six\\nseven");
  });

  it("keeps tabs, and writes a URI as the URL parser does, or leaves it out", () => {
    expect(property(meetingIcs({ ...meeting, description: "a\tb" }), "DESCRIPTION")).toBe("DESCRIPTION:a\tb");
    expect(uriValue("https://meet.example.org/a b\r\n")).toBe("https://meet.example.org/a%20b");
    expect(uriValue("not a link")).toBeNull();
  });
});
