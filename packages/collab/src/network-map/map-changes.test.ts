import { networkMapLimits } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addMapNode, connectMapNodes, deleteMapNode, MapChangeError, moveMapNode, pruneDanglingEdges, setMapEdgeLabel, setMapNodeFields } from "./map-changes.js";
import { mapEdgesOf, mapNodesOf, readNetworkMap } from "./map-document.js";
import { newNetworkMapState, youngPersonNodeId } from "./new-network-map.js";

function newMap(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, newNetworkMapState("Jamie Walker"));
  return doc;
}

const person = { label: "Mark Davies", kind: "person", status: "to-bring-in", x: 120, y: -40, role: "SENCO" } as const;

describe("a network map", () => {
  it("starts with the young person in the centre, by name", () => {
    expect(readNetworkMap(newMap())).toEqual({
      nodes: [{ id: youngPersonNodeId, label: "Jamie Walker", kind: "young-person", status: "on-board", x: 0, y: 0, role: null, contact: null, agencyId: null, personId: null }],
      edges: [],
    });
  });

  it("adds, moves, relabels and connects people, each change one transaction with the caller's origin", () => {
    const doc = newMap();
    const origins: unknown[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => origins.push(tr.origin));
    const mark = addMapNode(doc, person, { origin: "mine" });
    moveMapNode(doc, mark, 200, 10, "mine");
    setMapNodeFields(doc, mark, { label: "Mark D.", status: "on-board", contact: "01632 960 999" }, "mine");
    const edge = connectMapNodes(doc, youngPersonNodeId, mark, "works with", { origin: "mine" });
    setMapEdgeLabel(doc, edge, "strained", "mine");
    expect(origins).toEqual(["mine", "mine", "mine", "mine", "mine"]);
    const { nodes, edges } = readNetworkMap(doc);
    expect(nodes.find((n) => n.id === mark)).toMatchObject({ label: "Mark D.", status: "on-board", x: 200, y: 10, role: "SENCO", contact: "01632 960 999" });
    expect(edges).toEqual([{ id: edge, from: youngPersonNodeId, to: mark, label: "strained" }]);
  });

  it("deletes a node with all its edges in one transaction", () => {
    const doc = newMap();
    const a = addMapNode(doc, person);
    const b = addMapNode(doc, { ...person, label: "CAMHS", kind: "agency" });
    connectMapNodes(doc, youngPersonNodeId, a, "works with");
    connectMapNodes(doc, b, a, "refers to");
    const kept = connectMapNodes(doc, youngPersonNodeId, b, "works with");
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    expect(deleteMapNode(doc, a)).toBe(true);
    expect(transactions).toBe(1);
    expect([...mapEdgesOf(doc).keys()]).toEqual([kept]);
    expect(deleteMapNode(doc, a)).toBe(false);
  });

  it("hides an edge whose node is gone, and pruning removes it", () => {
    const doc = newMap();
    const a = addMapNode(doc, person);
    const edge = connectMapNodes(doc, youngPersonNodeId, a, "family");
    mapNodesOf(doc).delete(a); // as a concurrent deletion leaves it
    expect(mapEdgesOf(doc).has(edge)).toBe(true);
    expect(readNetworkMap(doc).edges).toEqual([]);
    expect(pruneDanglingEdges(doc)).toBe(1);
    expect(mapEdgesOf(doc).size).toBe(0);
    expect(pruneDanglingEdges(doc)).toBe(0);
  });

  it("reads an entry outside the model as absent, never as an error", () => {
    const doc = newMap();
    const odd = new Y.Map<unknown>();
    mapNodesOf(doc).set("odd", odd);
    odd.set("label", 42);
    mapEdgesOf(doc).set("e", new Y.Map());
    expect(readNetworkMap(doc).nodes.map((n) => n.id)).toEqual([youngPersonNodeId]);
    expect(readNetworkMap(doc).edges).toEqual([]);
  });

  it("refuses, in words, a change the server would refuse", () => {
    const doc = newMap();
    const before = Y.encodeStateVector(doc);
    expect(() => addMapNode(doc, { ...person, label: "x".repeat(networkMapLimits.maxTextLength + 1) })).toThrow(new MapChangeError("Keep a name to 200 characters"));
    expect(() => addMapNode(doc, { ...person, x: Number.NaN })).toThrow(MapChangeError);
    expect(() => setMapNodeFields(doc, youngPersonNodeId, { status: "gone" as never })).toThrow(MapChangeError);
    expect(() => connectMapNodes(doc, youngPersonNodeId, "nobody", "family")).toThrow("One of those two is no longer on the map.");
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
