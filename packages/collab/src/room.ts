/**
 * A room: one live Yjs document and the connections editing it. It knows nothing about HTTP,
 * websockets or Postgres: a connection is anything that can send bytes and be closed, and
 * every accepted update is handed to `onUpdate` so the caller can append it to a durable log.
 * Updates and presence from other server processes (`applyRemoteUpdate`, `applyRemoteAwareness`)
 * are shown to this room's connections but neither logged nor handed on again.
 */
import { maxNestingDepth, presenceColour, serverAuthor, type AuthorId } from "@roundtable/domain";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { type AwarenessEntry, encodeAwarenessEntries, readAwarenessEntries, withUser } from "./awareness-entries.js";
import { AwarenessQueries } from "./awareness-queries.js";
import { DocumentSize } from "./document-size.js";
import { readVarUint, readVarUint8Array } from "./frame-reader.js";
import { assertNestingWithin, measuredWith } from "./nesting-depth.js";
import {
  closeCodes,
  messageAuth,
  messageAwareness,
  messagePersisted,
  messageQueryAwareness,
  messageSaving,
  messageSync,
  ProtocolError,
  savingStates,
} from "./protocol.js";
import type { CollabConnection } from "./connection.js";
import { ShapeGuard, type DocumentShape } from "./shape-guard.js";
import { applyStoredUpdates } from "./stored-state.js";
import { assertApplicableUpdate } from "./update-check.js";

export interface RoomOptions {
  /** Called once per accepted update, in order, before it is broadcast; the author is null for the server's own. */
  onUpdate(update: Uint8Array, authorId: AuthorId): void;
  /** Limits on what people's updates may make of the document (defaults: no size limit, domain's depth). */
  limits?: Partial<DocumentLimits>;
  /** The largest awareness state (one person's presence, as JSON) the room accepts, in bytes. */
  maxAwarenessBytes?: number;
  /** A connection's query-awareness is answered at most once in this many milliseconds. */
  queryAwarenessIntervalMs?: number;
  /** The model people's updates must keep the document in (its kind's, see document-shapes.ts); none when left out. */
  shape?: DocumentShape;
  /**
   * Told how the presence of this room's own connections changed (an awareness update), for the
   * other server processes; never told of presence that came from them.
   */
  onAwareness?(update: Uint8Array): void;
}

export interface DocumentLimits {
  /** Updates that would take the document's stored size past this many bytes are refused. */
  maxDocumentBytes: number;
  /** Updates nesting content deeper than this are refused (see nesting-depth.ts). */
  maxNestingDepth: number;
}

/** A name, a colour and a caret are a few hundred bytes; this leaves room for a long name. */
export const defaultMaxAwarenessBytes = 4096;
export const defaultQueryAwarenessIntervalMs = 1000;

/** Origin used for changes the server makes itself (e.g. applying a template): no person's. */
export const serverOrigin = { personId: serverAuthor } as const;

/**
 * Origin of what another server process sent: applied and shown to this room's connections, but
 * not logged (the process that received it logs it) and not handed on again.
 */
export const remoteOrigin = { personId: serverAuthor, remote: true } as const;

/** A stock client speaks for one awareness client id; a few more allow for reloads and echoes. */
const maxAwarenessIdsPerConnection = 8;

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls (removed when it leaves). */
  private readonly connections = new Map<CollabConnection, Set<number>>();
  /** Which connection controls each awareness client id: nobody else may change that presence. */
  private readonly awarenessOwners = new Map<number, CollabConnection>();
  /** Awareness client ids whose presence came from another server process. */
  private readonly remoteClients = new Set<number>();
  /** Number of updates dropped because they came from read-only connections. */
  droppedUpdates = 0;
  /** An upper bound on the document's stored size (see document-size.ts). */
  readonly documentSize: DocumentSize;
  private readonly maxNestingDepth: number;
  private readonly queries: AwarenessQueries;
  private readonly guard: ShapeGuard | null;
  /** False while the server cannot save edits (see notifySaving). */
  private saving = true;

  constructor(
    readonly documentId: string,
    initialUpdates: readonly Uint8Array[],
    private readonly options: RoomOptions,
  ) {
    this.documentSize = new DocumentSize(initialUpdates, options.limits?.maxDocumentBytes ?? Infinity);
    this.maxNestingDepth = options.limits?.maxNestingDepth ?? maxNestingDepth;
    // Loading the stored state must not be logged again, so the listener is attached afterwards.
    applyStoredUpdates(this.doc, initialUpdates, serverOrigin);
    this.guard = options.shape ? new ShapeGuard(this.doc, options.shape) : null;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on("update", this.handleDocUpdate);
    this.awareness.on("update", this.handleAwarenessUpdate);
    this.queries = new AwarenessQueries(options.queryAwarenessIntervalMs ?? defaultQueryAwarenessIntervalMs, (conn) =>
      safeSend(conn, this.encodeAwareness([...this.awareness.getStates().keys()])),
    );
  }

  get size(): number {
    return this.connections.size;
  }

  get connectionList(): CollabConnection[] {
    return [...this.connections.keys()];
  }

  /** Admit a connection: send it our state vector and who else is here. */
  addConnection(conn: CollabConnection): void {
    this.connections.set(conn, new Set());
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, messageSync);
    syncProtocol.writeSyncStep1(sync, this.doc);
    conn.send(encoding.toUint8Array(sync));
    const states = this.awareness.getStates();
    if (states.size > 0) conn.send(this.encodeAwareness([...states.keys()]));
    if (!this.saving && conn.wantsPersistedAcks) conn.send(encodeSaving(false));
  }

  removeConnection(conn: CollabConnection): void {
    const controlled = this.connections.get(conn);
    this.connections.delete(conn);
    this.queries.forget(conn);
    if (controlled && controlled.size > 0) {
      for (const clientId of controlled) this.awarenessOwners.delete(clientId);
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    }
  }

  /**
   * Handle one frame from a connection. Throws ProtocolError on anything malformed; the caller
   * closes that connection and nothing in the document has changed. Bytes after a complete
   * message are ignored, as the reference y-websocket server does.
   */
  receive(conn: CollabConnection, data: Uint8Array): void {
    if (!this.connections.has(conn)) return;
    const decoder = decoding.createDecoder(data);
    const messageType = readVarUint(decoder);
    switch (messageType) {
      case messageSync:
        this.receiveSync(conn, decoder);
        return;
      case messageAwareness:
        this.receiveAwareness(conn, readVarUint8Array(decoder));
        return;
      case messageQueryAwareness:
        this.queries.ask(conn);
        return;
      case messageAuth:
        return; // the session cookie already authenticated this connection
      default:
        throw new ProtocolError(closeCodes.unsupported, `Unknown message type ${messageType}`);
    }
  }

  /**
   * The document's state (or what a peer with this state vector lacks), without the updates
   * Yjs is holding back until their dependencies arrive. Y.encodeStateAsUpdate would merge those
   * in, and merging a client's garbage with the real state can drop other people's content for
   * whoever receives it. Leaving them out keeps what a joining client gets the same as what is
   * broadcast and stored: only what has been applied. A held-back update is sent, like any
   * other, once it applies.
   */
  encodeState(stateVector?: Uint8Array): Uint8Array {
    const { store } = this.doc;
    const { pendingStructs, pendingDs } = store;
    store.pendingStructs = null;
    store.pendingDs = null;
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    } finally {
      store.pendingStructs = pendingStructs;
      store.pendingDs = pendingDs;
    }
  }

  /**
   * Apply an update from another server process (which logs it): this room's connections are
   * sent it (unless they have it), and it is not logged here. Applying one twice changes nothing.
   */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, remoteOrigin);
  }

  /**
   * Apply presence from another server process. A client id one of this room's connections
   * speaks for stays theirs: the other process has only an echo of it.
   */
  applyRemoteAwareness(update: Uint8Array): void {
    const entries = readAwarenessEntries(update).filter((e) => !this.awarenessOwners.has(e.clientId) && e.clientId !== this.awareness.clientID);
    if (entries.length === 0) return;
    for (const e of entries) if (!e.removed) this.remoteClients.add(e.clientId);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), remoteOrigin);
  }

  /** The presence of this room's own connections (an awareness update), or null when nobody here has any. */
  localAwareness(): Uint8Array | null {
    const states = this.awareness.getStates();
    const ids = [...this.awarenessOwners.keys()].filter((id) => states.has(id));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  /** Tell connections that asked which state is now durable. */
  notifyPersisted(stateVector: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messagePersisted);
    encoding.writeVarUint8Array(encoder, stateVector);
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.connections.keys()) if (conn.wantsPersistedAcks) safeSend(conn, message);
  }

  /** Tell connections that asked whether edits are being saved (when that changes). */
  notifySaving(saving: boolean): void {
    if (saving === this.saving) return;
    this.saving = saving;
    const message = encodeSaving(saving);
    for (const conn of this.connections.keys()) if (conn.wantsPersistedAcks) safeSend(conn, message);
  }

  /** Close every connection (shutdown, or access withdrawn). */
  closeAll(code: number, reason: string): void {
    for (const conn of [...this.connections.keys()]) {
      this.removeConnection(conn);
      conn.close(code, reason);
    }
  }

  destroy(): void {
    this.doc.off("update", this.handleDocUpdate);
    this.guard?.destroy();
    this.queries.forgetAll();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private receiveSync(conn: CollabConnection, decoder: decoding.Decoder): void {
    const syncType = readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = readVarUint8Array(decoder);
        let diff: Uint8Array;
        try {
          diff = this.encodeState(stateVector);
        } catch {
          throw new ProtocolError(closeCodes.malformed, "Malformed state vector");
        }
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, messageSync);
        encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(reply, diff);
        conn.send(encoding.toUint8Array(reply));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = readVarUint8Array(decoder);
        const decoded = assertApplicableUpdate(update);
        if (!conn.canEdit) {
          this.droppedUpdates++;
          return;
        }
        assertNestingWithin(measuredWith(decoded.structs, update, this.doc), this.doc, this.maxNestingDepth);
        this.documentSize.admit(update, this.doc);
        this.guard?.admit(update);
        try {
          Y.applyUpdate(this.doc, update, conn);
        } catch {
          // Only a shape assertApplicableUpdate does not know yet gets here. Whatever Yjs had
          // integrated before it threw has already gone to the log and the other connections
          // (handleDocUpdate), so memory, storage and peers still agree.
          this.guard?.resync();
          throw new ProtocolError(closeCodes.malformed, "Document update could not be applied");
        }
        return;
      }
      default:
        throw new ProtocolError(closeCodes.unsupported, `Unknown sync message type ${syncType}`);
    }
  }

  /**
   * Validate before applying: awareness states are JSON, and a connection may only speak for
   * client ids nobody else in the room controls. Stock clients echo other people's presence
   * back; those entries are dropped, not treated as an error. A person's newer connection may
   * take over an id from their own older one (a reload before the old socket timed out).
   * A new state past the size limit closes the connection (closeCodes.presenceTooLarge) rather
   * than being dropped quietly, so whoever sent it is told why; echoes (an entry the connection
   * may not speak for, or at a clock the room already has) are not new, so are not measured: a
   * stock client echoes the state as the room labelled it, which may be a little longer. Every
   * state is labelled with the connection's own name and colour.
   */
  private receiveAwareness(conn: CollabConnection, update: Uint8Array): void {
    const controlled = this.connections.get(conn);
    if (!controlled) return;
    const accepted: AwarenessEntry[] = [];
    const user = { name: conn.displayName, color: presenceColour(conn.personId) };
    const maxBytes = this.options.maxAwarenessBytes ?? defaultMaxAwarenessBytes;
    for (const entry of readAwarenessEntries(update)) {
      const { clientId } = entry;
      if (clientId === this.awareness.clientID) continue;
      if (this.remoteClients.has(clientId)) {
        // Another process's client, echoed back by a stock client here: not new, so dropped. A
        // newer clock is that client itself, reconnected to this process: it is this connection's now.
        if (entry.clock <= (this.awareness.meta.get(clientId)?.clock ?? -1)) continue;
        this.remoteClients.delete(clientId);
      }
      const owner = this.awarenessOwners.get(clientId);
      if (owner !== undefined && owner !== conn && owner.personId !== conn.personId) continue; // someone else's
      if (entry.bytes > maxBytes && entry.clock > (this.awareness.meta.get(clientId)?.clock ?? -1)) {
        throw new ProtocolError(closeCodes.presenceTooLarge, `Presence too large: the limit is ${maxBytes} bytes`);
      }
      if (owner !== conn) {
        if (entry.removed) {
          if (owner === undefined) accepted.push(entry); // harmless: nobody is there
          continue;
        }
        if (controlled.size >= maxAwarenessIdsPerConnection) continue;
        if (owner !== undefined) this.connections.get(owner)?.delete(clientId);
        this.awarenessOwners.set(clientId, conn);
        controlled.add(clientId);
      }
      accepted.push(withUser(entry, user));
    }
    if (accepted.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), conn);
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const author = hasPersonId(origin) ? origin.personId : serverAuthor;
    // People's updates were counted (and checked by the guard) as they arrived (receiveSync); the server's own are here.
    if (!this.connections.has(origin as CollabConnection)) {
      this.documentSize.note(update);
      this.guard?.follow(update);
    }
    if (origin !== remoteOrigin) this.options.onUpdate(update, author);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of this.connections.keys()) if (conn !== origin) safeSend(conn, message);
  };

  private readonly handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = this.encodeAwareness(changed);
    for (const conn of this.connections.keys()) safeSend(conn, message);
    const { onAwareness } = this.options;
    if (onAwareness && origin !== remoteOrigin) {
      // Only this room's own clients: another process's presence timing out here is not news to it.
      const own = changed.filter((id) => !this.remoteClients.has(id));
      if (own.length > 0) onAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, own));
    }
    for (const id of removed) this.remoteClients.delete(id);
  };

  private encodeAwareness(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }
}

/**
 * Who made a change: a connection, or a change the server applies for a person (an action
 * marked done from a list) with an origin of `{ personId }`.
 */
function hasPersonId(origin: unknown): origin is { personId: string } {
  return typeof origin === "object" && origin !== null && typeof (origin as { personId?: unknown }).personId === "string";
}

function encodeSaving(saving: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSaving);
  encoding.writeVarUint(encoder, saving ? savingStates.saving : savingStates.notSaving);
  return encoding.toUint8Array(encoder);
}

function safeSend(conn: CollabConnection, message: Uint8Array): void {
  try {
    conn.send(message);
  } catch {
    conn.close(closeCodes.serverShutdown, "Could not send to this connection");
  }
}
