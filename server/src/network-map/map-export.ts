/**
 * GET /api/documents/:id/map.svg and map.png: a network map drawn on the server from the document
 * as it stands, with linked team members and agencies as they are now (linked-details.ts), so the
 * file is the same whoever asks, and the young person's picture when the map has one. Refused as
 * opening the document would be; a download on the audit trail like the PDF.
 */
import { readNetworkMap } from "@roundtable/collab";
import type { Db } from "@roundtable/db";
import * as Y from "yjs";
import { documentAccessFor } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import { recordExported } from "../documents/documents.js";
import { HttpError } from "../errors.js";
import { downloadName } from "../http/download-name.js";
import { drawnNodes } from "./linked-details.js";
import { rasteriseMap } from "./map-png.js";
import { drawMapSvg } from "./map-svg.js";
import { storedMapPicture, type MapPicture } from "./map-picture.js";

export const mapFormats = {
  svg: "image/svg+xml; charset=utf-8",
  png: "image/png",
} as const;
export type MapFormat = keyof typeof mapFormats;

/**
 * resvg draws PNG and JPEG pictures but not WebP: a WebP picture is left out of the PNG download
 * (the box is drawn without it) rather than drawn as an empty circle. The SVG download has it.
 */
const rasterisable = (picture: MapPicture) => picture.contentType !== "image/webp";

export interface MapExport {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

export async function exportNetworkMap(deps: { db: Db; registry: RoomRegistry }, person: Person, documentId: string, format: MapFormat): Promise<MapExport> {
  const { db, registry } = deps;
  const { document, caseName } = orRefuse(await documentAccessFor(db, person, documentId));
  if (document.kind !== "network-map") {
    throw new HttpError(400, "This document is not a network map, so there is no map to download. Download it as a PDF instead.");
  }
  const doc = new Y.Doc();
  let map: ReturnType<typeof readNetworkMap>;
  try {
    Y.applyUpdate(doc, await registry.readState(documentId));
    map = readNetworkMap(doc);
  } finally {
    doc.destroy();
  }
  const picture = await storedMapPicture(db, documentId);
  const drawing = drawMapSvg({
    title: document.title,
    about: caseName,
    nodes: await drawnNodes(db, person, document.caseId, map.nodes),
    edges: map.edges,
    picture: picture && (format === "svg" || rasterisable(picture)) ? `data:${picture.contentType};base64,${Buffer.from(picture.bytes).toString("base64")}` : null,
  });
  const body = format === "svg" ? new TextEncoder().encode(drawing.svg) : new Uint8Array(rasteriseMap(drawing));
  await recordExported(db, person, document, { format });
  return { filename: `${downloadName(document.title, "network-map")}.${format}`, contentType: mapFormats[format], body };
}
