/**
 * Sign-in limits against password guessing (docs/adr/0007-sign-in-limits.md): a few failures
 * per email address, then that address is locked for a while; and a ceiling on attempts from
 * one IP address, against one machine trying many accounts. Both count failures only: a team
 * signing in through one office network does not use up its own allowance by succeeding.
 *
 * The counters are in this process's memory with one process, and in Redis, counted by every
 * process together, with several (ADR 0041): otherwise each process behind a load balancer
 * would give a guesser its own allowance.
 */
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { SignInLimitsConfig } from "../config.js";
import type { Limiter } from "../limiter.js";

export class SignInLimits {
  private readonly failuresByEmail: RateLimiterAbstract;
  private readonly attemptsByIp: RateLimiterAbstract;

  constructor(limits: SignInLimitsConfig, limiter: Limiter) {
    this.failuresByEmail = limiter({
      keyPrefix: "sign-in-email",
      points: limits.maxFailures,
      duration: limits.failureWindowSeconds,
      // The first attempt past the limit locks the address for this long.
      blockDuration: limits.lockSeconds,
    });
    this.attemptsByIp = limiter({
      keyPrefix: "sign-in-ip",
      points: limits.maxAttemptsPerIp,
      duration: limits.ipWindowSeconds,
    });
  }

  /**
   * Counts one attempt from this IP address as a failure before it is checked, so that guesses
   * sent in parallel cannot slip past the limit; `ipAttemptWentThrough` gives it back. The wait
   * in ms when the address is over its limit.
   */
  attemptFromIp(ip: string): Promise<number | null> {
    return take(this.attemptsByIp, ip);
  }

  /** The attempt was no guess (the right password): it does not count against the IP address. */
  async ipAttemptWentThrough(ip: string): Promise<void> {
    const counted = await this.attemptsByIp.get(ip);
    // Never below nothing: a window that ended meanwhile must not give the address extra tries.
    if (counted && counted.consumedPoints > 0) await this.attemptsByIp.reward(ip, 1);
  }

  /**
   * Counts this attempt as a failure for the email address before the password is checked, so
   * that guesses sent in parallel cannot slip past the limit; `succeeded` wipes the count. The
   * wait in ms when the address is locked. Unknown addresses are counted the same way, so the
   * answers never reveal which accounts exist.
   */
  attemptForEmail(email: string): Promise<number | null> {
    return take(this.failuresByEmail, email);
  }

  /** Clears the email address's failures and lock (signed in, or a new password was set). */
  async succeeded(email: string): Promise<void> {
    await this.failuresByEmail.delete(email);
  }
}

/** Takes one point; null when there was one to take, or the wait in ms until there is. */
export async function take(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (refusal) {
    // rate-limiter-flexible rejects with a RateLimiterRes (not an Error) when over the limit.
    if (refusal instanceof RateLimiterRes) return Math.max(refusal.msBeforeNext, 1);
    throw refusal;
  }
}
