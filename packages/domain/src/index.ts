export * from "./roles.js";
export * from "./rag-rating.js";
export * from "./documents.js";
export * from "./permissions.js";
export * from "./care-plan-template.js";
export * from "./presence.js";
export * from "./api.js";
