/**
 * Knows whether this device's changes are durably stored on the server.
 *
 * The server tells us (message 100) the state vector of everything in its update log. Our own
 * edits are ours to track: this tab's client id, plus any other client ids whose changes this
 * device had (from IndexedDB, made offline in an earlier visit) that the server lacked — we learn
 * what it lacked from the state vector in its sync step 1. The copy on this device may be read
 * before or after that message arrives (ADR 0031: the connection no longer waits for it), so
 * both orders are counted: `noteServerState` and `noteRestored`. Edits by other people arrive
 * through the server, so they never make us "unsaved".
 */
import * as Y from "yjs";

export class SaveTracker {
  /** Client id → clock the server must reach before those changes count as saved. */
  private readonly owed = new Map<number, number>();
  private readonly persisted = new Map<number, number>();

  constructor(private readonly doc: Y.Doc) {}

  /** What the server last said it had when a connection started. */
  private serverState: Map<number, number> | null = null;

  /** The server's state vector when a connection starts: anything we have beyond it, we owe. */
  noteServerState(serverState: Map<number, number>): void {
    this.serverState = serverState;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if (client === this.doc.clientID) continue; // tracked live below
      if (clock > (serverState.get(client) ?? 0) && clock > (this.owed.get(client) ?? 0)) this.owed.set(client, clock);
    }
    // Restored before the server spoke, and the server turns out to have them already.
    for (const [client, clock] of this.owed) if ((serverState.get(client) ?? 0) >= clock) this.owed.delete(client);
    this.forgetSaved();
  }

  /**
   * Changes restored from this device's copy that the document did not have (`update` is what
   * y-indexeddb's load added): owed, unless the server already said it has them.
   */
  noteRestored(update: Uint8Array): void {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
      if (client === this.doc.clientID) continue;
      if (this.serverState && (this.serverState.get(client) ?? 0) >= clock) continue;
      if (clock > (this.owed.get(client) ?? 0)) this.owed.set(client, clock);
    }
    this.forgetSaved();
  }

  /** Message 100: everything up to this state vector is durable. */
  notePersisted(persistedState: Map<number, number>): void {
    for (const [client, clock] of persistedState) {
      if (clock > (this.persisted.get(client) ?? 0)) this.persisted.set(client, clock);
    }
    this.forgetSaved();
  }

  /** True while some of this device's changes are not yet durably stored on the server. */
  get hasUnsavedChanges(): boolean {
    const ownClock = Y.getState(this.doc.store, this.doc.clientID);
    if (ownClock > (this.persisted.get(this.doc.clientID) ?? 0)) return true;
    return this.owed.size > 0;
  }

  private forgetSaved(): void {
    for (const [client, clock] of this.owed) {
      if ((this.persisted.get(client) ?? 0) >= clock) this.owed.delete(client);
    }
  }
}
