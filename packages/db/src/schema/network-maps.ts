/**
 * What a service keeps about its network maps in Postgres (the maps themselves are Yjs
 * documents): the relationships its service lead adds to the ones every service has, offered
 * when two people on a map are connected. A map's document keeps each relationship as plain text,
 * so nothing refers to these rows: removing one leaves the maps as they are.
 */
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { services } from "./records.js";

export const relationshipLabels = pgTable(
  "relationship_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    /** As the service lead wrote it (trimmed, at most 60 characters: relationshipLabelSchema). */
    label: text("label").notNull(),
    /** Its place in the service's list, the first 0; kept 0, 1, 2… by the one use-case that writes them. */
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Never two the same whatever their capitals, even when two service leads add one at once.
  (t) => [uniqueIndex("relationship_labels_service_label_unique").on(t.serviceId, sql`lower(${t.label})`), index("relationship_labels_service_idx").on(t.serviceId, t.position)],
);
