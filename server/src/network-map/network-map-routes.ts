/**
 * The network map's downloads: GET /api/documents/:documentId/map.svg and map.png (see
 * map-export.ts); and the young person's picture (map-picture.ts): GET, PUT and DELETE
 * /api/documents/:documentId/picture.
 */
import { mapPictureMaxBytes, mapPictureTooLargeMessage, mapPictureTypes, mapPictureWrongTypeMessage, uuidSchema } from "@roundtable/domain";
import { type Context, Hono } from "hono";
import type { DocumentSessions } from "../audit/document-sessions.js";
import { documentAuditContextById } from "../audit/document-context.js";
import { HttpError } from "../errors.js";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { limitBodySize } from "../http/body-limit.js";
import { parseOrThrow } from "../http/validate.js";
import { exportNetworkMap, type MapExportDeps, type MapFormat } from "./map-export.js";
import { putMapPicture, readMapPicture, removeMapPicture } from "./map-picture.js";

const picturePath = /^\/api\/documents\/[^/]+\/picture$/;

/**
 * Sending a picture: the file's own bytes, with its own bound, instead of the JSON every other
 * API body is (app.ts leaves it out of those checks). The route still takes only image types,
 * which no HTML form can send, so the API stays closed to forms on other websites.
 */
export const isPictureUpload = (method: string, path: string) => method === "PUT" && picturePath.test(path);

/**
 * A picture is shown only as a picture: never sniffed as something else, never run, never framed.
 * The browser keeps it but asks each time whether it changed (cheaply, by its ETag).
 */
const pictureHeaders = (etag: string) => ({
  ETag: etag,
  "Cache-Control": "private, no-cache",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
});

export function networkMapRoutes(deps: MapExportDeps & Pick<AppDeps, "onMapPictureChanged"> & { documentSessions: DocumentSessions }) {
  const { db, onMapPictureChanged, documentSessions } = deps;
  const documentIdOf = (c: Context<AppEnv>) => parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
  const download = (format: MapFormat) => async (c: Context<AppEnv>) => {
    const { filename, contentType, body } = await exportNetworkMap(deps, c.get("person"), documentIdOf(c), format, c.req.raw.signal);
    return c.body(body, 200, {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    });
  };
  return new Hono<AppEnv>()
    .get("/:documentId/map.svg", download("svg"))
    .get("/:documentId/map.png", download("png"))
    .get("/:documentId/picture", async (c) => {
      const documentId = documentIdOf(c);
      const person = c.get("person");
      const picture = await readMapPicture(db, person, documentId, c.req.header("if-none-match"));
      if (picture.notModified) return c.body(null, 304, pictureHeaders(picture.etag));
      await documentSessions.read(documentId, person, () => documentAuditContextById(db, person, documentId));
      return c.body(new Uint8Array(picture.bytes), 200, { "Content-Type": picture.contentType, ...pictureHeaders(picture.etag) });
    })
    .put("/:documentId/picture", limitBodySize(mapPictureMaxBytes, mapPictureTooLargeMessage), async (c) => {
      const documentId = documentIdOf(c);
      const declared = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
      if (!(mapPictureTypes as readonly string[]).includes(declared ?? "")) throw new HttpError(415, mapPictureWrongTypeMessage);
      const { info, replaced } = await putMapPicture(db, c.get("person"), documentId, async () => new Uint8Array(await c.req.arrayBuffer()));
      onMapPictureChanged(documentId);
      return c.json(info, replaced ? 200 : 201);
    })
    .delete("/:documentId/picture", async (c) => {
      const documentId = documentIdOf(c);
      await removeMapPicture(db, c.get("person"), documentId);
      onMapPictureChanged(documentId);
      return c.body(null, 204);
    });
}
