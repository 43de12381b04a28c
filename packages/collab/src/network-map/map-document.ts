/**
 * The network map's document model (keep it stable: other tools write into it):
 * `doc.getMap("nodes")` keyed by node id, each a Y.Map of the node's fields
 * (label, kind, status, x, y, role, contact, agencyId, personId); `doc.getMap("edges")` keyed by
 * edge id, each a Y.Map with from, to and label. Reading it gives plain typed data; what does not
 * fit the model, and any edge whose node is gone (deleted by someone at the same moment as the
 * edge was drawn), is left out rather than read as an error.
 */
import { mapEdgeFieldsSchema, mapNodeFieldsSchema, type MapEdge, type MapNode, type NetworkMap } from "@roundtable/domain";
import * as Y from "yjs";

export const networkMapRoots = { nodes: "nodes", edges: "edges" } as const;

export type MapEntry = Y.Map<unknown>;

export function mapNodesOf(doc: Y.Doc): Y.Map<MapEntry> {
  return doc.getMap<MapEntry>(networkMapRoots.nodes);
}

export function mapEdgesOf(doc: Y.Doc): Y.Map<MapEntry> {
  return doc.getMap<MapEntry>(networkMapRoots.edges);
}

/** An entry's fields as a plain object (whatever their types), or null when the entry is not a Y.Map. */
export function entryFields(entry: unknown): Record<string, unknown> | null {
  return entry instanceof Y.Map ? Object.fromEntries(entry.entries()) : null;
}

export function readMapNode(id: string, entry: unknown): MapNode | null {
  const parsed = mapNodeFieldsSchema.safeParse(entryFields(entry));
  if (!parsed.success) return null;
  const { role, contact, agencyId, personId, ...fields } = parsed.data;
  return { id, ...fields, role: role ?? null, contact: contact ?? null, agencyId: agencyId ?? null, personId: personId ?? null };
}

export function readMapEdge(id: string, entry: unknown): MapEdge | null {
  const parsed = mapEdgeFieldsSchema.safeParse(entryFields(entry));
  return parsed.success ? { id, ...parsed.data } : null;
}

/** The map as plain data, nodes and edges each in id order so that every replica reads the same. */
export function readNetworkMap(doc: Y.Doc): NetworkMap {
  const nodes: MapNode[] = [];
  for (const [id, entry] of sortedEntries(mapNodesOf(doc))) {
    const node = readMapNode(id, entry);
    if (node) nodes.push(node);
  }
  const present = new Set(nodes.map((n) => n.id));
  const edges: MapEdge[] = [];
  for (const [id, entry] of sortedEntries(mapEdgesOf(doc))) {
    const edge = readMapEdge(id, entry);
    if (edge && present.has(edge.from) && present.has(edge.to)) edges.push(edge);
  }
  return { nodes, edges };
}

function sortedEntries(map: Y.Map<MapEntry>): [string, MapEntry][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
