/**
 * A token bucket: holds up to `capacity` tokens, refilled at `perSecond`; taking more than it
 * holds fails. Used to rate-limit each collab connection (messages and bytes). `now` is
 * injectable so tests can move time by hand.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Take `amount` tokens; false (and nothing taken) when the bucket does not hold that many. */
  take(amount = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}
