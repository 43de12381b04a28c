/**
 * A table in a PDF (the CETR report's actions, say): headings, then rows of cells whose text wraps
 * inside its column. The headings are drawn again at the top of each new page; a row moves whole
 * to the next page, and only a row taller than a whole page is split across pages, at a word.
 */
import { pdfSafeText } from "./pdf-text.js";

/** Where on the page the table goes: its left edge and its width. */
export interface TableArea {
  left: number;
  width: number;
}

interface Column {
  x: number;
  width: number;
}

/** Space between a cell's border and its text. */
const cellPadding = 4;
const fontSize = 10;
const colours = { text: "#212b32", border: "#d8dde0", headingFill: "#f0f4f5" };

/** Where each column starts and how wide it is, from the columns' shares of the width (a missing or odd share counts as 1). */
function columnsOf(area: TableArea, shares: readonly number[], count: number): Column[] {
  const each = Array.from({ length: count }, (_, i) => {
    const share = shares[i];
    return share !== undefined && Number.isFinite(share) && share > 0 ? share : 1;
  });
  const total = each.reduce((a, b) => a + b, 0);
  let x = area.left;
  return each.map((share) => {
    const column = { x, width: (area.width * share) / total };
    x += column.width;
    return column;
  });
}

export function drawTable(pdf: PDFKit.PDFDocument, area: TableArea, headings: readonly string[], rows: readonly (readonly string[])[], shares: readonly number[]): void {
  const columns = columnsOf(area, shares, headings.length);
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;

  const cellHeight = (text: string, column: Column) => (text === "" ? pdf.currentLineHeight(true) : pdf.heightOfString(text, { width: column.width - cellPadding * 2 }));
  /** A row's height: its tallest cell, with padding, in the font set now. */
  const rowHeight = (cells: readonly string[]) => Math.max(...columns.map((c, i) => cellHeight(cells[i] ?? "", c))) + cellPadding * 2;

  const drawRow = (cells: readonly string[], heading: boolean) => {
    pdf.font(heading ? "Helvetica-Bold" : "Helvetica").fontSize(fontSize);
    const height = rowHeight(cells);
    const top = pdf.y;
    pdf.save();
    if (heading) pdf.rect(area.left, top, area.width, height).fill(colours.headingFill);
    pdf.lineWidth(0.5).strokeColor(colours.border);
    for (const c of columns) pdf.rect(c.x, top, c.width, height).stroke();
    pdf.restore();
    pdf.fillColor(colours.text);
    columns.forEach((c, i) => {
      const text = cells[i] ?? "";
      if (text !== "") pdf.text(text, c.x + cellPadding, top + cellPadding, { width: c.width - cellPadding * 2 });
    });
    pdf.x = area.left;
    pdf.y = top + height;
  };

  /** As much of a cell's text as fits in `room` points of height, and the rest: whole words, found by halving; at least one word, so the table always moves on. */
  const splitToFit = (text: string, column: Column, room: number): [string, string] => {
    if (cellHeight(text, column) <= room) return [text, ""];
    const words = text.split(/(?<=\s)/);
    let fits = 1;
    let low = 2;
    let high = words.length - 1;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2);
      if (cellHeight(words.slice(0, mid).join("").trimEnd(), column) <= room) {
        fits = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return [words.slice(0, fits).join("").trimEnd(), words.slice(fits).join("")];
  };

  const safeHeadings = headings.map(pdfSafeText);
  pdf.x = area.left;
  pdf.font("Helvetica-Bold").fontSize(fontSize);
  // The headings and a line or two of the first row together, or a new page for both.
  if (pdf.y + rowHeight(safeHeadings) + pdf.currentLineHeight(true) * 2 + cellPadding * 2 > bottom()) pdf.addPage();
  // Whether this page holds only the table's headings so far: a row that does not fit then is taller than a page.
  let freshPage = pdf.y <= pdf.page.margins.top + 1;
  drawRow(safeHeadings, true);

  // A work list, not recursion: a row taller than a page goes back on it as its remainder.
  const work = rows.map((row) => headings.map((_, i) => pdfSafeText(row[i] ?? ""))).reverse();
  for (let row = work.pop(); row; row = work.pop()) {
    pdf.font("Helvetica").fontSize(fontSize);
    if (pdf.y + rowHeight(row) <= bottom()) {
      drawRow(row, false);
      freshPage = false;
      continue;
    }
    if (!freshPage) {
      // It may fit on a page of its own: it starts the next one, after the headings.
      work.push(row);
    } else {
      // Taller than a whole page: this page takes what fits, the rest starts the next.
      const room = bottom() - pdf.y - cellPadding * 2;
      const parts = row.map((text, i) => splitToFit(text, columns[i]!, room));
      drawRow(
        parts.map(([fits]) => fits),
        false,
      );
      const rest = parts.map(([, left]) => left);
      if (rest.every((text) => text.trim() === "")) continue;
      work.push(rest);
    }
    pdf.addPage();
    freshPage = true;
    drawRow(safeHeadings, true);
  }
  pdf.x = area.left;
  pdf.moveDown(0.5);
}
