/**
 * A limit counted per key (an email address, an IP address, a person), for whoever must count
 * one: made by the fan-out (fanout/fanout.ts), which keeps the counts in this process's memory
 * with one process and in Redis, shared by every process, with several (ADR 0041).
 */
import type { RateLimiterAbstract } from "rate-limiter-flexible";

/** `points` in each `duration` seconds. */
export interface LimitOptions {
  /** Names the limit; keys of different limits never meet. */
  keyPrefix: string;
  points: number;
  duration: number;
  /** Once over the limit, refuse for this many seconds. */
  blockDuration?: number;
}

/** Makes a rate limiter for a limit. */
export type Limiter = (options: LimitOptions) => RateLimiterAbstract;
