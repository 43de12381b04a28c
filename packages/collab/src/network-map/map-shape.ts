/**
 * The network map's model as the server holds people's changes to it (see shape-guard.ts): the
 * document has only the `nodes` and `edges` maps; each entry in them is a Y.Map whose fields fit
 * the domain's schemas (a known kind and status, finite positions, bounded words, no field the
 * model does not know, nothing nested); a map has at most so many nodes and edges. An edge whose
 * node is missing is not refused: it may have been drawn while someone deleted that node, which
 * no single update can be blamed for; readers hide it and the next editor prunes it.
 */
import { mapEdgeFieldsSchema, mapIdSchema, mapNodeFieldsSchema, networkMapLimits } from "@roundtable/domain";
import type * as Y from "yjs";
import type { DocumentShape } from "../shape-guard.js";
import { entryFields, mapEdgesOf, mapNodesOf, type networkMapRoots } from "./map-document.js";

type RootName = keyof typeof networkMapRoots;
// biome-ignore lint/suspicious/noExplicitAny: Yjs's own type for "any shared type" (as in Transaction.changed).
type AnyType = Y.AbstractType<any>;

const prefix = "This change does not fit the map: ";

/** The entry of a root a changed type lies in: the root itself (entry null) or the key of its entry there. */
function placeOf(type: AnyType): { root: AnyType; entry: string | null } {
  let entry: string | null = null;
  let current = type;
  while (current._item !== null) {
    entry = current._item.parentSub;
    current = current._item.parent as AnyType;
  }
  return { root: current, entry };
}

function rootName(doc: Y.Doc, root: AnyType): RootName | null {
  if (root === mapNodesOf(doc)) return "nodes";
  if (root === mapEdgesOf(doc)) return "edges";
  return null;
}

/** Why this entry of a root does not fit, or null. */
function entryRefusal(what: "node" | "edge", key: string, entry: unknown): string | null {
  if (!mapIdSchema.safeParse(key).success) return `a ${what}'s id must be 1 to ${networkMapLimits.maxIdLength} characters`;
  const fields = entryFields(entry);
  if (fields === null) return `each ${what} must be a map of its fields`;
  const parsed = (what === "node" ? mapNodeFieldsSchema : mapEdgeFieldsSchema).safeParse(fields);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? `a ${what} is not valid`);
}

export const networkMapShape: DocumentShape = {
  prepare(doc) {
    mapNodesOf(doc);
    mapEdgesOf(doc);
  },

  refusal(doc, transaction) {
    const touched: Record<RootName, Set<string>> = { nodes: new Set(), edges: new Set() };
    for (const [type, keys] of transaction.changed) {
      const { root, entry } = placeOf(type);
      const name = rootName(doc, root);
      if (name === null) return `${prefix}a map holds only its nodes and edges`;
      if (entry !== null) {
        touched[name].add(entry);
        continue;
      }
      for (const key of keys) {
        if (key === null) return `${prefix}${name} must be kept by id`;
        touched[name].add(key);
      }
    }
    const nodes = mapNodesOf(doc);
    const edges = mapEdgesOf(doc);
    for (const key of touched.nodes) {
      const refusal = nodes.has(key) ? entryRefusal("node", key, nodes.get(key)) : null;
      if (refusal !== null) return prefix + refusal;
    }
    for (const key of touched.edges) {
      const refusal = edges.has(key) ? entryRefusal("edge", key, edges.get(key)) : null;
      if (refusal !== null) return prefix + refusal;
    }
    const { maxNodes, maxEdges } = networkMapLimits;
    if (touched.nodes.size > 0 && nodes.size > maxNodes) return `A network map can hold at most ${maxNodes} people and services`;
    if (touched.edges.size > 0 && edges.size > maxEdges) return `A network map can hold at most ${maxEdges} connections`;
    return null;
  },
};
