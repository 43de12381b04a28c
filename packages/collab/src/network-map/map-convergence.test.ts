/**
 * Three people edit one network map at once: random adds, moves, relabels, connections and
 * deletions on three replicas, each change reaching the others in a random order (out of order
 * from one sender too, which Yjs holds back until it can apply). Once everything has arrived the
 * three read the same map; no edge a replica can see ever points at a missing node; an edge the
 * deleting replica had seen never survives its node's deletion; and after one editor prunes, no
 * edge to a missing node is stored anywhere. Throughout, each replica's live reading (what an
 * editor draws from) reads exactly what reading the whole map afresh reads.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connectMapNodes, deleteMapNode, moveMapNode, pruneDanglingEdges, setMapNodeFields, addMapNode } from "./map-changes.js";
import { LiveNetworkMap } from "./live-map.js";
import { entryFields, mapEdgesOf, mapNodesOf, readNetworkMap } from "./map-document.js";
import { newNetworkMapState } from "./new-network-map.js";

const replicaCount = 3;
const remote = Symbol("remote");

const replica = fc.nat(replicaCount - 1);
const position = fc.integer({ min: -2000, max: 2000 });
const words = fc.string({ maxLength: 12 });
const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant("add" as const), replica, x: position, y: position, label: words }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("move" as const), replica, pick: fc.nat(), x: position, y: position }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("relabel" as const), replica, pick: fc.nat(), label: words }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant("connect" as const), replica, pick: fc.nat(), other: fc.nat(), label: words }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("delete" as const), replica, pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant("deliver" as const), from: replica, to: replica, pick: fc.nat() }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

class Replicas {
  readonly docs: Y.Doc[] = [];
  /** queues[from][to]: updates made on `from` that `to` has not had yet. */
  private readonly queues: Uint8Array[][][] = [];
  /** Per deletion: the node, and the edges to it that the deleting replica could see. */
  readonly deletions: { node: string; seenEdges: string[] }[] = [];
  private made = 0;

  constructor(start: Uint8Array) {
    for (let i = 0; i < replicaCount; i++) {
      const doc = new Y.Doc();
      doc.clientID = i + 1;
      Y.applyUpdate(doc, start, remote);
      this.queues.push(Array.from({ length: replicaCount }, () => []));
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === remote) return;
        for (let to = 0; to < replicaCount; to++) if (to !== i) this.queues[i]![to]!.push(update);
      });
      this.docs.push(doc);
    }
  }

  private nodeOf(doc: Y.Doc, pick: number): string | undefined {
    const ids = [...mapNodesOf(doc).keys()].sort();
    return ids.length > 0 ? ids[pick % ids.length] : undefined;
  }

  run(c: Command): void {
    if (c.type === "deliver") {
      this.deliver(c.from, c.to, c.pick);
      return;
    }
    const doc = this.docs[c.replica]!;
    const id = `r${c.replica}-${this.made++}`;
    if (c.type === "add") {
      addMapNode(doc, { label: c.label, kind: "person", status: "to-bring-in", x: c.x, y: c.y }, { id });
      return;
    }
    const node = this.nodeOf(doc, c.pick);
    if (node === undefined) return;
    if (c.type === "move") moveMapNode(doc, node, c.x, c.y);
    else if (c.type === "relabel") setMapNodeFields(doc, node, { label: c.label, status: "on-board" });
    else if (c.type === "connect") {
      const other = this.nodeOf(doc, c.other);
      if (other !== undefined && other !== node) connectMapNodes(doc, node, other, c.label, { id });
    } else {
      const seenEdges = [...mapEdgesOf(doc).entries()]
        .filter(([, entry]) => {
          const { from, to } = entryFields(entry) ?? {};
          return from === node || to === node;
        })
        .map(([edgeId]) => edgeId);
      deleteMapNode(doc, node);
      this.deletions.push({ node, seenEdges });
    }
  }

  deliver(from: number, to: number, pick: number): void {
    const queue = this.queues[from]![to]!;
    if (from === to || queue.length === 0) return;
    const [update] = queue.splice(pick % queue.length, 1);
    Y.applyUpdate(this.docs[to]!, update!, remote);
  }

  deliverAll(picks: readonly number[]): void {
    let i = 0;
    for (;;) {
      const pending = this.queues.flatMap((row, from) => row.flatMap((queue, to) => (queue.length > 0 ? [{ from, to }] : [])));
      if (pending.length === 0) return;
      const pick = picks[i++ % Math.max(1, picks.length)] ?? 0;
      const { from, to } = pending[pick % pending.length]!;
      this.deliver(from, to, pick);
    }
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy();
  }
}

/** Stored edges (not only visible ones) whose node is missing. */
function danglingStored(doc: Y.Doc): string[] {
  const nodes = mapNodesOf(doc);
  return [...mapEdgesOf(doc).entries()]
    .filter(([, entry]) => {
      const { from, to } = entryFields(entry) ?? {};
      return !nodes.has(from as string) || !nodes.has(to as string);
    })
    .map(([id]) => id);
}

function expectVisibleEdgesJoinNodes(doc: Y.Doc): void {
  const { nodes, edges } = readNetworkMap(doc);
  const ids = new Set(nodes.map((n) => n.id));
  for (const edge of edges) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
}

describe("three people editing one network map at once", () => {
  it("converge, hide edges to deleted nodes, never keep an edge the deleter saw, and prune the rest", () => {
    const start = newNetworkMapState("Jamie Walker");
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 80 }), fc.array(fc.nat(), { maxLength: 20 }), fc.nat(replicaCount - 1), (commands, finalOrder, pruner) => {
        const replicas = new Replicas(start);
        try {
          const live = replicas.docs.map((doc) => new LiveNetworkMap(doc));
          const stopLive = live.map((l) => l.subscribe(() => {}));
          for (const c of commands) {
            replicas.run(c);
            for (const [i, doc] of replicas.docs.entries()) {
              expectVisibleEdgesJoinNodes(doc);
              expect(live[i]!.get()).toEqual(readNetworkMap(doc));
            }
          }
          for (const stop of stopLive) stop();
          replicas.deliverAll(finalOrder);
          const [first, ...others] = replicas.docs.map((doc) => {
            expect(doc.store.pendingStructs).toBeNull();
            return { map: readNetworkMap(doc), stored: doc.toJSON() };
          });
          for (const other of others) expect(other).toEqual(first);
          const stored = new Set(mapEdgesOf(replicas.docs[0]!).keys());
          for (const { seenEdges } of replicas.deletions) for (const edge of seenEdges) expect(stored.has(edge)).toBe(false);

          pruneDanglingEdges(replicas.docs[pruner]!);
          replicas.deliverAll([0]);
          for (const doc of replicas.docs) {
            expect(danglingStored(doc)).toEqual([]);
            expect(doc.toJSON()).toEqual(replicas.docs[0]!.toJSON());
            expect(readNetworkMap(doc)).toEqual(first!.map);
          }
        } finally {
          replicas.destroy();
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
