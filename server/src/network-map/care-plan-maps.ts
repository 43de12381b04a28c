/**
 * The child's network maps in their care plan's PDF (documents/document-pdf.ts asks; server.ts
 * hands this in): each map of the case that the reader may open, by the same rule as opening it
 * (a professionals-only map never reaches a family's copy), newest first, on pages of its own,
 * within `carePlanPdfMapLimits`; the PDF names any it leaves out. Each map drawn is on its own
 * audit trail as downloaded in the PDF. Given the server's map drawings (server.ts), the PDF
 * is drawn whole on a drawing worker and counts as a map drawing (ADR 0037); without them, on
 * the caller's thread.
 */
import { schema, type Db } from "@roundtable/db";
import { networkMapLimits } from "@roundtable/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { documentAccessFor, type DocumentAccess } from "../access/access.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import type { CarePlanMapPages } from "../documents/document-pdf.js";
import { recordExported } from "../documents/documents.js";
import type { MapDrawings } from "./map-drawings.js";
import { drawCarePlanMaps, type CarePlanMapsContent } from "./map-pdf-pages.js";
import type { DrawnMap } from "./map-svg.js";
import { readStoredMap } from "./stored-map.js";

/**
 * What one PDF draws at most: the newest maps, and only as many people in all as one map may hold
 * (drawing a full map is the costly part of the PDF, ADR 0035), though the newest map always.
 */
export const carePlanPdfMapLimits: { maps: number; people: number } = { maps: 3, people: networkMapLimits.maxNodes };
/** A case's maps looked at for one PDF, newest first: a bound on the rows and access checks. */
const mapsLookedAt = 100;

export function carePlanMapPages(deps: { db: Db; registry: RoomRegistry; mapDrawings?: MapDrawings }, limits = carePlanPdfMapLimits): CarePlanMapPages {
  const { db } = deps;
  return async (person, caseId) => {
    const rows = await db
      .select({ id: schema.documents.id })
      .from(schema.documents)
      .where(and(eq(schema.documents.caseId, caseId), eq(schema.documents.kind, "network-map"), isNull(schema.documents.partOf)))
      .orderBy(desc(schema.documents.createdAt), desc(schema.documents.id))
      .limit(mapsLookedAt);
    const drawn: { opened: DocumentAccess; map: DrawnMap }[] = [];
    const leftOut: string[] = [];
    let people = 0;
    for (const { id } of rows) {
      const opened = await documentAccessFor(db, person, id);
      if (!opened.ok) continue;
      const map = drawn.length < limits.maps ? await readStoredMap(deps, person, opened, "drawn-by-resvg") : null;
      if (!map || (drawn.length > 0 && people + map.nodes.length > limits.people)) {
        leftOut.push(opened.document.title);
        continue;
      }
      people += map.nodes.length;
      drawn.push({ opened, map });
    }
    const content: CarePlanMapsContent = {
      maps: drawn.map(({ opened, map }) => ({ about: { title: opened.document.title, visibility: opened.document.visibility }, map })),
      leftOut,
    };
    const { mapDrawings } = deps;
    return {
      count: drawn.length,
      draw: (writer) => drawCarePlanMaps(writer, content),
      ...(mapDrawings ? { writePdf: (plan, signal) => mapDrawings.carePlanPdf(person, plan, content, signal) } : {}),
      async recordExported() {
        for (const { opened } of drawn) await recordExported(db, person, opened.document, { format: "pdf", in: "care-plan" });
      },
    };
  };
}
