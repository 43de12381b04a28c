import * as fc from "fast-check";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { closeCodes, messageSync, ProtocolError } from "./protocol.js";
import type { CollabConnection } from "./connection.js";
import { Room } from "./room.js";
import { assertApplicableUpdate } from "./update-check.js";

/** One string item whose parent is a later item of its own client: decodes, but cannot exist. */
function selfReferencingUpdate(client: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // first clock
  encoding.writeUint8(e, 4); // ContentString, no origins
  encoding.writeVarUint(e, 0); // parent is an item, not a root type
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 5);
  encoding.writeVarString(e, "x");
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

function emptyDeletionUpdate(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // deletions for one client
  encoding.writeVarUint(e, 999);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 5);
  encoding.writeVarUint(e, 0); // of length 0
  return encoding.toUint8Array(e);
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageSync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

const editor: CollabConnection = { personId: "p", displayName: "P", canEdit: true, wantsPersistedAcks: false, send: () => {}, close: () => {} };

describe("assertApplicableUpdate", () => {
  it("refuses the updates that make Yjs throw half-way", () => {
    for (const bad of [selfReferencingUpdate(7), emptyDeletionUpdate()]) {
      expect(() => Y.decodeUpdate(bad)).not.toThrow();
      expect(() => Y.applyUpdate(new Y.Doc(), bad)).toThrow();
      expect(() => assertApplicableUpdate(bad)).toThrow(ProtocolError);
    }
  });

  it("keeps a room's document untouched by a good edit sent together with an impossible one", () => {
    const log: Uint8Array[] = [];
    const room = new Room("doc", [], { onUpdate: (u) => log.push(u) });
    room.addConnection(editor);
    const other = new Y.Doc();
    other.getText("t").insert(0, "sneaked in");
    const combined = Y.mergeUpdates([Y.encodeStateAsUpdate(other), selfReferencingUpdate(7)]);
    // Without the check Yjs applies the good half and then throws.
    const bare = new Y.Doc();
    expect(() => Y.applyUpdate(bare, combined)).toThrow();
    expect(bare.getText("t").toString()).toBe("sneaked in");

    expect(() => room.receive(editor, syncUpdate(combined))).toThrow(
      expect.objectContaining({ closeCode: closeCodes.malformed }) as unknown as Error,
    );
    expect(room.doc.getText("t").toString()).toBe("");
    expect(log).toHaveLength(0);
  });

  it("accepts every update real editing produces, one by one, merged, or as a sync diff", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("text" as const), at: fc.nat(20), text: fc.string({ maxLength: 6 }) }),
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(20), len: fc.nat(4) }),
      fc.record({ kind: fc.constant("paragraph" as const), at: fc.nat(5), text: fc.string({ maxLength: 6 }) }),
      fc.record({ kind: fc.constant("format" as const), at: fc.nat(20), len: fc.nat(4) }),
      fc.record({ kind: fc.constant("map" as const), key: fc.constantFrom("a", "b"), value: fc.jsonValue({ maxDepth: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), op), { maxLength: 25 }), (ops) => {
        const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        const updates: Uint8Array[] = [];
        for (const d of docs) d.on("update", (u: Uint8Array) => updates.push(u));
        for (const [who, o] of ops) {
          const d = docs[who]!;
          const text = d.getText("t");
          const fragment = d.getXmlFragment("default");
          if (o.kind === "text") text.insert(Math.min(o.at, text.length), o.text);
          else if (o.kind === "delete") text.delete(Math.min(o.at, text.length), Math.min(o.len, text.length - Math.min(o.at, text.length)));
          else if (o.kind === "format") text.format(Math.min(o.at, text.length), o.len, { bold: true });
          else if (o.kind === "map") d.getMap("m").set(o.key, o.value);
          else {
            const p = new Y.XmlElement("paragraph");
            p.insert(0, [new Y.XmlText(o.text)]);
            fragment.insert(Math.min(o.at, fragment.length), [p]);
          }
          // Sometimes two of them meet, as clients do through the server.
          if (who === 2) Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(d, Y.encodeStateVector(docs[0]!)));
        }
        for (const u of updates) assertApplicableUpdate(u);
        if (updates.length > 0) assertApplicableUpdate(Y.mergeUpdates(updates));
        for (const d of docs) {
          assertApplicableUpdate(Y.encodeStateAsUpdate(d));
          assertApplicableUpdate(Y.encodeStateAsUpdate(d, Y.encodeStateVector(docs[1]!)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
