/**
 * A network map read from the document as it is stored (what the room holds, else the saved
 * state), with linked team members and agencies as this reader sees them on the case page: the
 * one map behind map.svg, map.png and the map's pages in the care plan's PDF. Reading is all that
 * happens here; drawing it (map-svg.ts) is left to whoever draws, on a drawing worker for the
 * PNG and the PDF (ADR 0037).
 */
import { readNetworkMap } from "@roundtable/collab";
import type { Db } from "@roundtable/db";
import * as Y from "yjs";
import type { DocumentAccess } from "../access/access.js";
import type { Person } from "../auth/sessions.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import { drawnNodes } from "./linked-details.js";
import { storedMapPicture, type MapPicture } from "./map-picture.js";
import type { DrawnMap, DrawnNode, MapSvg } from "./map-svg.js";

/** A map drawn, for its pages in a PDF. */
export interface StoredMapDrawing {
  drawing: MapSvg;
  /** The nodes as drawn, for saying them in words beside the picture. */
  nodes: readonly DrawnNode[];
}

/**
 * Which pictures the drawing may hold: any, for the SVG download; only those resvg (the PNG) and
 * pdfkit (the PDF) can draw — PNG and JPEG, not WebP. A WebP picture is left out of those (the
 * box is drawn without it) rather than drawn as an empty circle.
 */
export type PicturesFor = "any" | "drawn-by-resvg";

const pictureFits = (picture: MapPicture, picturesFor: PicturesFor) => picturesFor === "any" || picture.contentType !== "image/webp";

/** The caller has checked that the person may open the document (`opened`). */
export async function readStoredMap(deps: { db: Db; registry: RoomRegistry }, person: Person, opened: Pick<DocumentAccess, "document" | "caseName">, picturesFor: PicturesFor): Promise<DrawnMap> {
  const { document, caseName } = opened;
  const doc = new Y.Doc();
  let map: ReturnType<typeof readNetworkMap>;
  try {
    Y.applyUpdate(doc, await deps.registry.readState(document.id));
    map = readNetworkMap(doc);
  } finally {
    doc.destroy();
  }
  const nodes = await drawnNodes(deps.db, person, document.caseId, map.nodes);
  const stored = await storedMapPicture(deps.db, document.id);
  const picture = stored && pictureFits(stored, picturesFor) ? `data:${stored.contentType};base64,${Buffer.from(stored.bytes).toString("base64")}` : null;
  return { title: document.title, about: caseName, nodes, edges: map.edges, picture };
}
