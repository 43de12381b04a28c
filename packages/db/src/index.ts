export * from "./database.js";
export * from "./test-database.js";
export * as schema from "./schema.js";
