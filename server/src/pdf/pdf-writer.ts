/**
 * One PDF writer for Roundtable's records (meeting minutes, care plans, CETR reports): a title
 * block, labelled details, a document's blocks (headings, paragraphs, lists and action items with
 * owner, due date and status), tables, and a footer on every page saying whose copy it is. Pure:
 * tests read back what it writes.
 */
import { actionStatusLabels, actionStatusSchema, textOf, ukCalendarDate, type DocNode } from "@roundtable/domain";
import { drawTable } from "./pdf-table.js";
import { pdfSafeText } from "./pdf-text.js";

export interface PdfCopy {
  title: string;
  /** What this copy is, e.g. "Agreed minutes" or "Version: as it stands now". */
  versionLabel: string;
  downloadedBy: string;
  downloadedAt: Date;
  /** Leave page content uncompressed (tests read the text back). */
  compress?: boolean;
}

export interface PdfWriter {
  /** Text in the standard fonts' characters only (see pdfSafeText). */
  write(text: string, options?: PDFKit.Mixins.TextOptions): void;
  /** "What it is", the title, and which version: the top of the first page. */
  titleBlock(kindWords: string): void;
  warning(text: string): void;
  detail(label: string, value: string): void;
  sectionHeading(text: string): void;
  /** A heading inside a section. */
  subheading(text: string): void;
  /** One item of a bulleted list. */
  bullet(text: string): void;
  note(text: string): void;
  rule(): void;
  /** A new page, upright or turned on its side (for a wide picture); text that runs over goes on to pages like it. */
  newPage(layout: "portrait" | "landscape"): void;
  /** A document's blocks; action owners named from `names` (people and agencies by id). */
  blocks(doc: DocNode, names: ReadonlyMap<string, string>, emptyWords: string): void;
  /**
   * A table across the page: `widths` are the columns' shares of the page's width (e.g. [4, 2,
   * 1, 1]). Text wraps inside its cell; the headings are drawn again at the top of each new page;
   * a row moves whole to the next page, and only a row taller than a page is split across pages.
   */
  table(headings: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): void;
  readonly pdf: PDFKit.PDFDocument;
}

const margin = 56;
/** Nesting deeper than this is drawn at this indent. */
const maxIndentLevels = 8;
/** Where a bulleted item's words start, from the margin. */
const bulletIndent = 22;
const colours = { text: "#212b32", secondary: "#4c6272", rule: "#d8dde0", action: "#005eb8", warning: "#d5281b" };

/** What is left to draw: a block at a depth, or a step such as a list item's first line. */
type Work = { node: DocNode; depth: number } | (() => void);

const londonShort = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

function dueDateWords(iso: unknown): string {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "no due date";
  return `due ${ukCalendarDate(iso)}`;
}

/**
 * Writes one PDF: `draw` lays out the content, then every page gets its footer. pdfkit (with
 * fontkit and its fonts' code) is loaded when the first PDF is asked for, not at start: most
 * servers' days go by without one, and loaded it is several MB of the process's memory (ADR 0038).
 */
export async function writePdf(copy: PdfCopy, draw: (writer: PdfWriter) => void): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const pdf = new PDFDocument({
    size: "A4",
    margin,
    bufferPages: true,
    compress: copy.compress ?? true,
    // Made when it was downloaded: with the date pinned, the same content makes the same bytes.
    info: { Title: pdfSafeText(copy.title), Author: "Roundtable", Subject: `${copy.versionLabel}: ${pdfSafeText(copy.title)}`, CreationDate: copy.downloadedAt },
    lang: "en-GB",
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - margin * 2;
  const write = (text: string, options: PDFKit.Mixins.TextOptions = {}) => void pdf.text(pdfSafeText(text), options);
  const rule = () => {
    const y = pdf.y;
    pdf.save().moveTo(margin, y).lineTo(pdf.page.width - margin, y).lineWidth(1).strokeColor(colours.rule).stroke().restore();
  };

  const writer: PdfWriter = {
    pdf,
    write,
    titleBlock(kindWords) {
      pdf.fillColor(colours.secondary).font("Helvetica").fontSize(10);
      write(`Roundtable \u2013 ${kindWords}`);
      pdf.moveDown(0.3).fillColor(colours.text).font("Helvetica-Bold").fontSize(20);
      write(copy.title);
      pdf.moveDown(0.2).font("Helvetica").fontSize(11).fillColor(colours.secondary);
      write(copy.versionLabel);
    },
    warning(text) {
      pdf.moveDown(0.4).font("Helvetica-Bold").fontSize(11).fillColor(colours.warning);
      write(text);
      pdf.fillColor(colours.text);
    },
    detail(label, value) {
      pdf.font("Helvetica-Bold").fontSize(11).fillColor(colours.text);
      write(`${label}: `, { continued: true });
      pdf.font("Helvetica");
      write(value);
    },
    sectionHeading(text) {
      pdf.font("Helvetica-Bold").fontSize(14).fillColor(colours.text);
      write(text);
    },
    subheading(text) {
      pdf.moveDown(0.4).font("Helvetica-Bold").fontSize(12).fillColor(colours.text);
      write(text);
      pdf.moveDown(0.1);
    },
    bullet(text) {
      pdf.font("Helvetica").fontSize(11).fillColor(colours.text);
      // The bullet and the item's first line on one page; lines after the first hang under its words.
      if (pdf.y + pdf.currentLineHeight(true) > pdf.page.maxY()) writer.newPage(pdf.page.layout === "landscape" ? "landscape" : "portrait");
      const y = pdf.y;
      pdf.text("\u2022", margin + 8, y, { lineBreak: false });
      pdf.text(pdfSafeText(text), margin + bulletIndent, y, { width: pdf.page.width - margin * 2 - bulletIndent });
      pdf.x = margin;
    },
    note(text) {
      pdf.font("Helvetica-Oblique").fontSize(11).fillColor(colours.secondary);
      write(text);
      pdf.fillColor(colours.text);
    },
    rule() {
      pdf.moveDown(0.6);
      rule();
      pdf.moveDown(0.6);
    },
    newPage(layout) {
      pdf.addPage({ size: "A4", layout, margin });
    },
    blocks(doc, names, emptyWords) {
      const blocks = doc.content ?? [];
      if (blocks.every((b) => textOf(b).trim() === "")) writer.note(emptyWords);
      // A work list, not recursion: a document nested thousands of levels deep must still export.
      const work: Work[] = blocks.map((node) => ({ node, depth: 0 })).reverse();
      for (let next = work.pop(); next; next = work.pop()) {
        if (typeof next === "function") next();
        else renderBlock(next.node, next.depth, work, names);
      }
    },
    table(headings, rows, widths) {
      drawTable(pdf, { left: margin, width }, headings, rows, widths);
    },
  };

  function renderBlock(node: DocNode, depth: number, work: Work[], names: ReadonlyMap<string, string>): void {
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
          (typeof attrs.ownerId === "string" && names.get(attrs.ownerId)) ||
          (typeof attrs.ownerAgencyId === "string" && names.get(attrs.ownerAgencyId)) ||
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
        rule();
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

  draw(writer);

  // Footer on every page: whose copy, when, and the page number (across the page, upright or on its side).
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.height - margin + 16;
    const pageWidth = pdf.page.width - margin * 2;
    const oldBottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // let the footer sit in the margin without starting a new page
    pdf.font("Helvetica").fontSize(8).fillColor(colours.secondary);
    pdf.text(
      pdfSafeText(
        `Downloaded by ${copy.downloadedBy} on ${londonShort.format(copy.downloadedAt)}. Contains personal information about children: keep it safe and do not forward it.`,
      ),
      margin,
      bottom,
      { width: pageWidth - 60, lineBreak: true },
    );
    pdf.text(`Page ${i - range.start + 1} of ${range.count}`, margin + pageWidth - 60, bottom, { width: 60, align: "right" });
    pdf.page.margins.bottom = oldBottomMargin;
  }
  pdf.end();
  return finished;
}
