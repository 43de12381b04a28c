/**
 * A document (a care plan with its parts, minutes, a CETR's papers) as a PDF, as it stands now or
 * as a named version kept it; a download on the audit trail. A care plan as it stands now ends
 * with the child's network maps that the reader may open (ADR 0035), drawn by network-map/ and
 * handed in when server.ts wires the app, as network-map/ imports this folder. Such a PDF is
 * drawn whole away from the event loop, by the maps' drawing workers (ADR 0037); the content is
 * read here and drawn by document-pdf-layout.ts either way.
 */
import type { Person } from "../auth/sessions.js";
import { cetrOfDocument } from "../access/cetr-standing.js";
import { downloadName } from "../http/download-name.js";
import { actionOwnerNames } from "../pdf/action-owner-names.js";
import type { PdfWriter } from "../pdf/pdf-writer.js";
import { writeDocumentPdf, type DocumentPdfContent } from "./document-pdf-layout.js";
import { readText, type DocumentRecordDeps } from "./document-record.js";
import { recordExported } from "./documents.js";

/** The child's network maps as the last pages of their care plan's PDF, for one reader. */
export type CarePlanMapPages = (person: Person, caseId: string) => Promise<MapPages>;

export interface MapPages {
  /** How many maps are drawn: none leaves the PDF as it is without them. */
  count: number;
  draw(writer: PdfWriter): void;
  /**
   * The whole PDF, this content with the maps drawn at its end as `draw` draws them, made away
   * from the event loop and within the server's bound on map drawings (a 503 or 429 when past
   * it). Without it, the PDF is drawn here, with `draw`.
   */
  writePdf?(content: DocumentPdfContent, signal?: AbortSignal): Promise<Buffer>;
  /** Once the PDF is made: each map's own audit trail says it was downloaded in it. */
  recordExported(): Promise<void>;
}

export interface DocumentPdfDeps extends DocumentRecordDeps {
  carePlanMaps: CarePlanMapPages;
}

const noMaps: MapPages = { count: 0, draw: () => {}, recordExported: async () => {} };

const londonDay = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });
const londonShort = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });

export async function documentPdf(
  deps: DocumentPdfDeps,
  person: Person,
  documentId: string,
  versionId?: string,
  now = new Date(),
  signal?: AbortSignal,
): Promise<{ filename: string; pdf: Buffer }> {
  const { db } = deps;
  const { opened, version, parts, draftMinutes } = await readText(deps, person, documentId, versionId);
  const { document, caseName } = opened;
  const names = await actionOwnerNames(db, { type: "doc", content: parts.map((p) => p.content) });
  const versionLabel = version
    ? `Version: ${version.name} (saved by ${version.savedBy ?? "someone no longer on Roundtable"} on ${londonShort.format(new Date(version.savedAt))})`
    : draftMinutes
      ? "Version: Draft minutes, not yet agreed"
      : "Version: as it stands now";
  const kindWords = document.kind === "care-plan" ? "care plan" : "document";
  // A CETR's report and summary follow the CETR (ADR 0033): the family reads them once agreed.
  const cetr = document.kind === "cetr" || document.kind === "cetr-summary" ? await cetrOfDocument(db, document.id) : null;
  const professionalsOnly = cetr ? cetr.status !== "agreed" : document.visibility === "professionals";
  // Maps are not kept with a named version: the plan as it was kept goes without today's maps.
  const maps = document.kind === "care-plan" && document.caseId && !version ? await deps.carePlanMaps(person, document.caseId) : noMaps;
  const content: DocumentPdfContent = {
    copy: { title: document.title, versionLabel, downloadedBy: person.name, downloadedAt: now },
    kindWords,
    professionalsOnly,
    caseName,
    produced: londonDay.format(now),
    parts: parts.map(({ title, content }) => ({ title, content })),
    names,
  };
  const pdf = maps.count > 0 && maps.writePdf ? await maps.writePdf(content, signal) : await writeDocumentPdf(content, (w) => maps.draw(w));
  const versionWords = version ? version.name : draftMinutes ? "draft" : "as it stands now";
  await recordExported(db, person, document, { format: "pdf", version: versionWords, ...(maps.count > 0 ? { networkMaps: maps.count } : {}) });
  await maps.recordExported();
  const day = now.toISOString().slice(0, 10);
  return { filename: `${downloadName(document.title, "document")}-${version ? "version" : day}.pdf`, pdf };
}
