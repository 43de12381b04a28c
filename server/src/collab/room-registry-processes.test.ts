/**
 * Two room registries as two server processes (ADR 0039), joined by a fan-out in memory that
 * delivers what one publishes to the other at once, as Redis would: updates heard as they
 * arrive, held as unconfirmed until their sender says they are saved, written by the hearer when
 * that never comes, and left out of what the hearer tells its clients is saved.
 * The same through real Redis and real processes is in test/redis-fanout.test.ts.
 */
import type { CollabConnection, Room } from "@roundtable/collab";
import * as encoding from "lib0/encoding";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AcknowledgedConnection } from "../../test/support/acknowledged-connection.js";
import { ControlledStorage } from "../../test/support/controlled-storage.js";
import { waitFor } from "../../test/support/wait-for.js";
import { defaultCollabConfig } from "../config.js";
import { defaultUpdateLogLimits } from "../durability-config.js";
import { LocalFanout, type DocumentListener, type Fanout } from "../fanout/fanout.js";
import type { DocumentStorage } from "./document-storage.js";
import { MemoryDocumentStorage } from "./memory-document-storage.js";
import { RoomRegistry } from "./room-registry.js";

const documentId = "0b7e2a61-3f0c-4d0e-9a51-5c1f3e2d4a10";
const editor = { personId: "6f1d9c2e-8a47-4b35-b0e2-71c5d3a9e804" };

/** The channels of every "process", by document: what one publishes, the others hear. */
class Hub {
  readonly listeners = new Map<string, Map<string, DocumentListener>>();
  /** While false, nothing is delivered (a process's connection to Redis is down, or not yet subscribed). */
  delivering = true;

  fanout(name: string): Fanout {
    const local = new LocalFanout();
    const others = (id: string) => (this.delivering ? [...(this.listeners.get(id) ?? new Map<string, DocumentListener>())].filter(([n]) => n !== name).map(([, l]) => l) : []);
    return {
      shared: true,
      limiter: (options) => local.limiter(options),
      socketIoAdapter: () => null,
      publishAccessChange: () => {},
      onAccessChange: () => {},
      close: () => local.close(),
      saved: (batch) => {
        const upTo = new Map<string, number>();
        for (const { documentId: id, seq } of batch) upTo.set(id, Math.max(seq, upTo.get(id) ?? 0));
        for (const [id, seq] of upTo) for (const l of others(id)) l.saved(name, seq);
      },
      openDocument: async (id, listener) => {
        const here = this.listeners.get(id) ?? new Map<string, DocumentListener>();
        here.set(name, listener);
        this.listeners.set(id, here);
        return {
          publishUpdate: (seq, update, authorId) => {
            for (const l of others(id)) l.arrived(name, seq, update, authorId);
          },
          publishAwareness: () => {},
          close: () => here.delete(name),
        };
      },
    };
  }
}

const registries: RoomRegistry[] = [];
afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.destroyAll(0);
});

function processOn(storage: DocumentStorage, fanout: Fanout, remoteSaveWaitMs = 200): RoomRegistry {
  const config = { ...defaultCollabConfig, groupCommitMs: 2, unloadAfterMs: 60_000, remoteSaveWaitMs };
  const registry = new RoomRegistry(storage, pino({ level: "silent" }), config, { updateLog: { ...defaultUpdateLogLimits, retryMaxMs: 10 }, fanout });
  registries.push(registry);
  return registry;
}

async function open(registry: RoomRegistry, conn?: CollabConnection): Promise<Room> {
  const room = await registry.acquire(documentId);
  if (conn) registry.join(room, conn);
  return room;
}

function type(room: Room, text: string): void {
  room.doc.transact(() => room.doc.getText("t").insert(room.doc.getText("t").length, text), editor);
}

/** A document of another process's, typed into. */
function typed(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return doc;
}

async function storedText(storage: DocumentStorage): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates((await storage.load(documentId)).updates));
  return doc.getText("t").toString();
}

describe("two processes sharing a document", () => {
  it("shows an edit on the other process before it is saved, and writes it there only if its sender never says it saved it", async () => {
    const hub = new Hub();
    const database = new MemoryDocumentStorage();
    // A's database never answers, as if A were killed before its batch committed.
    const aStorage = new ControlledStorage();
    const a = processOn(aStorage, hub.fanout("a"));
    const b = processOn(database, hub.fanout("b"));
    const onA = await open(a);
    const onB = await open(b);
    aStorage.hold();
    type(onA, "Heard before it was saved.");
    expect(onB.doc.getText("t").toString()).toBe("Heard before it was saved.");
    expect(await storedText(database)).toBe("");
    await waitFor(async () => (await storedText(database)) === "Heard before it was saved.", { what: "B to write what A never said it saved" });
    // Credited to the person who typed it, as A would have written it.
    expect(database.stored(documentId).log.map((u) => u.authorId)).toEqual([editor.personId]);
  });

  it("never keeps, so never writes, an update from another process that Yjs could not apply", async () => {
    const hub = new Hub();
    const database = new MemoryDocumentStorage();
    const b = processOn(database, hub.fanout("b"), 50);
    await open(b);
    const onB = hub.listeners.get(documentId)!.get("b")!;
    // An empty deleted range: Yjs throws on it (the fan-out logs that), and in the log it would break every load.
    const e = encoding.createEncoder();
    for (const n of [0, 1, 999, 1, 5, 0]) encoding.writeVarUint(e, n); // no structs; one client's deletions: one range, of length 0
    expect(() => onB.arrived("a", 1, encoding.toUint8Array(e), null)).toThrow();
    onB.arrived("a", 2, Y.encodeStateAsUpdate(typed("Fine.")), null);
    await waitFor(async () => (await storedText(database)) === "Fine.", { what: "B to write the good one" });
    await b.updateLog.drain();
    expect(database.stored(documentId).log).toHaveLength(1);
  });

  it("does not write what its sender said it saved", async () => {
    const hub = new Hub();
    const database = new ControlledStorage();
    const a = processOn(database, hub.fanout("a"), 100);
    const b = processOn(database, hub.fanout("b"), 100);
    const onA = await open(a);
    await open(b);
    for (const word of ["Saved ", "once."]) type(onA, word);
    await a.updateLog.drain();
    expect(database.batches).toEqual([2]);
    // Long past B's wait: B wrote nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await b.updateLog.drain();
    expect(database.batches).toEqual([2]);
    expect(b.updateLog.written).toBe(0);
  });

  it("tells clients on the other process their edits are saved only once the process that has them saved them", async () => {
    const hub = new Hub();
    const database = new MemoryDocumentStorage();
    const aStorage = new ControlledStorage();
    const a = processOn(aStorage, hub.fanout("a"), 60_000);
    const b = processOn(database, hub.fanout("b"), 60_000);
    const onA = await open(a);
    const listener = new AcknowledgedConnection(editor.personId);
    const onB = await open(b, listener);
    const letGo = aStorage.hold();
    type(onA, "Typed on A.");
    const aClient = onA.doc.clientID;
    // B writes one of its own, and acknowledges it: but not A's, which only A has tried to save.
    type(onB, " Typed on B.");
    await b.updateLog.drain();
    expect(listener.persisted).toHaveLength(1);
    expect(listener.persisted[0]!.get(onB.doc.clientID)).toBe(Y.getState(onB.doc.store, onB.doc.clientID));
    expect(listener.persisted[0]!.get(aClient) ?? 0).toBe(0);
    // Once A says it is saved, B's next acknowledgement has it.
    letGo();
    await a.updateLog.drain();
    type(onB, " More.");
    await b.updateLog.drain();
    expect(listener.persisted.at(-1)!.get(aClient)).toBe(Y.getState(onA.doc.store, aClient));
  });

  it("reads the log again when the other process saves an edit published before this one was listening", async () => {
    const hub = new Hub();
    const database = new ControlledStorage();
    const a = processOn(database, hub.fanout("a"));
    const onA = await open(a);
    const letGo = database.hold();
    hub.delivering = false;
    type(onA, "Sent before B listened. ");
    // B opens the document now: the log does not have A's edit yet, and B never heard it.
    const b = processOn(database, hub.fanout("b"));
    const onB = await open(b);
    hub.delivering = true;
    expect(onB.doc.getText("t").toString()).toBe("");
    letGo();
    await waitFor(() => onB.doc.getText("t").toString() === "Sent before B listened. ", { what: "B to read it from the log once A said it saved it" });
    type(onA, "And after.");
    await waitFor(() => onB.doc.getText("t").toString() === onA.doc.getText("t").toString(), { what: "the two to agree" });
  });
});
