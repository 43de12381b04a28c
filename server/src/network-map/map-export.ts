/**
 * GET /api/documents/:id/map.svg and map.png: a network map drawn on the server from the document
 * as it stands, with linked team members and agencies as they are now and the young person's
 * picture when the map has one (stored-map.ts), so the file is the same whoever asks. Refused as
 * opening the document would be; a download on the audit trail like the PDF. Both count against
 * the person's allowance of map downloads, and the PNG is drawn on a drawing worker within the
 * server's bound on map drawings (map-drawings.ts).
 */
import type { Db } from "@roundtable/db";
import { documentAccessFor } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import { recordExported } from "../documents/documents.js";
import { HttpError } from "../errors.js";
import { downloadName } from "../http/download-name.js";
import type { MapDrawings } from "./map-drawings.js";
import { readStoredMap } from "./stored-map.js";

export const mapFormats = {
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
} as const;
export type MapFormat = keyof typeof mapFormats;

export interface MapExport {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

export interface MapExportDeps {
  db: Db;
  registry: RoomRegistry;
  mapDrawings: MapDrawings;
}

export async function exportNetworkMap(deps: MapExportDeps, person: Person, documentId: string, format: MapFormat, signal?: AbortSignal): Promise<MapExport> {
  const { db } = deps;
  const opened = orRefuse(await documentAccessFor(db, person, documentId));
  const { document } = opened;
  if (document.kind !== "network-map") {
    throw new HttpError(400, "This document is not a network map, so there is no map to download. Download it as a PDF instead.");
  }
  const map = await readStoredMap(deps, person, opened, format === "svg" ? "any" : "drawn-by-resvg");
  const body = format === "svg" ? await deps.mapDrawings.svg(person, map) : await deps.mapDrawings.png(person, map, signal);
  await recordExported(db, person, document, { format });
  return { filename: `${downloadName(document.title, "network-map")}.${format}`, contentType: mapFormats[format], body };
}
