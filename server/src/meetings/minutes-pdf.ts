/**
 * Meeting minutes as a PDF: the meeting's details and attendance from the meeting record,
 * then the minutes themselves, written by the shared PDF writer (server/src/pdf). A pure
 * function of its input, so tests can read what it writes.
 */
import { attendanceLabels, roleLabels, withheldSectionsWords, type Attendance, type DocNode, type Meeting } from "@roundtable/domain";
import { writePdf } from "../pdf/pdf-writer.js";

export interface MinutesPdfInput {
  meeting: Meeting;
  /** The minutes as ProseMirror-style JSON. */
  minutes: DocNode;
  /** Which state this is: "Agreed minutes", or the live draft. */
  versionLabel: string;
  /** Names for action owners: people and agencies by id. */
  names: ReadonlyMap<string, string>;
  downloadedBy: string;
  downloadedAt: Date;
  /** Leave page content uncompressed (tests read the text back). */
  compress?: boolean;
}

const londonDateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function minutesPdf(input: MinutesPdfInput): Promise<Buffer> {
  const { meeting } = input;
  return writePdf({ ...input, title: meeting.title }, (w) => {
    w.titleBlock("meeting minutes");
    if (meeting.visibility === "professionals") w.warning("Professionals only. Do not share with the family or the young person.");

    // The meeting record.
    w.pdf.moveDown(0.8);
    w.detail("When", londonDateTime.format(new Date(meeting.startsAt)));
    if (meeting.location) w.detail("Where", meeting.location);
    if (meeting.onlineLink) w.detail("Online", meeting.onlineLink);
    w.detail("Chair", meeting.chair.name);
    w.detail(meeting.cases.length === 1 && meeting.withheldCases === 0 ? "About" : "Cases reviewed", meeting.cases.map((c) => c.name).join(", "));
    if (meeting.withheldCases > 0) w.detail("Not in this copy", withheldSectionsWords(meeting.withheldCases));

    w.pdf.moveDown(0.8);
    w.sectionHeading("Attendance");
    w.pdf.font("Helvetica").fontSize(11);
    const order: Attendance[] = ["present", "apologies", "written-contribution", "invited"];
    for (const attendance of order) {
      const people = meeting.invitees.filter((i) => i.attendance === attendance);
      if (people.length === 0) continue;
      w.pdf.moveDown(0.3).font("Helvetica-Bold");
      w.write(attendance === "invited" ? "Invited (attendance not recorded)" : attendanceLabels[attendance]);
      w.pdf.font("Helvetica");
      for (const p of people) w.write(`${p.name} \u2013 ${roleLabels[p.role]}${p.agency ? `, ${p.agency}` : ""}`, { indent: 12 });
    }
    w.rule();
    w.blocks(input.minutes, input.names, "Nothing has been written in the minutes yet.");
  });
}
