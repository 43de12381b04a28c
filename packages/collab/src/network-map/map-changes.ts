/**
 * Changing a network map, as the editor, the list view and the server do it: each change is one
 * Yjs transaction (with the caller's origin, so each person's undo manager tracks their own), and
 * what it writes is checked against the model first, so a change the server would refuse is never
 * sent. Deleting a node deletes its edges in the same transaction; an edge drawn to it by someone
 * else at the same moment is hidden when read, and removed by `pruneDanglingEdges`.
 */
import { mapEdgeFieldsSchema, mapNodeChangeSchema, mapNodeFieldsSchema, networkMapLimits, type MapNodeFields } from "@roundtable/domain";
import * as Y from "yjs";
import { entryFields, mapEdgesOf, mapNodesOf, type MapEntry } from "./map-document.js";

/** A change the map cannot take, said in words a person can act on. */
export class MapChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MapChangeError";
  }
}

export interface NewEntryOptions {
  /** The new entry's key; a random id when left out. */
  id?: string;
  origin?: unknown;
}

/** The part of a zod schema used here (packages/collab does not depend on zod itself). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

function checked<T>(schema: Schema<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new MapChangeError(parsed.error.issues[0]?.message ?? "That change does not fit the map");
  return parsed.data;
}

/** Write each field given (undefined leaves a field as it is; null clears it). */
function writeFields(entry: MapEntry, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) entry.set(key, value);
}

function newEntry(map: Y.Map<MapEntry>, fields: Record<string, unknown>, { id = globalThis.crypto.randomUUID(), origin }: NewEntryOptions): string {
  if (map.has(id)) throw new MapChangeError("Something on the map already has that id");
  map.doc!.transact(() => {
    const entry = new Y.Map<unknown>();
    map.set(id, entry);
    writeFields(entry, fields);
  }, origin);
  return id;
}

/** Add a person, an agency or the young person; returns the node's id. */
export function addMapNode(doc: Y.Doc, fields: MapNodeFields, options: NewEntryOptions = {}): string {
  const nodes = mapNodesOf(doc);
  if (nodes.size >= networkMapLimits.maxNodes) {
    throw new MapChangeError(`This map already has ${networkMapLimits.maxNodes} people and services, which is as many as one map can hold.`);
  }
  return newEntry(nodes, checked(mapNodeFieldsSchema, fields), options);
}

/** Change some of a node's fields (relabel, set status, link to a team member…); false when the node is gone. */
export function setMapNodeFields(doc: Y.Doc, id: string, fields: Partial<MapNodeFields>, origin?: unknown): boolean {
  const entry = mapNodesOf(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  // Only what this change writes: the node was checked whole when it was made, and this copy may
  // for a moment lack a field another change replaced (Yjs applies a deletion at once, and holds
  // back the new value until the changes before it arrive).
  checked(mapNodeChangeSchema, definedOnly(fields));
  doc.transact(() => writeFields(entry, fields), origin);
  return true;
}

export function moveMapNode(doc: Y.Doc, id: string, x: number, y: number, origin?: unknown): boolean {
  return setMapNodeFields(doc, id, { x, y }, origin);
}

/** Connect two nodes with a relationship in words; returns the edge's id. */
export function connectMapNodes(doc: Y.Doc, from: string, to: string, label: string, options: NewEntryOptions = {}): string {
  const nodes = mapNodesOf(doc);
  if (!nodes.has(from) || !nodes.has(to)) throw new MapChangeError("One of those two is no longer on the map.");
  if (from === to) throw new MapChangeError("Choose two different people or services to connect.");
  const edges = mapEdgesOf(doc);
  if (edges.size >= networkMapLimits.maxEdges) {
    throw new MapChangeError(`This map already has ${networkMapLimits.maxEdges} connections, which is as many as one map can hold.`);
  }
  return newEntry(edges, checked(mapEdgeFieldsSchema, { from, to, label }), options);
}

/** Change the words of a relationship; false when the edge is gone. */
export function setMapEdgeLabel(doc: Y.Doc, id: string, label: string, origin?: unknown): boolean {
  const entry = mapEdgesOf(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  checked(mapEdgeFieldsSchema, { ...entryFields(entry), label });
  doc.transact(() => entry.set("label", label), origin);
  return true;
}

export function deleteMapEdge(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const edges = mapEdgesOf(doc);
  if (!edges.has(id)) return false;
  doc.transact(() => edges.delete(id), origin);
  return true;
}

/** Delete a node and every edge to or from it, in one transaction; false when it was already gone. */
export function deleteMapNode(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const nodes = mapNodesOf(doc);
  if (!nodes.has(id)) return false;
  const edges = mapEdgesOf(doc);
  doc.transact(() => {
    nodes.delete(id);
    for (const [edgeId, entry] of [...edges.entries()]) {
      const { from, to } = entryFields(entry) ?? {};
      if (from === id || to === id) edges.delete(edgeId);
    }
  }, origin);
  return true;
}

/**
 * Remove every edge whose node is gone (drawn at the same moment as someone deleted the node);
 * returns how many. Run it only on a document in step with the server (after the provider has
 * synced): a copy still catching up may have an edge before the node it points at.
 */
export function pruneDanglingEdges(doc: Y.Doc, origin?: unknown): number {
  const nodes = mapNodesOf(doc);
  const edges = mapEdgesOf(doc);
  const dangling = [...edges.entries()].filter(([, entry]) => {
    const { from, to } = entryFields(entry) ?? {};
    return typeof from !== "string" || typeof to !== "string" || !nodes.has(from) || !nodes.has(to);
  });
  if (dangling.length > 0) {
    doc.transact(() => {
      for (const [edgeId] of dangling) edges.delete(edgeId);
    }, origin);
  }
  return dangling.length;
}

function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
