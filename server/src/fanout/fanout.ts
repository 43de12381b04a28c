/**
 * The seam between server processes (ADR 0039). With one process (no REDIS_URL) it is
 * `LocalFanout`, which does nothing; with REDIS_URL it is `RedisFanout`, which carries between
 * processes what one process learns and the others must act on: document updates as they
 * arrive, and a notice once the batch holding them is durable; presence (awareness) as it
 * changes; and access changes (revocation, signing out); and it keeps the counts of the limits
 * that must hold across processes (ADR 0041).
 * Postgres stays the system of record: nothing here is stored, and a process that misses a
 * message still finds every durable update in the log when it next reads the document.
 */
import { RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { ServerOptions } from "socket.io";
import type { AccessChange } from "../access/access-changes.js";
import type { AuthorId } from "@roundtable/domain";
import type { LimitOptions } from "../limiter.js";

/** What a process with a document loaded hears about it from the other processes. */
export interface DocumentListener {
  /**
   * An update another process (`from`, its id) has just received from its clients or made
   * itself, not yet durable: numbered `seq` in that process's update log, and by `authorId` (null
   * for the server's own, or from a process of the version before authors were sent).
   */
  arrived(from: string, seq: number, update: Uint8Array, authorId: AuthorId): void;
  /** That process has made durable every update it numbered up to `upTo` (its numbers only grow). */
  saved(from: string, upTo: number): void;
  /** A durable update (from a process of the version before numbered updates, which published only those). */
  update(update: Uint8Array): void;
  /** A presence change on another process (a y-protocols awareness update). */
  awareness(update: Uint8Array): void;
  /** A process that just loaded the document asks who is here: the presence of this process's clients, or null. */
  presenceHere(): Uint8Array | null;
  /** Messages may have been missed (the connection to the others was lost): catch up from storage. */
  missed(): void;
}

/** One document's channel, open while the document is loaded on this process. */
export interface DocumentChannel {
  /** Tell the other processes of an update as it arrives, with its number in this process's update log and its author. */
  publishUpdate(seq: number, update: Uint8Array, authorId: AuthorId): void;
  /** Tell the other processes how the presence of this process's clients changed. */
  publishAwareness(update: Uint8Array): void;
  /** Stop hearing about the document (it was unloaded). */
  close(): void;
}

/** An update the update log has just written to storage: its document and its number in the log. */
export interface WrittenUpdate {
  documentId: string;
  seq: number;
}

export interface Fanout {
  /** True when there are other processes to tell (Redis); false for the in-process fan-out. */
  readonly shared: boolean;
  /**
   * Start hearing a document's updates and presence from the other processes. Resolves once
   * hearing; an update published before that and saved after the document was read from storage
   * is not heard, but its `saved` notice is, and tells the listener to read the log again.
   */
  openDocument(documentId: string, listener: DocumentListener): Promise<DocumentChannel>;
  /** Updates just made durable by this process: the other processes are told, per document, the highest number saved. */
  saved(updates: readonly WrittenUpdate[]): void;
  /** Tell the other processes who may see what changed; they re-check their own connections. */
  publishAccessChange(change: AccessChange): void;
  /** Hear access changes made on other processes (never those published by this one). */
  onAccessChange(listener: (change: AccessChange) => void): void;
  /**
   * A rate limiter whose counts all processes share (in Redis), or this process's own in memory.
   * While Redis cannot be reached, each process counts in its own memory meanwhile.
   */
  limiter(options: LimitOptions): RateLimiterAbstract;
  /** The socket.io adapter that carries socket.io's rooms and events between processes, or null for socket.io's own. */
  socketIoAdapter(): ServerOptions["adapter"] | null;
  /** Stop (shutdown): no more messages either way. */
  close(): Promise<void>;
}

const closedChannel: DocumentChannel = { publishUpdate: () => {}, publishAwareness: () => {}, close: () => {} };

/** One process: there is nobody to tell, so every method does nothing. */
export class LocalFanout implements Fanout {
  readonly shared = false;
  openDocument(): Promise<DocumentChannel> {
    return Promise.resolve(closedChannel);
  }
  saved(): void {}
  publishAccessChange(): void {}
  onAccessChange(): void {}
  limiter(options: LimitOptions): RateLimiterAbstract {
    return new RateLimiterMemory(options);
  }
  socketIoAdapter(): null {
    return null;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
