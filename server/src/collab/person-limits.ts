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

  constructor(private readonly config: CollabConfig) {}

  /** Count a new connection: the person's shared byte bucket, or null when they have too many open. */
  connect(personId: string): TokenBucket | null {
    let use = this.people.get(personId);
    if (!use) {
      const burst = Math.max(this.config.personByteBurst, this.config.maxMessageBytes);
      use = { connections: 0, bytes: new TokenBucket(this.config.maxBytesPerPersonPerSecond, burst) };
      this.people.set(personId, use);
    }
    if (use.connections >= this.config.maxConnectionsPerPerson) return null;
    use.connections++;
    return use.bytes;
  }

  disconnect(personId: string): void {
    const use = this.people.get(personId);
    if (!use) return;
    use.connections--;
    // Forgetting the bucket gives a full one back, but only to someone with nothing open.
    if (use.connections <= 0) this.people.delete(personId);
  }

  get tooManyConnectionsReason(): string {
    return `You have too many documents open: the limit is ${this.config.maxConnectionsPerPerson}. Close some tabs and try again.`;
  }
}
