import { presenceColour } from "@roundtable/domain";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { closeCodes, messageAwareness, messageQueryAwareness } from "./protocol.js";
import type { CollabConnection } from "./connection.js";
import { Room } from "./room.js";

/** A connection that keeps a client-side Awareness up to date from what the room sends it. */
class PresenceClient implements CollabConnection {
  readonly canEdit = true;
  readonly wantsPersistedAcks = false;
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  /** How many awareness messages the room has sent this connection. */
  awarenessMessages = 0;
  constructor(
    readonly personId: string,
    readonly displayName = personId,
  ) {}
  send(message: Uint8Array): void {
    const d = decoding.createDecoder(message);
    if (decoding.readVarUint(d) === messageAwareness) {
      this.awarenessMessages++;
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

const query = new Uint8Array([messageQueryAwareness]);

function setup(options: { maxAwarenessBytes?: number; queryAwarenessIntervalMs?: number } = {}) {
  const room = new Room("doc", [], { onUpdate: () => {}, ...options });
  const priya = new PresenceClient("priya", "Priya Shah");
  const mallory = new PresenceClient("mallory");
  room.addConnection(priya);
  room.addConnection(mallory);
  room.receive(priya, awarenessFrame([{ clientId: 11, clock: 1, json: '{"cursor":"Priya\'s"}' }]));
  return { room, priya, mallory };
}

const priyaState = { cursor: "Priya's", user: { name: "Priya Shah", color: presenceColour("priya") } };

afterEach(() => {
  vi.useRealTimers();
});

describe("presence in a room", () => {
  it("keeps one connection from changing or removing another's presence", () => {
    const { room, mallory } = setup();
    room.receive(mallory, awarenessFrame([{ clientId: 11, clock: 9, json: '{"cursor":"not Priya\'s"}' }]));
    room.receive(mallory, awarenessFrame([{ clientId: 11, clock: 10, json: "null" }]));
    expect(room.awareness.getStates().get(11)).toEqual(priyaState);
    room.removeConnection(mallory);
    expect(room.awareness.getStates().get(11)).toEqual(priyaState);
  });

  it("ignores the echoes stock clients send of other people's presence, without closing them", () => {
    const { room, mallory } = setup();
    room.receive(mallory, awarenessFrame([{ clientId: 11, clock: 1, json: '{"cursor":"Priya\'s"}' }, { clientId: 22, clock: 1, json: '{"cursor":2}' }]));
    expect(room.awareness.getStates().get(22)).toEqual({ cursor: 2, user: { name: "mallory", color: presenceColour("mallory") } });
    expect(room.awareness.getStates().get(11)).toEqual(priyaState);
  });

  it("labels every presence with the name and colour of the person it comes from, whatever their client says", () => {
    const { room, mallory } = setup();
    room.receive(mallory, awarenessFrame([{ clientId: 22, clock: 1, json: '{"user":{"name":"Priya Shah","color":"#005eb8"},"cursor":3}' }]));
    expect(room.awareness.getStates().get(22)).toEqual({ cursor: 3, user: { name: "mallory", color: presenceColour("mallory") } });
  });

  it("lets a person's new connection take over presence from their old one", () => {
    const { room, priya } = setup();
    const again = new PresenceClient("priya", "Priya Shah");
    room.addConnection(again);
    room.receive(again, awarenessFrame([{ clientId: 11, clock: 2, json: '{"cursor":"reloaded"}' }]));
    room.removeConnection(priya);
    expect(room.awareness.getStates().get(11)).toEqual({ ...priyaState, cursor: "reloaded" });
  });

  it("refuses a state it could not relay, and keeps serving everyone else", () => {
    const { room, mallory } = setup({ maxAwarenessBytes: 1e6 });
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(() => room.receive(mallory, awarenessFrame([{ clientId: 33, clock: 1, json: deep }]))).toThrow(
      expect.objectContaining({ closeCode: closeCodes.malformed }) as unknown as Error,
    );
    const late = new PresenceClient("claire");
    room.addConnection(late);
    room.receive(late, query);
    expect(late.awareness.getStates().get(11)).toEqual(priyaState);
  });

  it("refuses a state past the size limit, closing only that connection, and keeps none of it", () => {
    const { room, mallory } = setup({ maxAwarenessBytes: 4096 });
    const fits = JSON.stringify({ cursor: "x".repeat(4096 - 13) });
    expect(fits.length).toBe(4096);
    room.receive(mallory, awarenessFrame([{ clientId: 22, clock: 1, json: fits }]));
    expect(room.awareness.getStates().has(22)).toBe(true);
    const tooBig = JSON.stringify({ cursor: "é".repeat(2100) }); // under 4096 characters, over 4096 bytes
    expect(() => room.receive(mallory, awarenessFrame([{ clientId: 33, clock: 1, json: tooBig }]))).toThrow(
      expect.objectContaining({ closeCode: closeCodes.presenceTooLarge }) as unknown as Error,
    );
    expect(room.awareness.getStates().has(33)).toBe(false);
    expect(room.awareness.getStates().get(11)).toEqual(priyaState);
  });

  it("does not close a stock client for echoing a state at the limit, as the room labelled it", () => {
    const { room, priya, mallory } = setup({ maxAwarenessBytes: 4096 });
    const atLimit = JSON.stringify({ cursor: "x".repeat(4096 - 13) });
    room.receive(priya, awarenessFrame([{ clientId: 11, clock: 2, json: atLimit }]));
    const labelled = JSON.stringify(room.awareness.getStates().get(11));
    expect(labelled.length).toBeGreaterThan(4096);
    room.receive(mallory, awarenessFrame([{ clientId: 11, clock: 2, json: labelled }])); // someone else's
    room.receive(new PresenceClient("priya", "Priya Shah"), awarenessFrame([{ clientId: 11, clock: 2, json: labelled }])); // not in the room
    const priyasOtherTab = new PresenceClient("priya", "Priya Shah");
    room.addConnection(priyasOtherTab);
    room.receive(priyasOtherTab, awarenessFrame([{ clientId: 11, clock: 2, json: labelled }])); // her own, unchanged
    expect(JSON.stringify(room.awareness.getStates().get(11))).toBe(labelled);
  });

  it("answers a connection's queries at most once a second, folding a flood into one later answer", () => {
    vi.useFakeTimers();
    const { room, mallory, priya } = setup({ queryAwarenessIntervalMs: 1000 });
    const before = mallory.awarenessMessages;
    for (let i = 0; i < 150; i++) room.receive(mallory, query);
    expect(mallory.awarenessMessages).toBe(before + 1);
    // Presence that changes meanwhile still reaches everyone as it happens; the deferred answer
    // carries the presence as it is when it is sent.
    room.receive(priya, awarenessFrame([{ clientId: 11, clock: 2, json: '{"cursor":"moved"}' }]));
    expect(mallory.awarenessMessages).toBe(before + 2);
    vi.advanceTimersByTime(999);
    expect(mallory.awarenessMessages).toBe(before + 2);
    vi.advanceTimersByTime(1);
    expect(mallory.awarenessMessages).toBe(before + 3);
    vi.advanceTimersByTime(10_000);
    expect(mallory.awarenessMessages).toBe(before + 3);
    // Another connection's queries are its own.
    const before2 = priya.awarenessMessages;
    room.receive(priya, query);
    expect(priya.awarenessMessages).toBe(before2 + 1);
    // A connection that leaves is sent nothing more.
    room.receive(mallory, query);
    room.receive(mallory, query);
    const atLeaving = mallory.awarenessMessages;
    room.removeConnection(mallory);
    vi.advanceTimersByTime(10_000);
    expect(mallory.awarenessMessages).toBe(atLeaving);
  });

  it("limits how many presences one connection may speak for", () => {
    const { room, mallory } = setup();
    const many = Array.from({ length: 50 }, (_, i) => ({ clientId: 1000 + i, clock: 1, json: "{}" }));
    room.receive(mallory, awarenessFrame(many));
    expect(room.awareness.getStates().size).toBe(1 + 8);
  });
});
