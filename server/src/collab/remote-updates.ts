/**
 * What one loaded document has heard from the other server processes and not yet heard they
 * saved (ADR 0039). Each process publishes an update as it arrives, numbered in the order its
 * update log writes it, and once a batch commits, the highest number it saved. An update heard
 * and never said to be saved within a wait (its sender died first) is this process's to write:
 * writing an update twice is harmless. Until then it is left out of the state this process tells
 * its clients is saved.
 *
 * It also says when to read the log again: an update published before this process was
 * listening, and saved after it read the log, was never heard here. Its sender's saved notice is
 * heard, though; while one may cover such an update, the document is read from the log again.
 */
import type { AuthorId } from "@roundtable/domain";
import * as Y from "yjs";

export interface RemoteUpdateLimits {
  /** How long an update may wait for its sender to say it is saved before this process writes it (ms). */
  waitMs: number;
  /** At most this many updates, and bytes, wait per document; past either, the oldest is written at once. */
  maxUpdates: number;
  maxBytes: number;
}

/** An update to write, and whose edit it is (so the edit history credits them). */
export interface RemoteUpdate {
  update: Uint8Array;
  authorId: AuthorId;
}

interface Unconfirmed extends RemoteUpdate {
  from: string;
  seq: number;
  heardAt: number;
  /** The lowest clock of each Yjs client in the update, read when first needed. */
  lowest?: Map<number, number>;
}

interface Sender {
  /** The first number heard from it since the log was last read in full (null: none yet). */
  firstHeard: number | null;
  /** A read of the log since it saved everything it sent before `firstHeard`. */
  covered: boolean;
}

/** Senders remembered per document; a broken peer inventing ids only costs reads of the log. */
const maxSenders = 64;

export class RemoteUpdates {
  /** In the order heard (so the oldest first). */
  private unconfirmed: Unconfirmed[] = [];
  private bytes = 0;
  private readonly senders = new Map<string, Sender>();

  constructor(private readonly limits: RemoteUpdateLimits) {}

  get size(): number {
    return this.unconfirmed.length;
  }

  /**
   * An update heard from `from` (already applied to the room). Returns the updates to write now
   * because too many are waiting: the oldest, which are the likeliest to be lost.
   */
  heard(from: string, seq: number, { update, authorId }: RemoteUpdate, now: number): RemoteUpdate[] {
    const sender = this.sender(from);
    if (sender.firstHeard === null) sender.firstHeard = seq;
    this.unconfirmed.push({ from, seq, update, authorId, heardAt: now });
    this.bytes += update.byteLength;
    let over = 0;
    let bytes = this.bytes;
    while (over < this.unconfirmed.length - 1 && (this.unconfirmed.length - over > this.limits.maxUpdates || bytes > this.limits.maxBytes)) {
      bytes -= this.unconfirmed[over]!.update.byteLength;
      over++;
    }
    return over > 0 ? this.take(over) : [];
  }

  /**
   * `from` has saved every update it numbered up to `upTo`: they are no longer waiting. Returns
   * true when the log must be read again, because this notice may cover an update that was
   * never heard here (published before this process listened, or while it was cut off).
   */
  saved(from: string, upTo: number): boolean {
    const before = this.unconfirmed.length;
    this.unconfirmed = this.unconfirmed.filter((u) => u.from !== from || u.seq > upTo);
    if (this.unconfirmed.length !== before) this.bytes = this.unconfirmed.reduce((sum, u) => sum + u.update.byteLength, 0);
    const sender = this.sender(from);
    if (sender.covered) return false;
    // Nothing heard from it yet: what it saved was sent before this process listened.
    if (sender.firstHeard === null) return true;
    // Everything it numbered below the first heard is saved now; one read of the log has it all.
    if (upTo >= sender.firstHeard - 1) {
      sender.covered = true;
      return true;
    }
    return false; // a later notice will cover it
  }

  /** Messages may have been missed (the connection was lost): the next notices call for a read of the log again. */
  mayHaveMissed(): void {
    this.senders.clear();
  }

  /** The updates that waited longer than `waitMs` for their sender to say they are saved: now this process's to write. */
  overdue(now: number): RemoteUpdate[] {
    let count = 0;
    while (count < this.unconfirmed.length && now - this.unconfirmed[count]!.heardAt >= this.limits.waitMs) count++;
    return count > 0 ? this.take(count) : [];
  }

  /** Every update still waiting (unloading, or shutting down: write them rather than forget them). */
  takeAll(): RemoteUpdate[] {
    return this.take(this.unconfirmed.length);
  }

  /**
   * A state vector to tell clients is saved, without what is still waiting: each Yjs client's
   * clock is held below the first of its updates not yet saved anywhere.
   */
  withoutUnconfirmed(stateVector: Uint8Array): Uint8Array {
    if (this.unconfirmed.length === 0) return stateVector;
    const clocks = Y.decodeStateVector(stateVector);
    for (const u of this.unconfirmed) {
      u.lowest ??= Y.parseUpdateMeta(u.update).from;
      for (const [client, clock] of u.lowest) if ((clocks.get(client) ?? 0) > clock) clocks.set(client, clock);
    }
    return Y.encodeStateVector(clocks);
  }

  private take(count: number): RemoteUpdate[] {
    const taken = this.unconfirmed.splice(0, count);
    for (const u of taken) this.bytes -= u.update.byteLength;
    return taken.map(({ update, authorId }) => ({ update, authorId }));
  }

  private sender(from: string): Sender {
    let sender = this.senders.get(from);
    if (!sender) {
      if (this.senders.size >= maxSenders) this.senders.clear();
      sender = { firstHeard: null, covered: false };
      this.senders.set(from, sender);
    }
    return sender;
  }
}
