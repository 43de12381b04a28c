/**
 * What a map drawing worker is asked to draw, and how it draws it (ADR 0037): a map as a PNG, or
 * a care plan's whole PDF with its maps at the end, each from the map as read (SVG and all drawn
 * on the worker). The jobs and their answers are plain
 * data, copied between threads; the drawing is the same code the server used on its own thread,
 * so the bytes are the same.
 */
import { writeDocumentPdf, type DocumentPdfContent } from "../documents/document-pdf-layout.js";
import { drawCarePlanMaps, type CarePlanMapsContent } from "./map-pdf-pages.js";
import { rasteriseMap } from "./map-png.js";
import { drawMapSvg, type DrawnMap } from "./map-svg.js";

export type MapDrawingJob = { kind: "png"; map: DrawnMap } | { kind: "care-plan-pdf"; content: DocumentPdfContent; maps: CarePlanMapsContent };

/** To the worker: one job at a time. */
export interface MapDrawingRequest {
  id: number;
  job: MapDrawingJob;
}

/** From the worker: the job's bytes, or what went wrong (its name and code only: no map's words). */
export type MapDrawingAnswer = { id: number; ok: true; bytes: Uint8Array<ArrayBuffer> } | { id: number; ok: false; error: { name: string; code: string | null } };

export async function drawMapJob(job: MapDrawingJob): Promise<Uint8Array> {
  switch (job.kind) {
    case "png":
      return rasteriseMap(drawMapSvg(job.map));
    case "care-plan-pdf":
      return writeDocumentPdf(job.content, (w) => drawCarePlanMaps(w, job.maps));
  }
}
