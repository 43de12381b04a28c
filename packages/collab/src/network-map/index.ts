export * from "./map-document.js";
export * from "./map-changes.js";
export * from "./new-network-map.js";
export * from "./map-shape.js";
export * from "./live-map.js";
