import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { closeCodes, messageAwareness, messageQueryAwareness } from "./protocol.js";
import { Room, type CollabConnection } from "./room.js";

/** A connection that keeps a client-side Awareness up to date from what the room sends it. */
class PresenceClient implements CollabConnection {
  readonly canEdit = true;
  readonly wantsPersistedAcks = false;
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  constructor(readonly personId: string) {}
  send(message: Uint8Array): void {
    const d = decoding.createDecoder(message);
    if (decoding.readVarUint(d) === messageAwareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), "server");
    }
  }
  close(): void {}
}

function awarenessFrame(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, e.json);
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, messageAwareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function setup() {
  const room = new Room("doc", [], { onUpdate: () => {} });
  const priya = new PresenceClient("priya");
  const mallory = new PresenceClient("mallory");
  room.addConnection(priya);
  room.addConnection(mallory);
  room.receive(priya, awarenessFrame([{ clientId: 11, clock: 1, json: '{"user":"Priya"}' }]));
  return { room, priya, mallory };
}

describe("presence in a room", () => {
  it("keeps one connection from changing or removing another's presence", () => {
    const { room, mallory } = setup();
    room.receive(mallory, awarenessFrame([{ clientId: 11, clock: 9, json: '{"user":"Not Priya"}' }]));
    room.receive(mallory, awarenessFrame([{ clientId: 11, clock: 10, json: "null" }]));
    expect(room.awareness.getStates().get(11)).toEqual({ user: "Priya" });
    room.removeConnection(mallory);
    expect(room.awareness.getStates().get(11)).toEqual({ user: "Priya" });
  });

  it("ignores the echoes stock clients send of other people's presence, without closing them", () => {
    const { room, mallory } = setup();
    room.receive(mallory, awarenessFrame([{ clientId: 11, clock: 1, json: '{"user":"Priya"}' }, { clientId: 22, clock: 1, json: '{"user":"M"}' }]));
    expect(room.awareness.getStates().get(22)).toEqual({ user: "M" });
    expect(room.awareness.getStates().get(11)).toEqual({ user: "Priya" });
  });

  it("lets a person's new connection take over presence from their old one", () => {
    const { room, priya } = setup();
    const again = new PresenceClient("priya");
    room.addConnection(again);
    room.receive(again, awarenessFrame([{ clientId: 11, clock: 2, json: '{"user":"Priya, reloaded"}' }]));
    room.removeConnection(priya);
    expect(room.awareness.getStates().get(11)).toEqual({ user: "Priya, reloaded" });
  });

  it("refuses a state it could not relay, and keeps serving everyone else", () => {
    const { room, mallory } = setup();
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(() => room.receive(mallory, awarenessFrame([{ clientId: 33, clock: 1, json: deep }]))).toThrow(
      expect.objectContaining({ closeCode: closeCodes.malformed }) as unknown as Error,
    );
    const late = new PresenceClient("claire");
    room.addConnection(late);
    room.receive(late, new Uint8Array([messageQueryAwareness]));
    expect(late.awareness.getStates().get(11)).toEqual({ user: "Priya" });
  });

  it("limits how many presences one connection may speak for", () => {
    const { room, mallory } = setup();
    const many = Array.from({ length: 50 }, (_, i) => ({ clientId: 1000 + i, clock: 1, json: "{}" }));
    room.receive(mallory, awarenessFrame(many));
    expect(room.awareness.getStates().size).toBe(1 + 8);
  });
});
