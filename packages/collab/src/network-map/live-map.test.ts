/**
 * The live reading of a map re-reads only what a change touched: everything else is the same
 * object as before, one transaction is one reading however many entries it changed, and changes
 * made while no one listened are all read when someone listens again. (That it always reads what
 * reading afresh reads, under random concurrent editing, is checked in map-convergence.test.ts.)
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { LiveNetworkMap } from "./live-map.js";
import { addMapNode, connectMapNodes, deleteMapNode, moveMapNode, setMapEdgeLabel } from "./map-changes.js";
import { mapNodesOf, readNetworkMap } from "./map-document.js";
import { newNetworkMapState } from "./new-network-map.js";

function mapWithPeople(count: number) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, newNetworkMapState("Jamie Walker"));
  const ids = Array.from({ length: count }, (_, i) => addMapNode(doc, { label: `Person ${i}`, kind: "person", status: "on-board", x: i * 10, y: 0 }));
  const edges = ids.slice(1).map((id, i) => connectMapNodes(doc, ids[i]!, id, "works with"));
  return { doc, ids, edges };
}

describe("a network map read live", () => {
  it("keeps every node and edge a move did not touch as the same object", () => {
    const { doc, ids } = mapWithPeople(5);
    const live = new LiveNetworkMap(doc);
    const stop = live.subscribe(() => {});
    const before = live.get();
    moveMapNode(doc, ids[2]!, 500, 600);
    const after = live.get();
    expect(after).not.toBe(before);
    expect(after).toEqual(readNetworkMap(doc));
    for (const [i, node] of after.nodes.entries()) {
      if (node.id === ids[2]) expect(node).toMatchObject({ x: 500, y: 600 });
      else expect(node).toBe(before.nodes[i]);
    }
    for (const [i, edge] of after.edges.entries()) expect(edge).toBe(before.edges[i]);
    stop();
  });

  it("reads a node's deletion with its edges once, and a relabelled edge afresh", () => {
    const { doc, ids, edges } = mapWithPeople(4);
    const live = new LiveNetworkMap(doc);
    let readings = 0;
    const stop = live.subscribe(() => readings++);
    deleteMapNode(doc, ids[1]!);
    expect(readings).toBe(1);
    expect(live.get()).toEqual(readNetworkMap(doc));
    expect(live.get().edges.map((e) => e.id)).not.toContain(edges[0]);
    const kept = live.get().edges.find((e) => e.id === edges[2])!;
    setMapEdgeLabel(doc, edges[2]!, "refers to");
    expect(readings).toBe(2);
    const relabelled = live.get().edges.find((e) => e.id === edges[2])!;
    expect(relabelled).not.toBe(kept);
    expect(relabelled.label).toBe("refers to");
    stop();
  });

  it("hides an edge whose node is gone without a change to the edge itself", () => {
    const { doc, ids, edges } = mapWithPeople(3);
    const live = new LiveNetworkMap(doc);
    const stop = live.subscribe(() => {});
    // As if deleted by someone who had not seen the edge: the node goes, the edge stays stored.
    doc.transact(() => mapNodesOf(doc).delete(ids[0]!));
    expect(live.get().edges.map((e) => e.id)).toEqual(readNetworkMap(doc).edges.map((e) => e.id));
    expect(live.get().edges.map((e) => e.id)).not.toContain(edges[0]);
    stop();
  });

  it("reads changes made while no one listened when someone listens again", () => {
    const { doc, ids } = mapWithPeople(3);
    const live = new LiveNetworkMap(doc);
    live.subscribe(() => {})();
    moveMapNode(doc, ids[0]!, -40, 40);
    deleteMapNode(doc, ids[2]!);
    addMapNode(doc, { label: "Dr Ben Carter", kind: "person", status: "to-bring-in", x: 1, y: 1 });
    const stop = live.subscribe(() => {});
    expect(live.get()).toEqual(readNetworkMap(doc));
    stop();
  });
});
