/**
 * The young person's picture on a network map, at most one a map: kept beside the map's
 * document, not in it (ADR 0035, later notes), so the shared document stays small and the
 * picture can be taken away for good. Bounded in size and pixels where it is taken in
 * (packages/domain map-picture.ts).
 */
import type { MapPictureType } from "@roundtable/domain";
import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { documents, people } from "./records.js";

export const mapPictures = pgTable("map_pictures", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  picture: bytea("picture").notNull(),
  /** What the file's own bytes say it is, not what the browser claimed. */
  contentType: text("content_type").$type<MapPictureType>().notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  /** The picture's SHA-256, hex: its ETag, so a browser asks again cheaply. */
  digest: text("digest").notNull(),
  addedBy: uuid("added_by").references(() => people.id),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
});
