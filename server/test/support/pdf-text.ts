/**
 * The lines of text in a PDFKit file, compressed or not: each page stream inflated, then each
 * TJ array's hex strings decoded (PDFKit writes text that way).
 */
import { inflateSync } from "node:zlib";

export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const streams: string[] = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) continue;
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // Not a compressed stream (an image, fonts, or already plain text).
    }
  }
  const lines: string[] = [];
  for (const text of streams) {
    for (const [, array] of text.matchAll(/\[([^\]]*)\] TJ/g)) {
      const hex = [...array!.matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]).join("");
      lines.push(Buffer.from(hex, "hex").toString("latin1"));
    }
  }
  return lines;
}
