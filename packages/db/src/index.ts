export * from "./database.js";
export * as schema from "./schema.js";
export * from "./json-rows.js";
export * from "./insert-rows.js";
export * from "./execute-rows.js";
