/**
 * What a database failure may say in a log line: the driver's error code and a short message,
 * never the query or its parameters. drizzle wraps driver errors in one whose message carries
 * every parameter (an update's bytes, i.e. a care plan's text), so only the innermost cause is
 * read. Repeated failures are rate-limited: one line per interval, with how many were held back.
 */
import { databaseFaultOf } from "@roundtable/db";
import type { Logger } from "pino";

export interface DatabaseFailure {
  code: string | undefined;
  message: string;
}

/** Longest message kept: enough for "connection refused" or "invalid byte sequence", not a payload. */
const maxMessageLength = 200;

export function describeDatabaseFailure(err: unknown): DatabaseFailure {
  let innermost: unknown = err;
  for (let depth = 0; depth < 5 && innermost instanceof Error && innermost.cause !== undefined; depth++) innermost = innermost.cause;
  const code = typeof innermost === "object" && innermost !== null && "code" in innermost ? String(innermost.code) : undefined;
  // The outermost message is drizzle's "Failed query: … params: …" whenever there is a cause.
  const raw = innermost instanceof Error ? innermost.message : typeof innermost === "string" ? innermost : "unknown error";
  const message = raw.length > maxMessageLength ? `${raw.slice(0, maxMessageLength)}…` : raw;
  return { code, message: message.replace(/\s+/g, " ") };
}

/**
 * Connection-level failures: the database is away (stopped, restarting, unreachable), as
 * opposed to a query it refused. postgres.js names them with its own codes; Postgres sends
 * class 08 (connection exception) and 57P0x (shutting down, cannot connect now).
 */
const unavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (databaseFaultOf(err)) return true; // embedded PGlite restarting, or its disk below the reserve
  const { code } = describeDatabaseFailure(err);
  if (!code) return false;
  return unavailableCodes.has(code) || code.startsWith("08") || /^57P0[1-4]$/.test(code);
}

/** What to tell a person when this error means the database is not saving; null when it is some other failure. */
export function notSavingMessage(err: unknown): string | null {
  const fault = databaseFaultOf(err);
  if (fault) return fault.userMessage;
  return isDatabaseUnavailable(err) ? databaseUnavailableMessage : null;
}

/** What a person is told while the database is away (API answers and collab refusals). */
export const databaseUnavailableMessage = "Roundtable cannot reach its database just now. Nothing you have saved is lost; please try again in a minute.";

export class RateLimitedFailureLog {
  private lastLoggedAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Log this failure unless one was logged within the interval; then count it instead. */
  failed(err: unknown, fields: Record<string, string | number>, message: string): void {
    const now = Date.now();
    if (now - this.lastLoggedAt < this.intervalMs) {
      this.suppressed++;
      return;
    }
    this.lastLoggedAt = now;
    const { code, message: error } = describeDatabaseFailure(err);
    this.log.error({ ...fields, code, error, suppressed: this.suppressed }, message);
    this.suppressed = 0;
  }
}
