/**
 * One open document: the Yjs doc, its copy on this device (IndexedDB, so offline edits survive
 * a reload) and its connection to the collab server. No React here: screens read it through
 * `subscribe` and `getSnapshot`.
 */
import { closeCodes, stopsReconnecting } from "@roundtable/domain";
import { IndexeddbPersistence, storeState } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { clearsLocalCopy, endingAfterAccessCheck, type AccessCheck, type CollabEnding, type OpenAccess } from "./access-ending";
import type { ConnectionFacts } from "./connection-state";
import { SaveTracker } from "./save-tracker";
import { collabParams, collabServerUrl } from "./collab-address";
import { CollabWebSocket } from "./early-collab-socket";
import { listenToServerState } from "./server-state-messages";

export interface CollabSnapshot {
  facts: ConnectionFacts;
  /** The plan can be shown: it has synced with the server, or this device had a copy. */
  ready: boolean;
  /** We have looked for a copy on this device (whether or not there was one). */
  localCopyChecked: boolean;
  ending: CollabEnding | null;
}

export interface CollabSessionOptions {
  /** Whose copy this is: each person on a shared device keeps their own, so edits made
   * offline are always sent under the name of the person who made them. */
  personId: string;
  documentId: string;
  access: OpenAccess;
  checkAccess(): Promise<AccessCheck>;
}

const localCopyWaitMs = 1500;
/**
 * This device's copy gains a whole copy of the document when the server's first answer arrives
 * before the copy is opened (ADR 0031), and y-indexeddb only folds its entries together at 500:
 * past this many, they are folded into one a while after opening, off the critical path.
 */
const compactLocalCopyAbove = 10;
const compactLocalCopyAfterMs = 5000;
const failedAttemptsBeforeAccessCheck = 3;
const accessCheckIntervalMs = 15_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence;
  private readonly tracker = new SaveTracker(this.doc);
  private readonly listeners = new Set<() => void>();
  private snapshot: CollabSnapshot;
  private everSynced = false;
  private attemptFailed = false;
  private wasLive = false;
  private notLiveSince = Date.now();
  private localCopyChecked = false;
  private ending: CollabEnding | null = null;
  private destroyed = false;
  private checkingAccess = false;
  private lastAccessCheck = 0;
  private policyRetries = 0;
  /** The server said it cannot save edits just now; cleared when it says it can, or on reconnecting. */
  private serverNotSaving = false;
  /** The last attempt was turned away for too many documents open; cleared once one syncs. */
  private tooManyOpen = false;
  /** socket.io said access to this document was withdrawn (see `accessRevoked`). */
  private revokedByServer = false;

  constructor(private readonly options: CollabSessionOptions) {
    this.local = new IndexeddbPersistence(`roundtable-${options.personId}-${options.documentId}`, this.doc);
    this.provider = new WebsocketProvider(collabServerUrl(window.location), options.documentId, this.doc, {
      connect: false,
      params: collabParams,
      // 1008 may mean the session ended or access went: stop, ask the API, then decide.
      shouldReconnect: (event) => !stopsReconnecting(event.code),
      // The connection the page itself opened before the app arrived, when there is one (ADR 0031).
      WebSocketPolyfill: CollabWebSocket,
    });
    listenToServerState(this.provider, {
      onServerState: (state) => {
        this.tracker.noteServerState(state);
        this.refresh();
      },
      onPersisted: (state) => {
        this.tracker.notePersisted(state);
        this.refresh();
      },
      onSaving: (saving) => {
        this.serverNotSaving = !saving;
        this.refresh();
      },
    });
    this.provider.on("status", this.refresh);
    this.provider.on("sync", this.handleSync);
    this.provider.on("connection-close", this.handleClose);
    this.doc.on("update", this.handleUpdate);
    window.addEventListener("online", this.handleOnline);
    window.addEventListener("offline", this.refresh);
    this.snapshot = this.computeSnapshot();

    // Connect at once, beside reading this device's copy: offline edits found there reach the
    // server as an update from the copy (y-websocket sends every change not from the server), so
    // nothing waits for IndexedDB and nothing in it is lost (ADR 0031).
    this.provider.connect();
    void Promise.race([this.local.whenSynced, delay(localCopyWaitMs)]).then(() => {
      if (this.destroyed) return;
      this.localCopyChecked = true;
      this.refresh();
    });
    void this.local.whenSynced
      .then(() => delay(compactLocalCopyAfterMs))
      .then(() => {
        const entries = (this.local as unknown as { _dbsize: number })._dbsize;
        if (!this.destroyed && entries > compactLocalCopyAbove) return storeState(this.local, true);
      })
      .catch(() => undefined); // folding is tidying: the copy stays as it was, and is read the same
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CollabSnapshot => this.snapshot;

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener("online", this.handleOnline);
    window.removeEventListener("offline", this.refresh);
    this.doc.off("update", this.handleUpdate);
    this.provider.destroy();
    this.listeners.clear();
    // The page went away before the check after a revocation answered (a meeting page gives way
    // to "no access" as soon as it hears): the copy goes, as it would have once the check ended.
    if (this.revokedByServer && this.ending === null) void this.local.clearData();
    else void this.local.destroy();
    // The editor is torn down on the next tick (Tiptap's useEditor); let it unbind first.
    setTimeout(() => this.doc.destroy(), 100);
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown): void => {
    // What this device's copy added to the document: owed to the server until it says it has it.
    if (origin === this.local) this.tracker.noteRestored(update);
    this.refresh();
  };

  private readonly refresh = (): void => {
    if (this.destroyed) return;
    const next = this.computeSnapshot();
    if (sameSnapshot(next, this.snapshot)) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  };

  private computeSnapshot(): CollabSnapshot {
    const live = this.provider.wsconnected && this.provider.synced;
    if (this.wasLive && !live) this.notLiveSince = Date.now();
    this.wasLive = live;
    const hasLocalContent = this.doc.getXmlFragment("default").length > 0;
    return {
      facts: {
        online: navigator.onLine,
        live,
        notLiveSince: this.notLiveSince,
        everSynced: this.everSynced,
        attemptFailed: this.attemptFailed,
        stopped: this.ending !== null,
        // Readers' changes are never stored, so they have nothing to wait for.
        unsaved: this.options.access === "edit" && this.tracker.hasUnsavedChanges,
        serverNotSaving: this.options.access === "edit" && this.serverNotSaving,
        tooManyOpen: this.tooManyOpen,
      },
      ready: this.everSynced || (this.localCopyChecked && hasLocalContent),
      localCopyChecked: this.localCopyChecked,
      ending: this.ending,
    };
  }

  private readonly handleSync = (synced: boolean): void => {
    if (synced) {
      this.everSynced = true;
      this.policyRetries = 0;
      this.tooManyOpen = false;
    }
    this.refresh();
  };

  private readonly handleOnline = (): void => {
    if (this.ending === null && !this.revokedByServer) this.provider.connect();
    this.refresh();
  };

  private readonly handleClose = (event: CloseEvent | null): void => {
    if (this.destroyed || event === null) return; // null: we closed it ourselves
    this.serverNotSaving = false; // a new connection is told again if it still cannot save
    if (!this.everSynced) this.attemptFailed = true;
    // Too many documents open: y-websocket keeps retrying (with back-off), and we say why.
    this.tooManyOpen = event.code === closeCodes.tooManyConnections;
    // Not reconnecting (shouldReconnect stops on 44xx): the same change would be sent and refused
    // again on every attempt. The copy on this device is kept, so nothing typed is thrown away.
    if (event.code === closeCodes.documentTooLarge) this.end({ kind: "change-refused", reason: "too-large" });
    else if (event.code === closeCodes.nestedTooDeep) this.end({ kind: "change-refused", reason: "too-deep" });
    else if (event.code === closeCodes.outsideModel) this.end({ kind: "change-refused", reason: "outside-model" });
    else if (event.code === closeCodes.accessRevoked) {
      void this.recheckAccess(true);
    } else if (event.code === closeCodes.policy || event.code === closeCodes.sessionEnded) {
      // Signed out (perhaps in another tab), or what the person may do changed: the access check says which.
      void this.recheckAccess(false);
    } else if (
      navigator.onLine &&
      this.provider.wsUnsuccessfulReconnects + 1 >= failedAttemptsBeforeAccessCheck &&
      Date.now() - this.lastAccessCheck > accessCheckIntervalMs
    ) {
      // A refused upgrade (401/403/404) only shows as a failed connection: ask the API why.
      void this.recheckAccess(false);
    }
    this.refresh();
  };

  /**
   * The server took this page out of the document's room ("access:revoked" on socket.io), which
   * it does when the person may no longer open it. Stop at once, without reconnecting, and end as
   * after a 4403 close: the same check with the API, the same message, the copy removed.
   */
  accessRevoked(): void {
    if (this.destroyed || this.ending !== null) return;
    this.revokedByServer = true;
    this.provider.disconnect();
    void this.recheckAccess(true);
    this.refresh();
  }

  private async recheckAccess(serverWithdrewAccess: boolean): Promise<void> {
    if (this.checkingAccess) return;
    this.checkingAccess = true;
    this.lastAccessCheck = Date.now();
    const result = await this.options.checkAccess();
    this.checkingAccess = false;
    if (this.destroyed || this.ending !== null) return;
    const ending = endingAfterAccessCheck(result, this.options.access, serverWithdrewAccess || this.revokedByServer);
    if (ending) return this.end(ending);
    if (!this.provider.shouldConnect) {
      // Stopped by a 1008 but still allowed in: try again, backing off if it keeps happening.
      this.policyRetries++;
      await delay(Math.min(accessCheckIntervalMs, 500 * 2 ** this.policyRetries));
      if (!this.destroyed && this.ending === null) this.provider.connect();
    }
  }

  /** Drop this device's copy, with the changes the server refused, and open the saved document again. */
  async startAfresh(): Promise<void> {
    await this.local.clearData();
    window.location.reload();
  }

  private end(ending: CollabEnding): void {
    this.ending = ending;
    this.provider.disconnect();
    if (clearsLocalCopy(ending)) void this.local.clearData();
    this.refresh();
  }
}

function sameSnapshot(a: CollabSnapshot, b: CollabSnapshot): boolean {
  const factKeys = Object.keys(a.facts) as (keyof ConnectionFacts)[];
  return (
    a.ready === b.ready &&
    a.localCopyChecked === b.localCopyChecked &&
    a.ending === b.ending &&
    factKeys.every((key) => a.facts[key] === b.facts[key])
  );
}
