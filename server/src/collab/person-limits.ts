/**
 * Limits per person across all their collab connections: how many they may have open at once,
 * and how many bytes a second they may send in total (one token bucket they share). Without
 * these, the per-connection rate limit multiplies with every connection a script opens.
 */
import type { CollabConfig } from "../config.js";
import { TokenBucket } from "./token-bucket.js";

interface PersonUse {
  connections: number;
  bytes: TokenBucket;
}

export class PersonLimits {
  private readonly people = new Map<string, PersonUse>();
  /**
   * People with nothing open, and when their byte bucket will have refilled. Their entry is kept
   * until then, so closing and reconnecting does not hand back a full bucket. Every entry waits
   * the same time, so this Map's insertion order is also the order they expire in.
   */
  private readonly idleUntil = new Map<string, number>();
  private readonly refillMs: number;
  private readonly burst: number;

  constructor(
    private readonly config: CollabConfig,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.burst = Math.max(config.personByteBurst, config.maxMessageBytes);
    this.refillMs = Math.ceil((this.burst / config.maxBytesPerPersonPerSecond) * 1000);
  }

  /** False when the person already has as many connections open as they may (checked before loading anything). */
  hasRoomFor(personId: string): boolean {
    return (this.people.get(personId)?.connections ?? 0) < this.config.maxConnectionsPerPerson;
  }

  /** Count a new connection: the person's shared byte bucket, or null when they have too many open. */
  connect(personId: string): TokenBucket | null {
    this.forgetRefilled();
    let use = this.people.get(personId);
    if (!use) {
      use = { connections: 0, bytes: new TokenBucket(this.config.maxBytesPerPersonPerSecond, this.burst, this.now) };
      this.people.set(personId, use);
    }
    if (use.connections >= this.config.maxConnectionsPerPerson) return null;
    use.connections++;
    this.idleUntil.delete(personId);
    return use.bytes;
  }

  disconnect(personId: string): void {
    const use = this.people.get(personId);
    if (!use) return;
    use.connections--;
    if (use.connections <= 0) {
      // Re-inserted at the end, to keep idleUntil in expiry order.
      this.idleUntil.delete(personId);
      this.idleUntil.set(personId, this.now() + this.refillMs);
    }
    this.forgetRefilled();
  }

  /** How many people this process remembers (for tests: entries must not pile up). */
  get rememberedPeople(): number {
    return this.people.size;
  }

  get tooManyConnectionsReason(): string {
    return `You have too many documents open: the limit is ${this.config.maxConnectionsPerPerson}. Close some tabs and try again.`;
  }

  /** Drop idle people whose bucket is full again: forgetting them now gives nothing away. */
  private forgetRefilled(): void {
    const now = this.now();
    for (const [personId, until] of this.idleUntil) {
      if (until > now) break;
      this.idleUntil.delete(personId);
      this.people.delete(personId);
    }
  }
}
