/** The network map's downloads: GET /api/documents/:documentId/map.svg and map.png (see map-export.ts). */
import { uuidSchema } from "@roundtable/domain";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../http/app-env.js";
import { parseOrThrow } from "../http/validate.js";
import { exportNetworkMap, type MapExportDeps, type MapFormat } from "./map-export.js";

export function networkMapRoutes(deps: MapExportDeps) {
  const download = (format: MapFormat) => async (c: Context<AppEnv>) => {
    const documentId = parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
    const { filename, contentType, body } = await exportNetworkMap(deps, c.get("person"), documentId, format, c.req.raw.signal);
    return c.body(body, 200, {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    });
  };
  return new Hono<AppEnv>().get("/:documentId/map.svg", download("svg")).get("/:documentId/map.png", download("png"));
}
