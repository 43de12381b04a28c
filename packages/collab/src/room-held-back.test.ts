import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { messageSync } from "./protocol.js";
import { Room, type CollabConnection } from "./room.js";

/** A connection that applies every sync step 2 it is sent to its own document. */
class Joiner implements CollabConnection {
  readonly doc = new Y.Doc();
  readonly canEdit = true;
  readonly wantsPersistedAcks = false;
  constructor(readonly personId: string) {}
  get displayName(): string {
    return this.personId;
  }
  send(message: Uint8Array): void {
    const d = decoding.createDecoder(message);
    if (decoding.readVarUint(d) !== messageSync) return;
    syncProtocol.readSyncMessage(d, encoding.createEncoder(), this.doc, this);
  }
  close(): void {}
}

function sync(type: "step1" | "update", payload: Y.Doc | Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageSync);
  if (type === "step1") syncProtocol.writeSyncStep1(e, payload as Y.Doc);
  else syncProtocol.writeUpdate(e, payload as Uint8Array);
  return encoding.toUint8Array(e);
}

/** Client 1's clocks 9–12, claiming to follow an item nobody has (99:0): Yjs holds it back. */
function overlappingHeldBackUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  for (const n of [1, 1, 1, 9]) encoding.writeVarUint(e, n); // 1 client, 1 struct, client 1, clock 9
  encoding.writeUint8(e, 0x80 | 4); // has an origin; string content
  encoding.writeVarUint(e, 99);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, "zzzz");
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

describe("updates a room holds back", () => {
  it("are not handed to people who join: they get exactly what was applied", () => {
    const source = new Y.Doc();
    source.clientID = 1;
    source.getText("t").insert(0, "hello world"); // client 1, clocks 0–10
    const room = new Room("doc", [Y.encodeStateAsUpdate(source)], { onUpdate: () => {} });
    const editor = new Joiner("mallory");
    room.addConnection(editor);
    room.receive(editor, sync("update", overlappingHeldBackUpdate()));
    expect(room.doc.getText("t").toString()).toBe("hello world");
    expect(room.doc.store.pendingStructs).not.toBeNull();
    // Merging the held-back struct into the state would slice it into "zz" at clocks 11–12
    // following 1:10, which every joiner could apply, and then send back as its own edit.
    const unsafe = new Y.Doc();
    Y.applyUpdate(unsafe, Y.encodeStateAsUpdate(room.doc));
    expect(unsafe.getText("t").toString()).toBe("hello worldzz");

    const late = new Joiner("claire");
    room.addConnection(late);
    room.receive(late, sync("step1", late.doc));
    expect(late.doc.getText("t").toString()).toBe("hello world");
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(room.doc));
  });
});
