import { describe, expect, it } from "vitest";
import { escapeText, foldLine, meetingIcs, uriValue } from "./ics.js";

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
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n ").join("")).toBe(line);
    expect(escapeText("a\\b")).toBe("a\\\\b");
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
    expect(names).toEqual(["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN", "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL", "END", "END"]);
    // Nothing but CRLF ends a line, and no control character is left anywhere (tab aside).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the test.
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
    const summary = lines.find((l) => l.startsWith("SUMMARY:"));
    expect(summary).toBe("SUMMARY:Review\\nATTENDEE:mailto:someone@evil.example\\nX-A:1\\nX-B:2\\nX-C:3\\nX-D:4X-E".slice(0, 75));
  });

  it("keeps tabs, and writes a URI as the URL parser does, or leaves it out", () => {
    expect(escapeText("a\tb")).toBe("a\tb");
    expect(uriValue("https://meet.example.org/a b\r\n")).toBe("https://meet.example.org/a%20b");
    expect(uriValue("not a link")).toBeNull();
  });
});
