/**
 * One error type for everything the API refuses: a status, a message a person can act on, and
 * optional field-by-field details. `onError` turns it (and anything unexpected) into JSON.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { databaseFaultOf } from "@roundtable/db";
import type { ApiError } from "@roundtable/domain";
import type { Logger } from "pino";
import { notSavingMessage, RateLimitedFailureLog } from "./database-failure.js";

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details?: Record<string, string>,
    /** Headers the answer carries, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const notSignedIn = () => new HttpError(401, "You are not signed in, or your session has ended. Sign in again.");
export const notFound = (what: string) => new HttpError(404, `${what} was not found.`);
export const forbidden = (message = "You do not have access to this.") => new HttpError(403, message);

/**
 * Stop a request's work once its client has gone (the signal is the request's, aborted when the
 * connection closes): a long list must not go on reading for nobody. Nobody reads the answer.
 */
export function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new HttpError(408, "The request was cancelled before it finished.");
}

export function errorHandler(log: Logger, failureLogIntervalMs = 10_000) {
  const unavailable = new RateLimitedFailureLog(log, failureLogIntervalMs);
  return (err: Error, c: Context) => {
    if (err instanceof HttpError) {
      const body: ApiError = { error: err.message };
      if (err.details) body.details = err.details;
      return c.json(body, err.status, err.headers);
    }
    // The database is not answering or its disk is nearly full (embedded PGlite), or Postgres is
    // away (restarting, unreachable): a clear 503, no query in the log, one line now and then.
    const notSaving = notSavingMessage(err);
    if (notSaving) {
      unavailable.failed(err, { path: c.req.path, status: databaseFaultOf(err)?.status ?? "unavailable" }, "request refused: the database is not saving");
      return c.json({ error: notSaving } satisfies ApiError, 503);
    }
    log.error({ err, path: c.req.path }, "unhandled error");
    return c.json({ error: "Something went wrong on our side. Your work is safe; please try again." } satisfies ApiError, 500);
  };
}
