import * as fc from "fast-check";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { closeCodes, messagePersisted, messageSync, ProtocolError } from "./protocol.js";
import type { CollabConnection } from "./connection.js";
import { Room, serverOrigin } from "./room.js";

/** An in-memory client: a Y.Doc wired to a room through a fake connection, speaking the real protocol. */
class MemoryClient implements CollabConnection {
  readonly doc = new Y.Doc();
  closed: { code: number; reason: string } | null = null;
  persistedAcks: Uint8Array[] = [];
  get displayName(): string {
    return this.personId;
  }
  constructor(
    private readonly room: Room,
    readonly personId: string,
    readonly canEdit = true,
    readonly wantsPersistedAcks = false,
  ) {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, messageSync);
      syncProtocol.writeUpdate(enc, update);
      this.room.receive(this, encoding.toUint8Array(enc));
    });
    room.addConnection(this);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, messageSync);
    syncProtocol.writeSyncStep1(enc, this.doc);
    room.receive(this, encoding.toUint8Array(enc));
  }
  send(message: Uint8Array): void {
    const dec = decoding.createDecoder(message);
    const type = decoding.readVarUint(dec);
    if (type === messageSync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, messageSync);
      syncProtocol.readSyncMessage(dec, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.room.receive(this, encoding.toUint8Array(reply));
    } else if (type === messagePersisted) {
      this.persistedAcks.push(decoding.readVarUint8Array(dec));
    }
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
  get text(): string {
    return this.doc.getText("t").toString();
  }
}

function newRoom(initial: Uint8Array[] = []) {
  const log: { update: Uint8Array; author: string | null }[] = [];
  const room = new Room("doc-1", initial, { onUpdate: (update, author) => log.push({ update, author }) });
  return { room, log };
}

describe("Room", () => {
  it("makes two editors converge and logs each update with its author", () => {
    const { room, log } = newRoom();
    const a = new MemoryClient(room, "alice");
    const b = new MemoryClient(room, "bob");
    a.doc.getText("t").insert(0, "Hello ");
    b.doc.getText("t").insert(0, "Hi. ");
    expect(a.text).toBe(b.text);
    expect(a.text).toContain("Hello");
    expect(log.map((l) => l.author)).toEqual(["alice", "bob"]);
  });

  it("logs a change the server makes itself with no author, and one it makes for a person as theirs", () => {
    const { room, log } = newRoom();
    room.doc.transact(() => room.doc.getText("t").insert(0, "From the template. "), serverOrigin);
    room.doc.transact(() => room.doc.getText("t").insert(0, "Marked done. "), { personId: "alice" });
    expect(log.map((l) => l.author)).toEqual([null, "alice"]);
  });

  it("gives a late joiner the whole document", () => {
    const { room } = newRoom();
    const a = new MemoryClient(room, "alice");
    a.doc.getText("t").insert(0, "written before you came");
    const late = new MemoryClient(room, "carol");
    expect(late.text).toBe("written before you came");
  });

  it("starts from stored updates without logging them again", () => {
    const source = new Y.Doc();
    source.getText("t").insert(0, "stored");
    const { room, log } = newRoom([Y.encodeStateAsUpdate(source)]);
    const a = new MemoryClient(room, "alice");
    expect(a.text).toBe("stored");
    expect(log).toHaveLength(0);
  });

  it("drops edits from a read-only connection", () => {
    const { room, log } = newRoom();
    const editor = new MemoryClient(room, "keyworker");
    const reader = new MemoryClient(room, "reader", false);
    reader.doc.getText("t").insert(0, "should not spread");
    expect(editor.text).toBe("");
    expect(room.doc.getText("t").toString()).toBe("");
    expect(log).toHaveLength(0);
    expect(room.droppedUpdates).toBeGreaterThan(0);
    editor.doc.getText("t").insert(0, "from the editor");
    expect(room.doc.getText("t").toString()).toContain("from the editor");
  });

  it("rejects malformed frames with a protocol error and leaves the document alone", () => {
    const { room, log } = newRoom();
    const a = new MemoryClient(room, "alice");
    a.doc.getText("t").insert(0, "safe");
    const before = Y.encodeStateAsUpdate(room.doc);
    for (const frame of [new Uint8Array([]), new Uint8Array([0]), new Uint8Array([0, 2, 200, 1]), new Uint8Array([77]), new Uint8Array([0, 9, 1, 1])]) {
      expect(() => room.receive(a, frame)).toThrow(ProtocolError);
    }
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(log).toHaveLength(1);
  });

  it("survives any random frame: it either throws ProtocolError or leaves a valid document", () => {
    const { room } = newRoom();
    const a = new MemoryClient(room, "alice");
    a.doc.getText("t").insert(0, "keep me");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(0, 1, 2, 3, 100), (body, type) => {
        const frame = new Uint8Array([type, ...body]);
        try {
          room.receive(a, frame);
        } catch (err) {
          expect(err).toBeInstanceOf(ProtocolError);
        }
        expect(room.doc.getText("t").toString()).toContain("keep me");
      }),
      { numRuns: 2000 },
    );
  });

  it("converges whatever order concurrent edits arrive in", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 5 })), { maxLength: 20 }), (edits) => {
        const { room } = newRoom();
        const a = new MemoryClient(room, "a");
        const b = new MemoryClient(room, "b");
        for (const [useA, text] of edits) {
          const c = useA ? a : b;
          c.doc.getText("t").insert(Math.min(1, c.text.length), text);
        }
        expect(a.text).toBe(b.text);
        expect(room.doc.getText("t").toString()).toBe(a.text);
      }),
    );
  });

  it("acknowledges durable state only to connections that asked", () => {
    const { room } = newRoom();
    const stock = new MemoryClient(room, "stock");
    const ours = new MemoryClient(room, "ours", true, true);
    room.notifyPersisted(Y.encodeStateVector(room.doc));
    expect(stock.persistedAcks).toHaveLength(0);
    expect(ours.persistedAcks).toHaveLength(1);
  });

  it("closes every connection with a reason", () => {
    const { room } = newRoom();
    const a = new MemoryClient(room, "a");
    room.closeAll(closeCodes.accessRevoked, "Your access was withdrawn");
    expect(a.closed).toEqual({ code: closeCodes.accessRevoked, reason: "Your access was withdrawn" });
    expect(room.size).toBe(0);
  });
});
