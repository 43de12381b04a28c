/**
 * The live rooms of this process: loads a document on first open (snapshot + tail), hands
 * every accepted update to the update log, tells clients when their edits are durable, and
 * unloads a document some time after its last connection leaves and its last borrower gives it
 * back, once its updates are written. It knows storage only as a DocumentStorage.
 *
 * A room is borrowed with `withRoom` (or, by the collab endpoint across a websocket handshake,
 * `acquire` and `release`), and read without being kept in memory with `readState`.
 *
 * With several server processes (ADR 0039), a loaded room hears its document's channel on the
 * fan-out: the channel is opened before the document is read from storage, each update this
 * process accepts is published as it arrives and a notice once its batch is written, and what
 * other processes publish is applied to the room and sent to its connections at once, but kept
 * as unconfirmed (remote-updates.ts) until its sender says it is saved: left out of what clients
 * here are told is saved, and written here if the notice does not come in time.
 */
import { documentShapeFor, mergeStoredUpdates, Room, type CollabConnection } from "@roundtable/collab";
import type { AuthorId } from "@roundtable/domain";
import type { Logger } from "pino";
import * as Y from "yjs";
import type { CollabConfig } from "../config.js";
import { describeDatabaseFailure } from "../database-failure.js";
import { UnfoldableDocumentError, type DocumentStorage } from "./document-storage.js";
import { defaultUpdateLogLimits, type UpdateLogLimits } from "../durability-config.js";
import { UpdateLog } from "./update-log.js";
import { LocalFanout, type DocumentChannel, type Fanout } from "../fanout/fanout.js";
import { RemoteUpdates, type RemoteUpdate } from "./remote-updates.js";

interface LiveRoom {
  room: Room;
  unloadTimer: NodeJS.Timeout | null;
  /** Borrows not yet given back (acquire/withRoom): a borrowed room is never unloaded. */
  borrowers: number;
  /** Updates appended since the last compaction. */
  uncompacted: number;
  compacting: boolean;
  /** Its stored state could not be folded (logged once): do not try again while it is loaded. */
  unfoldable: boolean;
  /** Its channel between server processes, while it is loaded (null with one process). */
  channel: DocumentChannel | null;
  /** Updates heard from other processes and not yet heard saved. */
  remote: RemoteUpdates;
  /** A read of the log to catch up is under way, and whether another is wanted after it. */
  catchingUp: boolean;
  catchUpAgain: boolean;
}

export interface RoomRegistryOptions {
  /** Told after each accepted change, with the update (authorId null for the server's own), and once on load (null, no update). */
  onDocumentChanged?(documentId: string, room: Room, authorId: AuthorId, update?: Uint8Array): void;
  /** How the update log writes a backlog and retries (defaults suit tests). */
  updateLog?: UpdateLogLimits;
  /** What carries updates and presence between server processes (ADR 0039); by default, nothing does. */
  fanout?: Fanout;
}

/** Updates from other processes one document may hold unconfirmed; past this the oldest are written at once. */
const maxUnconfirmedUpdates = 10_000;

/** Close reasons at shutdown: "saved" only when it is true. */
export const shutdownReasons = {
  saved: "The server is restarting; your changes are saved",
  notSaved: "The server is restarting; changes not yet saved are kept on this device",
} as const;

export class RoomRegistry {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly loading = new Map<string, Promise<LiveRoom>>();
  readonly updateLog: UpdateLog;
  private readonly fanout: Fanout;
  /** Writes what other processes sent and never said they saved (with several processes). */
  private readonly remoteCheck: NodeJS.Timeout | null;

  constructor(
    private readonly storage: DocumentStorage,
    private readonly log: Logger,
    private readonly config: CollabConfig,
    private readonly options: RoomRegistryOptions = {},
  ) {
    const fanout = options.fanout ?? new LocalFanout();
    this.fanout = fanout;
    this.updateLog = new UpdateLog(storage, log, {
      ...(options.updateLog ?? defaultUpdateLogLimits),
      groupCommitMs: config.groupCommitMs,
      writeIntervalMs: config.writeIntervalMs,
      // The other processes hold what this process published until it says it is saved (ADR 0039).
      onWritten: fanout.shared ? (batch) => fanout.saved(batch) : undefined,
      onSavingChanged: (saving) => {
        for (const live of this.rooms.values()) live.room.notifySaving(saving);
      },
      onCut: (documentIds) => {
        // Capture each room's state vector now: everything in it is in this batch or an earlier one.
        // Less what other processes sent and have not said they saved: not durable anywhere yet.
        const cut = [...documentIds].flatMap((id) => {
          const live = this.rooms.get(id);
          return live ? [{ live, stateVector: live.remote.withoutUnconfirmed(Y.encodeStateVector(live.room.doc)) }] : [];
        });
        return () => {
          for (const { live, stateVector } of cut) live.room.notifyPersisted(stateVector);
        };
      },
    });
    this.remoteCheck = fanout.shared ? setInterval(() => this.writeOverdue(), Math.max(50, config.remoteSaveWaitMs / 4)) : null;
    this.remoteCheck?.unref();
  }

  get openDocumentCount(): number {
    return this.rooms.size;
  }

  isLoaded(documentId: string): boolean {
    return this.rooms.has(documentId);
  }

  /**
   * Borrow a document's room for as long as `fn` runs, loading it from storage if nobody has it
   * open; it is given back however `fn` ends, and unloaded later if nobody else is using it.
   */
  async withRoom<T>(documentId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(documentId);
    try {
      return await fn(room);
    } finally {
      this.release(room);
    }
  }

  /**
   * A document's state as it stands (as one update), without keeping it in memory: from its
   * room when it is loaded (once what it holds is written), else from storage without loading it.
   */
  async readState(documentId: string): Promise<Uint8Array> {
    if (this.rooms.has(documentId)) {
      await this.updateLog.drain();
      // Not Y.encodeStateAsUpdate: the room leaves out updates Yjs is holding back (garbage).
      const live = this.rooms.get(documentId);
      if (live) return live.room.encodeState();
      // Unloaded while the log drained: storage has everything it held.
    }
    return mergeStoredUpdates((await this.storage.load(documentId)).updates);
  }

  /**
   * Borrow a document's room, loading it if nobody has it open; every acquire is paired with one
   * `release`. For the collab endpoint, whose borrow spans a websocket handshake and passes to
   * the connection that joins; everything else uses `withRoom`.
   */
  async acquire(documentId: string): Promise<Room> {
    let live = this.rooms.get(documentId);
    if (!live) {
      let pending = this.loading.get(documentId);
      if (!pending) {
        pending = this.load(documentId).finally(() => this.loading.delete(documentId));
        this.loading.set(documentId, pending);
      }
      live = await pending;
    }
    live.borrowers++;
    this.cancelUnload(live);
    return live.room;
  }

  /** Give back a room from `acquire`; once nobody is in it or borrowing it, the unload timer starts. */
  release(room: Room): void {
    const live = this.rooms.get(room.documentId);
    if (!live || live.room !== room) return; // destroyed at shutdown meanwhile
    if (live.borrowers === 0) {
      // Given back twice: counting below zero would let a room someone still borrows be unloaded.
      this.log.error({ documentId: room.documentId }, "a room was given back more often than it was borrowed");
      return;
    }
    live.borrowers--;
    this.unloadWhenIdle(live);
  }

  join(room: Room, conn: CollabConnection): void {
    const live = this.rooms.get(room.documentId);
    if (live) this.cancelUnload(live);
    room.addConnection(conn);
  }

  leave(room: Room, conn: CollabConnection): void {
    room.removeConnection(conn);
    const live = this.rooms.get(room.documentId);
    if (live && live.room === room) this.unloadWhenIdle(live);
  }

  /**
   * Close everyone's connection to a document, e.g. when what they may do with it changes; their
   * clients ask again and reconnect with the access they now have.
   */
  disconnectAll(documentId: string, code: number, reason: string): void {
    this.rooms.get(documentId)?.room.closeAll(code, reason);
  }

  /** Connections open to any of these documents (for presence and access withdrawal later). */
  connectionsTo(documentId: string): CollabConnection[] {
    return this.rooms.get(documentId)?.room.connectionList ?? [];
  }

  /**
   * Shutdown, first step: wait up to `saveWaitMs` for unsaved edits to be written, then close
   * every connection, saying the changes are saved only if they are. Returns whether everything
   * was saved; clients keep what was not and send it again when they reconnect.
   */
  async closeAll(code: number, saveWaitMs: number): Promise<boolean> {
    for (const live of this.rooms.values()) {
      this.cancelUnload(live);
      this.writeRemote(live, live.remote.takeAll());
    }
    const saved = await this.updateLog.drainWithin(saveWaitMs);
    // No await between the drain and the close: no edit can arrive in between.
    const reason = saved ? shutdownReasons.saved : shutdownReasons.notSaved;
    for (const live of this.rooms.values()) live.room.closeAll(code, reason);
    if (!saved) this.log.warn(this.updateLog.backlog(), "closing with edits not saved; clients keep them and send them again");
    return saved;
  }

  /** Shutdown, last step: write what the server itself changed meanwhile (within `waitMs`), then forget every room. */
  async destroyAll(waitMs: number): Promise<void> {
    if (this.remoteCheck) clearInterval(this.remoteCheck);
    await this.updateLog.drainWithin(waitMs);
    for (const [id, live] of this.rooms) {
      this.cancelUnload(live);
      live.channel?.close();
      live.room.destroy();
      this.rooms.delete(id);
    }
    this.updateLog.stop();
  }

  private async load(documentId: string): Promise<LiveRoom> {
    // Heard before the room exists (while storage is read): applied once it does, in the order
    // heard. Updates are idempotent, so one that is also in what storage returns changes nothing.
    let loaded: LiveRoom | null = null;
    const early: ((live: LiveRoom) => void)[] = [];
    const whenLoaded = (apply: (live: LiveRoom) => void) => (loaded ? apply(loaded) : early.push(apply));
    const channel = this.fanout.shared
      ? await this.fanout.openDocument(documentId, {
          arrived: (from, seq, update, authorId) =>
            whenLoaded((l) => {
              l.room.applyRemoteUpdate(update); // throws on a malformed update, which is then not kept either
              this.writeRemote(l, l.remote.heard(from, seq, { update, authorId }, Date.now()));
            }),
          saved: (from, upTo) =>
            whenLoaded((l) => {
              if (l.remote.saved(from, upTo)) this.catchUp(documentId, l);
            }),
          update: (update) => whenLoaded((l) => l.room.applyRemoteUpdate(update)),
          awareness: (update) => whenLoaded((l) => l.room.applyRemoteAwareness(update)),
          presenceHere: () => loaded?.room.localAwareness() ?? null,
          missed: () =>
            whenLoaded((l) => {
              l.remote.mayHaveMissed();
              this.catchUp(documentId, l);
            }),
        })
      : null;
    let live: LiveRoom;
    try {
      const reading = performance.now();
      const stored = await this.storage.load(documentId);
      const building = performance.now();
      live = {
        room: new Room(documentId, stored.updates, {
          onUpdate: (update, authorId) => {
            const seq = this.updateLog.append(documentId, update, authorId);
            channel?.publishUpdate(seq, update, authorId);
            this.options.onDocumentChanged?.(documentId, live.room, authorId, update);
            live.uncompacted++;
            if (live.uncompacted >= this.config.compactAfterUpdates) void this.compact(documentId, live);
          },
          limits: { maxDocumentBytes: this.config.maxDocumentBytes, maxNestingDepth: this.config.maxNestingDepth },
          maxAwarenessBytes: this.config.maxAwarenessBytes,
          queryAwarenessIntervalMs: this.config.queryAwarenessIntervalMs,
          shape: documentShapeFor(stored.kind),
          onAwareness: channel ? (update) => channel.publishAwareness(update) : undefined,
        }),
        unloadTimer: null,
        borrowers: 0,
        uncompacted: stored.tailLength,
        compacting: false,
        unfoldable: false,
        channel,
        remote: new RemoteUpdates({ waitMs: this.config.remoteSaveWaitMs, maxUpdates: maxUnconfirmedUpdates, maxBytes: this.config.maxDocumentBytes }),
        catchingUp: false,
        catchUpAgain: false,
      };
      const tenths = (ms: number) => Math.round(ms * 10) / 10;
      this.log.debug({ documentId, updates: stored.updates.length, readMs: tenths(building - reading), buildMs: tenths(performance.now() - building) }, "loaded a document");
    } catch (err) {
      // A log that cannot be read, or a stored update that cannot be applied: no channel left open.
      channel?.close();
      throw err;
    }
    loaded = live;
    for (const apply of early.splice(0)) {
      try {
        apply(live);
      } catch (err) {
        this.log.warn({ documentId, err: err instanceof Error ? err.message : String(err) }, "could not apply a message from another process");
      }
    }
    this.rooms.set(documentId, live);
    if (!this.updateLog.saving) live.room.notifySaving(false);
    this.options.onDocumentChanged?.(documentId, live.room, null);
    return live;
  }

  /**
   * Apply what storage holds to a loaded room, after messages from other processes may have been
   * missed; one read at a time, and one more after it when asked again meanwhile (the read under
   * way may have started before what it was asked for was saved).
   */
  private catchUp(documentId: string, live: LiveRoom): void {
    if (live.catchingUp) {
      live.catchUpAgain = true;
      return;
    }
    live.catchingUp = true;
    void (async () => {
      do {
        live.catchUpAgain = false;
        try {
          const { updates } = await this.storage.load(documentId);
          if (this.rooms.get(documentId) === live) live.room.applyRemoteUpdate(mergeStoredUpdates(updates));
        } catch (err) {
          const { code, message } = describeDatabaseFailure(err);
          this.log.error({ documentId, code, error: message }, "could not catch up a document from the log");
        }
      } while (live.catchUpAgain && this.rooms.get(documentId) === live);
      live.catchingUp = false;
    })();
  }

  /** Write what other processes sent and did not say in time they saved: their sender may have died first. */
  private writeOverdue(): void {
    const now = Date.now();
    for (const live of this.rooms.values()) {
      const overdue = live.remote.overdue(now);
      if (overdue.length === 0) continue;
      this.log.warn({ documentId: live.room.documentId, updates: overdue.length }, "writing updates another process sent and did not say it saved");
      this.writeRemote(live, overdue);
    }
  }

  private writeRemote(live: LiveRoom, updates: readonly RemoteUpdate[]): void {
    for (const { update, authorId } of updates) this.updateLog.append(live.room.documentId, update, authorId);
    live.uncompacted += updates.length;
  }

  private async compact(documentId: string, live: LiveRoom): Promise<void> {
    if (live.compacting || live.unfoldable) return;
    live.compacting = true;
    try {
      await this.updateLog.drain();
      const folded = await this.storage.compact(documentId);
      live.uncompacted = Math.max(0, live.uncompacted - folded);
    } catch (err) {
      if (err instanceof UnfoldableDocumentError) live.unfoldable = true;
      // Never the error itself: its query parameters are the document's content.
      const { code, message } = describeDatabaseFailure(err);
      this.log.error({ documentId, code, error: message }, "compaction failed; the update log still holds everything");
    } finally {
      live.compacting = false;
    }
  }

  /** Start the unload timer if nobody is in the room or borrowing it. */
  private unloadWhenIdle(live: LiveRoom): void {
    if (live.room.size > 0 || live.borrowers > 0) return;
    this.cancelUnload(live);
    live.unloadTimer = setTimeout(() => void this.unload(live.room.documentId, live), this.config.unloadAfterMs);
    live.unloadTimer.unref();
  }

  private cancelUnload(live: LiveRoom): void {
    if (live.unloadTimer) clearTimeout(live.unloadTimer);
    live.unloadTimer = null;
  }

  private async unload(documentId: string, live: LiveRoom): Promise<void> {
    live.unloadTimer = null;
    await this.updateLog.drain();
    // Someone may have opened or borrowed it while the log was draining.
    if (live.room.size > 0 || live.borrowers > 0 || this.rooms.get(documentId) !== live) return;
    this.rooms.delete(documentId);
    // Nobody here will hear whether these are saved any more: writing them again is harmless.
    this.writeRemote(live, live.remote.takeAll());
    live.channel?.close();
    live.room.destroy();
    if (live.uncompacted > 0) void this.compact(documentId, live);
  }
}
