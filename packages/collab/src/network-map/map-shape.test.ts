/** A room holding a network map to its model: changes outside it are refused whole, with a reason, and nothing of them applied. */
import { networkMapLimits } from "@roundtable/domain";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabConnection } from "../connection.js";
import { closeCodes, messageSync } from "../protocol.js";
import { Room, serverOrigin } from "../room.js";
import { addMapNode } from "./map-changes.js";
import { mapEdgesOf, mapNodesOf, readNetworkMap } from "./map-document.js";
import { networkMapShape } from "./map-shape.js";
import { newNetworkMapState, youngPersonNodeId } from "./new-network-map.js";

class Editor implements CollabConnection {
  readonly displayName = "Priya";
  readonly wantsPersistedAcks = false;
  closed: { code: number; reason: string } | null = null;
  constructor(readonly personId: string, readonly canEdit = true) {}
  send(): void {}
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}

function mapRoom() {
  const logged: Uint8Array[] = [];
  const start = newNetworkMapState("Jamie Walker");
  const room = new Room("map-1", [start], { onUpdate: (u) => logged.push(u), shape: networkMapShape });
  const editor = new Editor("priya");
  room.addConnection(editor);
  /** A person's copy of the map, in step with the room, whose next change is returned as one update. */
  const copy = new Y.Doc();
  Y.applyUpdate(copy, room.encodeState());
  const send = (update: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeUpdate(e, update);
    try {
      room.receive(editor, encoding.toUint8Array(e));
    } catch (err) {
      const { closeCode, message } = err as { closeCode: number; message: string };
      editor.close(closeCode, message);
    }
  };
  const change = (fn: (doc: Y.Doc) => void): Uint8Array => {
    let update: Uint8Array | null = null;
    const keep = (u: Uint8Array) => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    };
    copy.on("update", keep);
    fn(copy);
    copy.off("update", keep);
    return update!;
  };
  return { room, editor, copy, logged, send, change };
}

function rawNode(doc: Y.Doc, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    mapNodesOf(doc).set(id, entry);
    for (const [k, v] of Object.entries(fields)) entry.set(k, v);
  });
  return entry;
}

/** An update from a tool that took `nodes` for a list. */
function listNamedNodes(): Uint8Array {
  const other = new Y.Doc();
  other.getArray("nodes").insert(0, [1, 2]);
  return Y.encodeStateAsUpdate(other);
}

const valid = { label: "Mark Davies", kind: "person", status: "on-board", x: 10, y: 20 } as const;

describe("a network map room", () => {
  it("applies, logs and keeps a change that fits the model", () => {
    const { room, editor, logged, send, change } = mapRoom();
    send(change((doc) => addMapNode(doc, valid, { id: "mark" })));
    expect(editor.closed).toBeNull();
    expect(logged).toHaveLength(1);
    expect(readNetworkMap(room.doc).nodes.map((n) => n.label)).toEqual(["Mark Davies", "Jamie Walker"]);
  });

  const outside: [string, (doc: Y.Doc) => void, string][] = [
    ["a node of a kind the map does not know", (doc) => rawNode(doc, "n", { ...valid, kind: "alien" }), "Choose whether this is the young person"],
    ["a status the map does not know", (doc) => rawNode(doc, "n", { ...valid, status: "maybe" }), "on board, to be brought in or no longer involved"],
    ["a position that is not a finite number", (doc) => rawNode(doc, "n", { ...valid, x: Number.POSITIVE_INFINITY }), "position"],
    ["a position given as text", (doc) => rawNode(doc, "n", { ...valid, y: "12" }), "A position must be a number"],
    ["a name past the limit", (doc) => rawNode(doc, "n", { ...valid, label: "x".repeat(networkMapLimits.maxTextLength + 1) }), "Keep a name to 200 characters"],
    ["a field the model does not have", (doc) => rawNode(doc, "n", { ...valid, colour: "red" }), "A node has a field the map does not know"],
    ["a node missing its kind", (doc) => rawNode(doc, "n", { label: "Mark", status: "on-board", x: 0, y: 0 }), "Choose whether this is the young person"],
    ["a team member link that is not an id", (doc) => rawNode(doc, "n", { ...valid, personId: "mark" }), "A team member must be an id"],
    ["a nested shared type as a name", (doc) => rawNode(doc, "n", { ...valid }).set("label", new Y.Text("nested")), "A name must be text"],
    ["a node that is not a map", (doc) => mapNodesOf(doc).set("n", "just text" as never), "each node must be a map of its fields"],
    ["nodes kept by position, not by id", (doc) => Y.applyUpdate(doc, listNamedNodes()), "nodes must be kept by id"],
    ["text typed beside the map", (doc) => doc.getText("default").insert(0, "hello"), "a map holds only its nodes and edges"],
    ["an edge with a relationship that is not text", (doc) => mapEdgesOf(doc).set("e", new Y.Map([["from", "a"], ["to", "b"], ["label", 3]])), "A relationship must be text"],
    ["an edge with a field the model does not have", (doc) => mapEdgesOf(doc).set("e", new Y.Map([["from", "a"], ["to", "b"], ["label", ""], ["weight", 1]])), "An edge has a field the map does not know"],
    ["a change to a node breaking it", (doc) => (mapNodesOf(doc).get(youngPersonNodeId) as Y.Map<unknown>).set("kind", "adult"), "Choose whether this is the young person"],
  ];
  it.each(outside)("refuses %s, whole, with a reason, and applies none of it", (_, write, reason) => {
    const { room, editor, logged, send, change } = mapRoom();
    const before = Y.encodeStateAsUpdate(room.doc);
    send(change(write));
    expect(editor.closed?.code).toBe(closeCodes.outsideModel);
    expect(editor.closed?.reason).toContain(reason);
    expect(new TextEncoder().encode(editor.closed?.reason).byteLength).toBeLessThanOrEqual(123);
    expect(logged).toEqual([]);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
  });

  it("refuses the node past the limit on one map, and still takes a fitting change afterwards", () => {
    const { room, editor, send, change } = mapRoom();
    send(change((doc) => doc.transact(() => { for (let i = 1; i < networkMapLimits.maxNodes; i++) addMapNode(doc, valid); })));
    expect(editor.closed).toBeNull();
    expect(mapNodesOf(room.doc).size).toBe(networkMapLimits.maxNodes);
    const tooMany = change((doc) => rawNode(doc, "one-more", valid));
    send(tooMany);
    expect(editor.closed).toEqual({ code: closeCodes.outsideModel, reason: "A network map can hold at most 1000 people and services" });
    expect(mapNodesOf(room.doc).has("one-more")).toBe(false);
    editor.closed = null;
    send(change((doc) => mapNodesOf(doc).delete(youngPersonNodeId)));
    expect(editor.closed).toBeNull();
    expect(mapNodesOf(room.doc).has(youngPersonNodeId)).toBe(false);
  });

  it("checks a change Yjs held back when what it waited for arrives", () => {
    const { room, editor, logged, send, change } = mapRoom();
    const created = change((doc) => rawNode(doc, "n", valid));
    const broken = change((doc) => (mapNodesOf(doc).get("n") as Y.Map<unknown>).set("status", "maybe"));
    send(broken); // held back: its node has not arrived
    expect(editor.closed).toBeNull();
    send(created);
    expect(editor.closed?.code).toBe(closeCodes.outsideModel);
    expect(logged).toEqual([]);
    expect(mapNodesOf(room.doc).has("n")).toBe(false);
  });

  it("keeps up with the server's own changes", () => {
    const { room, editor, send, change, copy } = mapRoom();
    room.doc.transact(() => addMapNode(room.doc, valid, { id: "from-server" }), serverOrigin);
    Y.applyUpdate(copy, room.encodeState());
    send(change((doc) => (mapNodesOf(doc).get("from-server") as Y.Map<unknown>).set("label", "Renamed")));
    expect(editor.closed).toBeNull();
    expect(readNetworkMap(room.doc).nodes.find((n) => n.id === "from-server")?.label).toBe("Renamed");
  });
});
