/**
 * The room registry on storage in memory: group commit, acknowledgements, compaction, unload,
 * borrowing and the 'saving' signals, in milliseconds. The same behaviour against PGlite and
 * Postgres, through a real server and real sockets, is in test/collab.test.ts and
 * test/durability.test.ts, and with the database failing in faults/.
 */
import { closeCodes, type CollabConnection, type Room } from "@roundtable/collab";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { AcknowledgedConnection } from "../../test/support/acknowledged-connection.js";
import { capturedLog } from "../../test/support/captured-log.js";
import { ControlledStorage } from "../../test/support/controlled-storage.js";
import { waitFor } from "../../test/support/wait-for.js";
import { defaultCollabConfig, type CollabConfig } from "../config.js";
import { UnfoldableDocumentError, type DocumentStorage } from "./document-storage.js";
import { MemoryDocumentStorage } from "./memory-document-storage.js";
import { RoomRegistry, shutdownReasons, type RoomRegistryOptions } from "./room-registry.js";
import { defaultUpdateLogLimits } from "../durability-config.js";
import { LocalFanout, type Fanout } from "../fanout/fanout.js";

const documentId = "0b7e2a61-3f0c-4d0e-9a51-5c1f3e2d4a10";
/** A person's id, which the log records as the author of their updates. */
const editor = { personId: "6f1d9c2e-8a47-4b35-b0e2-71c5d3a9e804" };

/** A connection that asked for acknowledgements, as the editor. */
class Listener extends AcknowledgedConnection {
  constructor() {
    super(editor.personId);
  }
}

const registries: RoomRegistry[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const registry of registries.splice(0)) await registry.destroyAll(0);
});

function registryOn(storage: DocumentStorage, collab: Partial<CollabConfig> = {}, options: RoomRegistryOptions = {}): RoomRegistry {
  const config = { ...defaultCollabConfig, groupCommitMs: 2, unloadAfterMs: 20, compactAfterUpdates: 1000, ...collab };
  const registry = new RoomRegistry(storage, pino({ level: "silent" }), config, { updateLog: { ...defaultUpdateLogLimits, retryMaxMs: 10 }, ...options });
  registries.push(registry);
  return registry;
}

/** Open a document as the collab endpoint does: borrow it, let a connection join, give it back. */
async function connect(registry: RoomRegistry, conn: CollabConnection): Promise<Room> {
  const room = await registry.acquire(documentId);
  registry.join(room, conn);
  registry.release(room);
  return room;
}

function type(room: Room, text: string): void {
  room.doc.transact(() => room.doc.getText("t").insert(room.doc.getText("t").length, text), editor);
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText("t").toString();
}

async function storedText(storage: DocumentStorage): Promise<string> {
  return textOf(Y.mergeUpdates((await storage.load(documentId)).updates));
}

describe("the room registry", () => {
  it("writes updates made together as one batch, and tells people their edits are saved only once it is written", async () => {
    const storage = new ControlledStorage();
    const registry = registryOn(storage);
    const listener = new Listener();
    const room = await connect(registry, listener);
    const letGo = storage.hold();
    for (const word of ["Jamie ", "chose ", "the venue."]) type(room, word);
    await waitFor(() => storage.waiting === 1, { what: "the batch to be on its way" });
    expect(listener.persisted).toEqual([]);
    letGo();
    await registry.updateLog.drain();
    expect(storage.batches).toEqual([3]);
    expect(listener.persisted).toHaveLength(1);
    // What was acknowledged is stored: a fresh load has at least that state.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.mergeUpdates((await storage.load(documentId)).updates));
    expect(Y.decodeStateVector(Y.encodeStateVector(stored))).toEqual(listener.persisted[0]);
    expect(stored.getText("t").toString()).toBe("Jamie chose the venue.");
    expect(storage.stored(documentId).log.map((u) => u.authorId)).toEqual([editor.personId, editor.personId, editor.personId]);
  });

  it("loads a document once when several ask for it at the same time", async () => {
    const storage = new ControlledStorage();
    const registry = registryOn(storage);
    const rooms = await Promise.all([1, 2, 3].map(() => registry.withRoom(documentId, (room) => room)));
    expect(new Set(rooms).size).toBe(1);
    expect(storage.loads).toBe(1);
  });

  it("folds the log into the snapshot once a document has enough updates, and loads the same document from it", async () => {
    const storage = new MemoryDocumentStorage();
    const registry = registryOn(storage, { compactAfterUpdates: 5, unloadAfterMs: 60_000 });
    const listener = new Listener();
    const room = await connect(registry, listener);
    for (let i = 0; i < 12; i++) type(room, `Note ${i}. `);
    const expected = room.doc.getText("t").toString();
    await waitFor(() => storage.stored(documentId).snapshot !== null && storage.stored(documentId).log.length < 12, { what: "compaction" });
    await registry.updateLog.drain();
    type(room, "Written after the fold.");
    await registry.updateLog.drain();
    expect(storage.stored(documentId).log.length).toBeLessThan(12);
    expect(await storedText(storage)).toBe(`${expected}Written after the fold.`);
  });

  it("unloads a document a while after its last connection leaves, once its edits are written, and folds what is left", async () => {
    const storage = new MemoryDocumentStorage();
    const registry = registryOn(storage, { unloadAfterMs: 20 });
    const listener = new Listener();
    const room = await connect(registry, listener);
    type(room, "Kai's plan.");
    registry.leave(room, listener);
    await waitFor(() => !registry.isLoaded(documentId), { what: "the document to unload" });
    await waitFor(() => storage.stored(documentId).log.length === 0, { what: "the fold on unload" });
    expect(storage.stored(documentId).snapshot).not.toBeNull();
    expect(await storedText(storage)).toBe("Kai's plan.");
  });

  it("keeps a borrowed room loaded however long it is borrowed, even after the last connection leaves, and lets it go once given back", async () => {
    vi.useFakeTimers();
    const registry = registryOn(new MemoryDocumentStorage(), { unloadAfterMs: 20 });
    const listener = new Listener();
    const room = await connect(registry, listener);
    let giveBack: (() => void) | null = null;
    const borrowed = registry.withRoom(documentId, () => new Promise<void>((resolve) => (giveBack = resolve)));
    await vi.advanceTimersByTimeAsync(0);
    expect(giveBack).not.toBeNull();
    registry.leave(room, listener);
    await vi.advanceTimersByTimeAsync(1000);
    expect(registry.isLoaded(documentId)).toBe(true);
    giveBack!();
    await borrowed;
    await vi.advanceTimersByTimeAsync(100);
    expect(registry.isLoaded(documentId)).toBe(false);
  });

  it("gives a borrowed room back when the borrower fails", async () => {
    vi.useFakeTimers();
    const registry = registryOn(new MemoryDocumentStorage(), { unloadAfterMs: 20 });
    await expect(
      registry.withRoom(documentId, () => {
        throw new Error("the action is no longer in its document");
      }),
    ).rejects.toThrow("no longer in its document");
    expect(registry.isLoaded(documentId)).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(registry.isLoaded(documentId)).toBe(false);
  });

  it("does not count a room given back twice below zero, so the next borrower keeps it loaded", async () => {
    vi.useFakeTimers();
    const registry = registryOn(new MemoryDocumentStorage(), { unloadAfterMs: 20 });
    const first = await registry.acquire(documentId);
    registry.release(first);
    registry.release(first); // a borrower's mistake: logged, not counted
    const second = await registry.acquire(documentId);
    const listener = new Listener();
    registry.leave(await connect(registry, listener), listener);
    await vi.advanceTimersByTimeAsync(1000);
    expect(registry.isLoaded(documentId)).toBe(true);
    registry.release(second);
    await vi.advanceTimersByTimeAsync(100);
    expect(registry.isLoaded(documentId)).toBe(false);
  });

  it("reads a document nobody has open from storage, without loading it", async () => {
    const storage = new MemoryDocumentStorage();
    const writer = registryOn(storage);
    await writer.withRoom(documentId, (room) => type(room, "Stored before."));
    await writer.destroyAll(1000);
    const registry = registryOn(storage);
    expect(textOf(await registry.readState(documentId))).toBe("Stored before.");
    expect(registry.isLoaded(documentId)).toBe(false);
  });

  it("reads a loaded document from its room, without keeping it loaded", async () => {
    vi.useFakeTimers();
    const registry = registryOn(new MemoryDocumentStorage(), { unloadAfterMs: 20 });
    const listener = new Listener();
    const room = await connect(registry, listener);
    type(room, "Typed just now.");
    registry.leave(room, listener);
    const reading = registry.readState(documentId);
    await vi.advanceTimersByTimeAsync(5);
    expect(textOf(await reading)).toBe("Typed just now.");
    expect(registry.isLoaded(documentId)).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(registry.isLoaded(documentId)).toBe(false);
  });

  it("tells everyone editing when edits stop being saved and when they are saved again, and keeps every edit meanwhile", async () => {
    const storage = new ControlledStorage();
    storage.failure = new Error("the database is away");
    const registry = registryOn(storage);
    const listener = new Listener();
    const room = await connect(registry, listener);
    type(room, "Kept while the database is away.");
    await waitFor(() => listener.saving.includes(false), { what: "the editor to be told edits are not being saved" });
    expect(registry.updateLog.saving).toBe(false);
    const newcomer = new Listener();
    registry.join(room, newcomer);
    expect(newcomer.saving).toEqual([false]);
    expect(listener.persisted).toEqual([]);
    storage.failure = null;
    await waitFor(() => listener.saving.at(-1) === true, { what: "the editor to be told edits are saved again" });
    await registry.updateLog.drain();
    expect(listener.saving).toEqual([false, true]);
    expect(listener.persisted).toHaveLength(1);
    expect(await storedText(storage)).toBe("Kept while the database is away.");
  });

  it("stops trying to fold a document whose state cannot be folded, and says so once", async () => {
    class Unfoldable extends MemoryDocumentStorage {
      attempts = 0;
      override async compact(id: string): Promise<number> {
        this.attempts++;
        throw new UnfoldableDocumentError(id, new Error("corrupt"));
      }
    }
    const storage = new Unfoldable();
    const captured = capturedLog();
    const registry = new RoomRegistry(storage, captured.log, { ...defaultCollabConfig, groupCommitMs: 2, compactAfterUpdates: 2 });
    registries.push(registry);
    const room = await registry.acquire(documentId);
    type(room, "One. ");
    type(room, "Two. ");
    const failed = () => captured.lines.filter((l) => l.msg === "compaction failed; the update log still holds everything");
    await waitFor(() => failed().length === 1, { what: "the failed fold to be logged" });
    for (let i = 0; i < 6; i++) type(room, "More. ");
    await registry.updateLog.drain();
    expect(storage.attempts).toBe(1);
    expect(failed()).toHaveLength(1);
    expect(failed()[0]).toMatchObject({ documentId });
    registry.release(room);
  });

  it("says at shutdown that changes are saved only when they are", async () => {
    const storage = new ControlledStorage();
    const registry = registryOn(storage);
    const listener = new Listener();
    const room = await connect(registry, listener);
    type(room, "Saved.");
    expect(await registry.closeAll(closeCodes.serverShutdown, 1000)).toBe(true);
    expect(listener.closed).toEqual({ code: closeCodes.serverShutdown, reason: shutdownReasons.saved });

    const stuck = registryOn(storage);
    const waiting = new Listener();
    const stuckRoom = await connect(stuck, waiting);
    storage.hold();
    type(stuckRoom, "Not saved.");
    expect(await stuck.closeAll(closeCodes.serverShutdown, 50)).toBe(false);
    expect(waiting.closed).toEqual({ code: closeCodes.serverShutdown, reason: shutdownReasons.notSaved });
  });
});

describe("a document that cannot be loaded, with several processes", () => {
  it("leaves no channel to the other processes open", async () => {
    const opened: string[] = [];
    const closed: string[] = [];
    // This process's side of the fan-out, as the registry sees it: which channels it opens and closes.
    const local = new LocalFanout();
    const fanout: Fanout = {
      shared: true,
      limiter: (options) => local.limiter(options),
      socketIoAdapter: () => null,
      saved: () => {},
      publishAccessChange: () => {},
      onAccessChange: () => {},
      close: () => local.close(),
      openDocument: async (id) => {
        opened.push(id);
        return { publishUpdate: () => {}, publishAwareness: () => {}, close: () => closed.push(id) };
      },
    };
    const storage = new MemoryDocumentStorage();
    // A stored update that is not one: building the room from it throws.
    await storage.appendBatch([{ documentId, update: new Uint8Array([255, 255, 255, 255]), authorId: null }]);
    const registry = registryOn(storage, {}, { fanout });
    await expect(registry.acquire(documentId)).rejects.toThrow();
    expect(opened).toEqual([documentId]);
    expect(closed).toEqual([documentId]);
  });
});
