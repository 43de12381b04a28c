/**
 * A network map as pages of a PDF: on a page turned on its side, "Who is involved: <title>" and
 * the map drawn from the very SVG that map.svg downloads, as shapes and text in the DejaVu Sans
 * the PNG uses (so the PDF and the downloads agree, it prints sharp at any size, and its words
 * can be searched); then, on upright pages, the people on it in words, by where they stand, for
 * reading without the picture and for printing in black and white. A care plan's maps are
 * drawn one after another, and named when left out (`drawCarePlanMaps`). Pure: draws into the
 * writer it is given, from plain data, so a drawing worker can draw them too (ADR 0037).
 */
import { mapNodeKindLabels, mapNodeStatuses, mapNodeStatusLabels, type Visibility } from "@roundtable/domain";
import type PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { PdfWriter } from "../pdf/pdf-writer.js";
import { mapFontFiles } from "./map-png.js";
import { drawMapSvg, type DrawnMap, type DrawnNode } from "./map-svg.js";
import type { StoredMapDrawing } from "./stored-map.js";

const fontNames = { regular: "MapDejaVuSans", bold: "MapDejaVuSans-Bold" };
/**
 * At most this many PDF points to an SVG unit (a CSS pixel's size): a small map is drawn at the
 * size a browser shows it, its 13 px words at about 10 pt, rather than blown up to fill the page.
 */
const largestScale = 0.75;

/** "Worker 2" before "Worker 10". */
const byName = new Intl.Collator("en-GB", { numeric: true });

/**
 * A map the family may not see says so on each of its pages, as a professionals-only document's
 * PDF does: a keyworker's copy of a plan the family reads may hold it, and be printed for a meeting.
 */
const notForTheFamily: Record<Visibility, string | null> = {
  family: null,
  professionals: "Professionals only. Do not share with the family or the young person.",
  "young-person": "For the young person and their keyworker only. Do not share it with anyone else.",
};

/** A care plan's maps as its PDF draws them: plain data, to be copied to a drawing worker as it is. */
export interface CarePlanMapsContent {
  maps: readonly { about: { title: string; visibility: Visibility }; map: DrawnMap }[];
  /** The titles of the maps the reader may open that are not drawn, to name them. */
  leftOut: readonly string[];
}

/** Each map on its pages, in order, then a note naming those left out. */
export function drawCarePlanMaps(writer: PdfWriter, { maps, leftOut }: CarePlanMapsContent): void {
  for (const { about, map } of maps) drawMapPages(writer, about, { drawing: drawMapSvg(map), nodes: map.nodes });
  if (leftOut.length > 0) {
    writer.pdf.moveDown(1);
    const more = leftOut.length === 1 ? "1 more network map is" : `${leftOut.length} more network maps are`;
    writer.note(`${more} not in this PDF, to keep it quick to make and to print: ${leftOut.join("; ")}. Open or download ${leftOut.length === 1 ? "it" : "them"} from the case page.`);
  }
}

export function drawMapPages(writer: PdfWriter, about: { title: string; visibility: Visibility }, map: StoredMapDrawing, onWarning: (warning: string) => void = () => {}): void {
  const { pdf } = writer;
  const heading = (words: string) => {
    writer.sectionHeading(words);
    const warning = notForTheFamily[about.visibility];
    if (warning) writer.warning(warning);
  };
  writer.newPage("landscape");
  heading(`Who is involved: ${about.title}`);
  pdf.moveDown(0.5);
  const { left, right, bottom } = pdf.page.margins;
  const room = { x: left, y: pdf.y, width: pdf.page.width - left - right, height: pdf.page.height - bottom - pdf.y };
  const { svg, width, height } = map.drawing;
  const scale = Math.min(largestScale, room.width / width, room.height / height);
  pdf.registerFont(fontNames.regular, mapFontFiles.regular);
  pdf.registerFont(fontNames.bold, mapFontFiles.bold);
  // The library's types name the PDFKit class where it takes a document.
  SVGtoPDF(pdf as unknown as typeof PDFDocument, svg, room.x + (room.width - width * scale) / 2, room.y, {
    width: width * scale,
    height: height * scale,
    preserveAspectRatio: "xMinYMin meet",
    fontCallback: (_family, bold) => (bold ? fontNames.bold : fontNames.regular),
    warningCallback: onWarning,
  });
  pdf.x = left;
  pdf.y = room.y + height * scale;
  peopleInWords(writer, () => heading(`Who is involved: ${about.title}, in words`), map.nodes);
}

/** What the map's box says of someone, on one line: "Mark Davies – SENCO, Riverside Academy, 01632 960 777". */
function inWords(node: DrawnNode): string {
  const details = [node.kind === "agency" ? mapNodeKindLabels.agency : null, node.role, node.agency, node.contact].filter(Boolean);
  const name = node.name || "(no name)";
  return details.length > 0 ? `${name} \u2013 ${details.join(", ")}` : name;
}

/** The people on the map in words, on upright pages of their own: as the map shows them, by where they stand. */
function peopleInWords(writer: PdfWriter, heading: () => void, nodes: readonly DrawnNode[]): void {
  const others = nodes.filter((n) => n.kind !== "young-person");
  if (others.length === 0) {
    writer.pdf.moveDown(1);
    writer.note("Nobody else is on this map yet.");
    return;
  }
  writer.newPage("portrait");
  heading();
  for (const status of mapNodeStatuses) {
    const here = others.filter((n) => n.status === status).sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.id, b.id));
    if (here.length === 0) continue;
    writer.subheading(`${mapNodeStatusLabels[status]} (${here.length})`);
    for (const node of here) writer.bullet(inWords(node));
  }
}
