import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { CollabConnection } from "./connection.js";
import { messageAwareness, messageSync } from "./protocol.js";
import { Room } from "./room.js";

/** A connection that keeps what the room sends it: a document and everyone's presence. */
class Client implements CollabConnection {
  readonly canEdit = true;
  readonly wantsPersistedAcks = false;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  constructor(readonly personId: string) {}
  get displayName(): string {
    return this.personId;
  }
  send(message: Uint8Array): void {
    const d = decoding.createDecoder(message);
    const type = decoding.readVarUint(d);
    if (type === messageAwareness) awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), "server");
    if (type === messageSync) syncProtocol.readSyncMessage(d, encoding.createEncoder(), this.doc, "server");
  }
  close(): void {}
}

function presence(clientId: number, clock: number, state: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify(state));
  return encoding.toUint8Array(e);
}

function frame(type: number, bytes: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, bytes);
  return encoding.toUint8Array(e);
}

function setup() {
  const logged: Uint8Array[] = [];
  const published: Uint8Array[] = [];
  const room = new Room("doc", [], { onUpdate: (u) => logged.push(u), onAwareness: (u) => published.push(u) });
  const priya = new Client("priya");
  room.addConnection(priya);
  return { room, priya, logged, published };
}

describe("what comes from another server process", () => {
  it("shows another process's update to this room's connections without logging it", () => {
    const { room, priya, logged } = setup();
    const elsewhere = new Y.Doc();
    elsewhere.getText("t").insert(0, "typed on the other process");
    const update = Y.encodeStateAsUpdate(elsewhere);
    room.applyRemoteUpdate(update);
    room.applyRemoteUpdate(update); // heard twice: nothing changes
    expect(priya.doc.getText("t").toString()).toBe("typed on the other process");
    expect(room.doc.getText("t").toString()).toBe("typed on the other process");
    expect(logged).toEqual([]);
  });

  it("hands on this room's own presence, never another process's, and drops a client's echo of it", () => {
    const { room, priya, published } = setup();
    room.receive(priya, frame(messageAwareness, presence(11, 1, { cursor: 1 })));
    expect(published).toHaveLength(1);
    room.applyRemoteAwareness(presence(22, 3, { cursor: 2, user: { name: "Tom" } }));
    expect(published).toHaveLength(1);
    expect(priya.awareness.getStates().get(22)).toMatchObject({ user: { name: "Tom" } });
    // A stock client sends back what it was sent: not Priya's, so it keeps Tom's label.
    room.receive(priya, frame(messageAwareness, presence(22, 3, { cursor: 2, user: { name: "Tom" } })));
    expect(room.awareness.getStates().get(22)).toMatchObject({ user: { name: "Tom" } });
    expect(published).toHaveLength(1);
    expect(room.localAwareness()).not.toBeNull();
    expect(awarenessIds(room.localAwareness()!)).toEqual([11]);
  });

  it("lets a client that moved here from another process speak for its presence again", () => {
    const { room, priya, published } = setup();
    room.applyRemoteAwareness(presence(22, 3, { cursor: 2 }));
    room.receive(priya, frame(messageAwareness, presence(22, 4, { cursor: 5 })));
    expect(room.awareness.getStates().get(22)).toMatchObject({ cursor: 5, user: { name: "priya" } });
    expect(published).toHaveLength(1);
  });

  it("keeps presence a connection here speaks for, whatever another process says of it", () => {
    const { room, priya } = setup();
    room.receive(priya, frame(messageAwareness, presence(11, 1, { cursor: 1 })));
    room.applyRemoteAwareness(presence(11, 9, { cursor: "not hers" }));
    expect(room.awareness.getStates().get(11)).toMatchObject({ cursor: 1 });
  });
});

function awarenessIds(update: Uint8Array): number[] {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(d));
    decoding.readVarUint(d);
    decoding.readVarString(d);
  }
  return ids;
}
