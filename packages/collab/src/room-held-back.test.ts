import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { closeCodes, messageSync, ProtocolError } from "./protocol.js";
import type { CollabConnection } from "./connection.js";
import { Room } from "./room.js";

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

/** How many levels deep the room's document nests (iteratively: it may be very deep). */
function depthOf(doc: Y.Doc): number {
  let deepest = 0;
  const stack: [Y.XmlFragment | Y.XmlElement, number][] = [[doc.getXmlFragment("default"), 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * A chain of `chunks` × `levels` nested blockquotes, each chunk written by a client of its own
 * (1, 2, …) inside the previous chunk's innermost quote. Returned deepest first: each chunk's
 * parent is then one the server does not have yet, so Yjs holds it back.
 */
function deepChainInChunks(chunks: number, levels: number): Uint8Array[] {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  let parent: Y.XmlFragment | Y.XmlElement = source.getXmlFragment("default");
  for (let c = 1; c <= chunks; c++) {
    source.clientID = c;
    const before = Y.encodeStateVector(source);
    source.transact(() => {
      for (let i = 0; i < levels; i++) {
        const quote = new Y.XmlElement("blockquote");
        parent.insert(parent.length, [quote]);
        parent = quote;
      }
    });
    updates.push(Y.encodeStateAsUpdate(source, before));
  }
  return updates.reverse();
}

describe("nesting held back until its parent arrives", () => {
  it("is measured together with what it hangs from: a chain sent deepest-first in chunks is refused", () => {
    const room = new Room("doc", [], { onUpdate: () => {}, limits: { maxNestingDepth: 32 } });
    const editor = new Joiner("mallory");
    room.addConnection(editor);
    let refusal: ProtocolError | null = null;
    const sent: Uint8Array[] = [];
    for (const chunk of deepChainInChunks(10, 20)) {
      try {
        room.receive(editor, sync("update", chunk));
        sent.push(chunk);
      } catch (err) {
        if (!(err instanceof ProtocolError)) throw err;
        refusal = err;
        break;
      }
    }
    expect(refusal?.closeCode).toBe(closeCodes.nestedTooDeep);
    expect(depthOf(room.doc)).toBeLessThanOrEqual(32);
    // The refused chunk changed nothing: what is held back is exactly what was accepted before it.
    const heldBack = room.doc.store.pendingStructs;
    expect(heldBack).not.toBeNull();
    expect(Y.encodeStateVectorFromUpdateV2(heldBack!.update)).toEqual(
      Y.encodeStateVectorFromUpdate(Y.mergeUpdates(sent)),
    );
  });
});
