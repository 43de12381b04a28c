/**
 * A network map read live, for an editor: after each change it reads again only the nodes and
 * edges that change touched, and every node and edge it did not touch is the very same object as
 * before. A view can then redraw only what moved — on a map of hundreds, re-reading and redrawing
 * everyone for each step of a drag is what made the drawing stutter. What it reads is always what
 * `readNetworkMap` would read (same order, same entries left out).
 */
import type { MapEdge, MapNode, NetworkMap } from "@roundtable/domain";
import type * as Y from "yjs";
import { mapEdgesOf, mapNodesOf, readMapEdge, readMapNode, type MapEntry } from "./map-document.js";

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ids of the entries a transaction's events touched: the root's own keys, and the entry each nested change is in. */
function touchedIds(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], into: Set<string>): void {
  for (const event of events) {
    const [first] = event.path;
    if (typeof first === "string") into.add(first);
    else for (const key of event.changes.keys.keys()) into.add(key);
  }
}

export class LiveNetworkMap {
  private readonly nodes = new Map<string, MapNode>();
  private readonly edges = new Map<string, MapEdge>();
  private nodeIds: string[] = [];
  private edgeIds: string[] = [];
  private readonly touchedNodes = new Set<string>();
  private readonly touchedEdges = new Set<string>();
  private current: NetworkMap;
  private readonly listeners = new Set<() => void>();
  private readonly nodesRoot: Y.Map<MapEntry>;
  private readonly edgesRoot: Y.Map<MapEntry>;

  constructor(private readonly doc: Y.Doc) {
    this.nodesRoot = mapNodesOf(doc);
    this.edgesRoot = mapEdgesOf(doc);
    for (const id of this.nodesRoot.keys()) this.touchedNodes.add(id);
    for (const id of this.edgesRoot.keys()) this.touchedEdges.add(id);
    this.current = this.reread();
  }

  /** The map as last read; the same object until the map changes. */
  readonly get = (): NetworkMap => this.current;

  /** Calls the listener after each transaction that changed the map; returns how to stop. */
  readonly subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  private readonly onNodes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => touchedIds(events, this.touchedNodes);
  private readonly onEdges = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => touchedIds(events, this.touchedEdges);
  private readonly afterTransaction = () => {
    if (this.touchedNodes.size === 0 && this.touchedEdges.size === 0) return;
    this.current = this.reread();
    for (const listener of this.listeners) listener();
  };

  private start(): void {
    // Changes made while no one listened are not known entry by entry: read everything again.
    for (const id of new Set([...this.nodes.keys(), ...this.nodesRoot.keys()])) this.touchedNodes.add(id);
    for (const id of new Set([...this.edges.keys(), ...this.edgesRoot.keys()])) this.touchedEdges.add(id);
    this.current = this.reread();
    this.nodesRoot.observeDeep(this.onNodes);
    this.edgesRoot.observeDeep(this.onEdges);
    this.doc.on("afterTransaction", this.afterTransaction);
  }

  private stop(): void {
    this.nodesRoot.unobserveDeep(this.onNodes);
    this.edgesRoot.unobserveDeep(this.onEdges);
    this.doc.off("afterTransaction", this.afterTransaction);
  }

  private reread(): NetworkMap {
    const nodesChanged = LiveNetworkMap.readTouched(this.touchedNodes, this.nodes, (id) => readMapNode(id, this.nodesRoot.get(id)));
    const edgesChanged = LiveNetworkMap.readTouched(this.touchedEdges, this.edges, (id) => readMapEdge(id, this.edgesRoot.get(id)));
    if (nodesChanged) this.nodeIds = [...this.nodes.keys()].sort(byId);
    if (edgesChanged) this.edgeIds = [...this.edges.keys()].sort(byId);
    const nodes = this.nodeIds.map((id) => this.nodes.get(id)!);
    const edges: MapEdge[] = [];
    for (const id of this.edgeIds) {
      const edge = this.edges.get(id)!;
      if (this.nodes.has(edge.from) && this.nodes.has(edge.to)) edges.push(edge);
    }
    return { nodes, edges };
  }

  /** Reads the touched entries again into `into`; whether which entries are readable changed. */
  private static readTouched<T>(touched: Set<string>, into: Map<string, T>, read: (id: string) => T | null): boolean {
    let membershipChanged = false;
    for (const id of touched) {
      const entry = read(id);
      if (entry) {
        if (!into.has(id)) membershipChanged = true;
        into.set(id, entry);
      } else if (into.delete(id)) membershipChanged = true;
    }
    touched.clear();
    return membershipChanged;
  }
}
