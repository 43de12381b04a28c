export * from "./protocol.js";
export * from "./room.js";
export * from "./rich-text.js";
export * from "./care-plan.js";
export * from "./document-json.js";
export * from "./minutes.js";
export * from "./document-size.js";
export * from "./nesting-depth.js";
