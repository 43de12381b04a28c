/**
 * How many "forgot your password?" links may be asked for (docs/adr/0019): a few per email
 * address from one IP address, against filling someone's inbox, and more per IP address, against
 * one machine asking for many. The address is counted per IP, not across all of them: otherwise
 * a stranger asking for someone's links would use up that person's own requests, and they could
 * not get a link. Addresses with no account are counted the same, so the limits say nothing
 * about which accounts exist. Counted like the sign-in limits (docs/adr/0007): in this process's
 * memory, or in Redis by every process together when there are several (ADR 0041).
 */
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { PasswordResetConfig } from "../config.js";
import type { Limiter } from "../limiter.js";
import { HttpError } from "../errors.js";
import { take } from "./sign-in-limits.js";

export class PasswordResetLimits {
  private readonly byEmailFromIp: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(limits: PasswordResetConfig, limiter: Limiter) {
    this.byEmailFromIp = limiter({ keyPrefix: "reset-email-ip", points: limits.maxPerEmail, duration: limits.windowSeconds });
    this.byIp = limiter({ keyPrefix: "reset-ip", points: limits.maxPerIp, duration: limits.windowSeconds });
  }

  /** Counts one request; a 429 (with Retry-After) past either limit, in the same words for both. */
  async count(ip: string, email: string): Promise<void> {
    const wait = (await take(this.byIp, ip)) ?? (await take(this.byEmailFromIp, JSON.stringify([email, ip])));
    if (wait === null) return;
    const minutes = Math.ceil(wait / 60_000);
    throw new HttpError(429, `There have been too many requests to reset a password. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then try again.`, undefined, {
      "Retry-After": String(Math.ceil(wait / 1000)),
    });
  }
}
