/**
 * Bounds on what one person can make socket.io do (issue #10): how many presence connections
 * they hold at once (each one can be paused to make the server buffer for it), and how often
 * one connection may join or leave rooms (each change looks up access and sends the room's list
 * of people to everyone in it, so a flood of them was another way to amplify a few bytes).
 */
import { TokenBucket } from "../collab/token-bucket.js";
import type { PresenceLimitsConfig } from "../config.js";

export const tooManyPagesMessage = "You have too many Roundtable pages open. Close some tabs, then reload this one.";
export const tooManyRoomChangesMessage = "That was too many changes at once. Wait a moment, then try again.";

export class PresenceLimits {
  private readonly connections = new Map<string, number>();

  constructor(readonly config: PresenceLimitsConfig) {}

  /** Count a new connection for this person: false (and nothing counted) when they are at their limit. */
  connect(personId: string): boolean {
    const open = this.connections.get(personId) ?? 0;
    if (open >= this.config.maxConnectionsPerPerson) return false;
    this.connections.set(personId, open + 1);
    return true;
  }

  /** Whether this person already holds as many connections as they may. */
  atLimit(personId: string): boolean {
    return (this.connections.get(personId) ?? 0) >= this.config.maxConnectionsPerPerson;
  }

  disconnect(personId: string): void {
    const open = (this.connections.get(personId) ?? 1) - 1;
    if (open > 0) this.connections.set(personId, open);
    else this.connections.delete(personId);
  }

  /** A rate limit for one connection's room changes: `take()` is false past it. */
  roomChanges(): TokenBucket {
    const perSecond = this.config.maxRoomChangesPerSecond;
    return new TokenBucket(perSecond, perSecond * 2);
  }
}
