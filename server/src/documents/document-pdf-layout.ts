/**
 * A document's PDF drawn from what was read for it, as plain data (`DocumentPdfContent`): the
 * title block, the parts' blocks, and whatever the caller draws at its end (a care plan's network
 * maps). Pure, with no database or session: so a care plan with maps can be drawn whole on a
 * drawing worker's thread (network-map/, ADR 0037) and come out the same, byte for byte, as drawn
 * here.
 */
import type { DocNode } from "@roundtable/domain";
import { writePdf, type PdfCopy, type PdfWriter } from "../pdf/pdf-writer.js";

/** Everything the PDF says, read beforehand; it can be copied to another thread as it is. */
export interface DocumentPdfContent {
  copy: PdfCopy;
  /** "care plan" or "document", under the title. */
  kindWords: string;
  professionalsOnly: boolean;
  caseName: string | null;
  /** The day it was made, as the PDF says it ("9 December 2026"). */
  produced: string;
  parts: readonly { title: string; content: DocNode }[];
  /** Action owners by id (people and agencies). */
  names: ReadonlyMap<string, string>;
}

export function writeDocumentPdf(content: DocumentPdfContent, drawAtEnd: (writer: PdfWriter) => void = () => {}): Promise<Buffer> {
  return writePdf(content.copy, (w) => {
    w.titleBlock(content.kindWords);
    if (content.professionalsOnly) w.warning("Professionals only. Do not share with the family or the young person.");
    w.pdf.moveDown(0.8);
    if (content.caseName) w.detail("About", content.caseName);
    w.detail("Produced", content.produced);
    content.parts.forEach((part, index) => {
      w.rule();
      if (index > 0) w.sectionHeading(part.title);
      w.blocks(part.content, content.names, "Nothing has been written here yet.");
    });
    drawAtEnd(w);
  });
}
