import { describe, expect, it } from "vitest";
import { escapeText, foldLine, meetingIcs } from "./ics.js";

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
});
