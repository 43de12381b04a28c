/**
 * Meeting minutes as a PDF: the meeting's details and attendance from the meeting record,
 * then the minutes themselves (headings, paragraphs, lists and action items with owner, due
 * date and status), with a footer on every page saying whose copy it is. A pure function of
 * its input, so tests can read what it writes.
 */
import {
  actionStatusLabels,
  actionStatusSchema,
  attendanceLabels,
  roleLabels,
  textOf,
  withheldSectionsWords,
  type Attendance,
  type DocNode,
  type Meeting,
} from "@roundtable/domain";
import PDFDocument from "pdfkit";
import { pdfSafeText } from "./pdf-text.js";

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

const margin = 56;
/** Nesting deeper than this is drawn at this indent. */
const maxIndentLevels = 8;

/** What is left to draw: a block at a depth, or a step such as a list item's first line. */
type Work = { node: DocNode; depth: number } | (() => void);
const colours = { text: "#212b32", secondary: "#4c6272", rule: "#d8dde0", action: "#005eb8", warning: "#d5281b" };

const londonDateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const londonShort = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
const isoDateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });

function dueDateWords(iso: unknown): string {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "no due date";
  return `due ${isoDateFormat.format(new Date(`${iso}T00:00:00Z`))}`;
}

export function minutesPdf(input: MinutesPdfInput): Promise<Buffer> {
  const { meeting } = input;
  const pdf = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: true,
    compress: input.compress ?? true,
    info: { Title: pdfSafeText(meeting.title), Author: "Roundtable", Subject: `${input.versionLabel}: ${pdfSafeText(meeting.title)}` },
    lang: "en-GB",
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const write = (text: string, options: PDFKit.Mixins.TextOptions = {}) => pdf.text(pdfSafeText(text), options);
  const width = pdf.page.width - margin * 2;

  // Title and what this copy is.
  pdf.fillColor(colours.secondary).font("Helvetica").fontSize(10);
  write("Roundtable \u2013 meeting minutes");
  pdf.moveDown(0.3).fillColor(colours.text).font("Helvetica-Bold").fontSize(20);
  write(meeting.title);
  pdf.moveDown(0.2).font("Helvetica").fontSize(11).fillColor(colours.secondary);
  write(input.versionLabel);
  if (meeting.visibility === "professionals") {
    pdf.moveDown(0.4).font("Helvetica-Bold").fillColor(colours.warning);
    write("Professionals only. Do not share with the family or the young person.");
  }

  // The meeting record.
  pdf.moveDown(0.8).fillColor(colours.text);
  const detail = (label: string, value: string) => {
    pdf.font("Helvetica-Bold").fontSize(11);
    write(`${label}: `, { continued: true });
    pdf.font("Helvetica");
    write(value);
  };
  detail("When", londonDateTime.format(new Date(meeting.startsAt)));
  if (meeting.location) detail("Where", meeting.location);
  if (meeting.onlineLink) detail("Online", meeting.onlineLink);
  detail("Chair", meeting.chair.name);
  detail(meeting.cases.length === 1 && meeting.withheldCases === 0 ? "About" : "Cases reviewed", meeting.cases.map((c) => c.name).join(", "));
  if (meeting.withheldCases > 0) detail("Not in this copy", withheldSectionsWords(meeting.withheldCases));

  pdf.moveDown(0.8).font("Helvetica-Bold").fontSize(14);
  write("Attendance");
  pdf.font("Helvetica").fontSize(11);
  const order: Attendance[] = ["present", "apologies", "written-contribution", "invited"];
  for (const attendance of order) {
    const people = meeting.invitees.filter((i) => i.attendance === attendance);
    if (people.length === 0) continue;
    pdf.moveDown(0.3).font("Helvetica-Bold");
    write(attendance === "invited" ? "Invited (attendance not recorded)" : attendanceLabels[attendance]);
    pdf.font("Helvetica");
    for (const p of people) {
      write(`${p.name} \u2013 ${roleLabels[p.role]}${p.agency ? `, ${p.agency}` : ""}`, { indent: 12 });
    }
  }

  pdf.moveDown(0.6);
  rule(pdf, width);
  pdf.moveDown(0.6);

  // The minutes.
  const blocks = input.minutes.content ?? [];
  if (blocks.every((b) => textOf(b).trim() === "")) {
    pdf.font("Helvetica-Oblique").fontSize(11).fillColor(colours.secondary);
    write("Nothing has been written in the minutes yet.");
  }
  // A work list, not recursion: minutes nested thousands of levels deep must still export.
  const work: Work[] = blocks.map((node) => ({ node, depth: 0 })).reverse();
  for (let next = work.pop(); next; next = work.pop()) {
    if (typeof next === "function") next();
    else renderBlock(next.node, next.depth);
  }

  function renderBlock(node: DocNode, depth: number): void {
    // Past a few levels the indent stops growing, so text never runs off the page.
    const indent = Math.min(depth, maxIndentLevels) * 16;
    pdf.fillColor(colours.text);
    switch (node.type) {
      case "heading": {
        const level = Number(node.attrs?.level ?? 2);
        pdf.moveDown(0.5).font("Helvetica-Bold").fontSize(level <= 1 ? 16 : level === 2 ? 14 : 12);
        write(textOf(node), { indent });
        pdf.moveDown(0.2);
        return;
      }
      case "paragraph": {
        const text = textOf(node);
        pdf.font("Helvetica").fontSize(11);
        if (text.trim() === "") return void pdf.moveDown(0.4);
        write(text, { indent });
        pdf.moveDown(0.3);
        return;
      }
      case "bulletList":
      case "orderedList": {
        const steps: Work[] = [];
        (node.content ?? []).forEach((item, index) => {
          const marker = node.type === "bulletList" ? "\u2022" : `${index + 1}.`;
          const [first, ...rest] = item.content ?? [];
          steps.push(() => {
            pdf.font("Helvetica").fontSize(11);
            write(`${marker}  ${first ? textOf(first) : ""}`, { indent: indent + 8 });
          });
          for (const child of rest) steps.push({ node: child, depth: depth + 1 });
        });
        steps.push(() => void pdf.moveDown(0.3));
        for (let i = steps.length - 1; i >= 0; i--) work.push(steps[i]!);
        return;
      }
      case "actionItem": {
        const attrs = node.attrs ?? {};
        const status = actionStatusSchema.safeParse(attrs.status);
        const owner =
          (typeof attrs.ownerId === "string" && input.names.get(attrs.ownerId)) ||
          (typeof attrs.ownerAgencyId === "string" && input.names.get(attrs.ownerAgencyId)) ||
          "no owner yet";
        pdf.font("Helvetica-Bold").fontSize(11).fillColor(colours.action);
        write("Action: ", { indent, continued: true });
        pdf.fillColor(colours.text);
        write(textOf(node) || "(not written yet)");
        pdf.font("Helvetica").fontSize(10).fillColor(colours.secondary);
        write(`${owner} \u2013 ${dueDateWords(attrs.dueDate)} \u2013 ${actionStatusLabels[status.success ? status.data : "open"]}`, { indent: indent + 46 });
        pdf.moveDown(0.4);
        return;
      }
      case "horizontalRule":
        pdf.moveDown(0.3);
        rule(pdf, width);
        pdf.moveDown(0.3);
        return;
      default: {
        // Anything else (a quote, a future node type): its text, so nothing written is left out.
        const text = textOf(node);
        if (text.trim() === "") return;
        pdf.font("Helvetica").fontSize(11);
        write(text, { indent });
        pdf.moveDown(0.3);
      }
    }
  }

  // Footer on every page: whose copy, when, and the page number.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.height - margin + 16;
    const oldBottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // let the footer sit in the margin without starting a new page
    pdf.font("Helvetica").fontSize(8).fillColor(colours.secondary);
    pdf.text(
      pdfSafeText(
        `Downloaded by ${input.downloadedBy} on ${londonShort.format(input.downloadedAt)}. Contains personal information about children: keep it safe and do not forward it.`,
      ),
      margin,
      bottom,
      { width: width - 60, lineBreak: true },
    );
    pdf.text(`Page ${i - range.start + 1} of ${range.count}`, margin + width - 60, bottom, { width: 60, align: "right" });
    pdf.page.margins.bottom = oldBottomMargin;
  }
  pdf.end();
  return finished;
}

function rule(pdf: PDFKit.PDFDocument, width: number): void {
  const y = pdf.y;
  pdf.save().moveTo(margin, y).lineTo(margin + width, y).lineWidth(1).strokeColor(colours.rule).stroke().restore();
}
