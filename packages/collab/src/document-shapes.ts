/** The model each kind of document is held to on the server (see shape-guard.ts); the rich-text kinds have their own limits in the room. */
import type { DocumentKind } from "@roundtable/domain";
import { networkMapShape } from "./network-map/map-shape.js";
import type { DocumentShape } from "./shape-guard.js";

const shapes: Partial<Record<DocumentKind, DocumentShape>> = { "network-map": networkMapShape };

export function documentShapeFor(kind: DocumentKind | null): DocumentShape | undefined {
  return kind === null ? undefined : shapes[kind];
}
