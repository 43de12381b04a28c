/**
 * The Postgres schema: the system of record for structure (who, which case, which document,
 * sessions) and the durable log of every document update. Collaborative content itself is Yjs
 * state, stored as a snapshot plus a tail of updates. Text columns holding a domain value carry
 * its type from packages/domain; what is written is checked at the edges (zod), not here.
 */
export * from "./schema/records.js";
export * from "./schema/around-records.js";
export * from "./schema/register.js";
export * from "./schema/cetr-action-figures.js";
export * from "./schema/icb-oversight.js";
export * from "./schema/map-pictures.js";
export * from "./schema/network-maps.js";
