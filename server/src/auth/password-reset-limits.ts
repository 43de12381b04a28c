/**
 * How many "forgot your password?" links may be asked for (docs/adr/0019): a few per email
 * address, against filling someone's inbox, and more per IP address, against one machine asking
 * for many. Addresses with no account are counted the same, so the limits say nothing about
 * which accounts exist. In this process's memory, like the sign-in limits (docs/adr/0007).
 */
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { PasswordResetConfig } from "../config.js";
import { HttpError } from "../errors.js";
import { take } from "./sign-in-limits.js";

export class PasswordResetLimits {
  private readonly byEmail: RateLimiterMemory;
  private readonly byIp: RateLimiterMemory;

  constructor(limits: PasswordResetConfig) {
    this.byEmail = new RateLimiterMemory({ keyPrefix: "reset-email", points: limits.maxPerEmail, duration: limits.windowSeconds });
    this.byIp = new RateLimiterMemory({ keyPrefix: "reset-ip", points: limits.maxPerIp, duration: limits.windowSeconds });
  }

  /** Counts one request; a 429 (with Retry-After) past either limit, in the same words for both. */
  async count(ip: string, email: string): Promise<void> {
    const wait = (await take(this.byIp, ip)) ?? (await take(this.byEmail, email));
    if (wait === null) return;
    const minutes = Math.ceil(wait / 60_000);
    throw new HttpError(429, `There have been too many requests to reset a password. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then try again.`, undefined, {
      "Retry-After": String(Math.ceil(wait / 1000)),
    });
  }
}
