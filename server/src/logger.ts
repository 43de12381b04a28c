/**
 * The server's logger (pino), and the one place that decides what of an error may be logged.
 * Database errors carry the query's parameters — the text of a comment, the bytes of a care
 * plan — in their properties (drizzle's `params`, postgres.js's `parameters` and `args`) and in
 * drizzle's message ("Failed query: … params: …"), so every logged `err` passes through
 * `errorForLog`: its type, a message without parameters, codes, the stack's frames and its cause,
 * and nothing else.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";

/** Properties that say what went wrong and never what was being saved (Postgres's own fields). */
const safeFields = ["code", "severity", "routine", "constraint_name", "table_name", "column_name", "errno", "syscall"] as const;

/** How deep a chain of causes is followed: drizzle wraps the driver's error, which may wrap one more. */
const maxCauseDepth = 3;

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  cause?: LoggedError | string;
  [field: string]: unknown;
}

/**
 * What of an error (or anything thrown) may go into a log line. A message that came with a
 * query (drizzle's) is cut before its parameters; the stack keeps only its frames, because its
 * first line repeats the message.
 */
export function errorForLog(err: unknown, depth = 0): LoggedError | string {
  if (!(err instanceof Error)) return typeof err === "string" ? withoutParameters(err) : `non-error value (${typeof err})`;
  const type = err.constructor?.name && err.constructor.name !== "Error" ? err.constructor.name : err.name;
  const message = withoutParameters(err.message);
  const logged: LoggedError = { type, message };
  const fields = err as unknown as Record<string, unknown>;
  for (const field of safeFields) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number") logged[field] = value;
  }
  const frames = err.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  if (frames && frames.length > 0) logged.stack = [`${type}: ${message}`, ...frames].join("\n");
  if (err.cause !== undefined && depth < maxCauseDepth) logged.cause = errorForLog(err.cause, depth + 1);
  return logged;
}

/** A message longer than this is cut: a failed batch insert's SQL alone can run to megabytes. */
const maxMessageLength = 500;

/** drizzle's message is "Failed query: <sql>\nparams: <values>": the values are what must not be logged. */
function withoutParameters(message: string): string {
  const at = message.search(/\n?params:/);
  const kept = at === -1 ? message : `${message.slice(0, at)} (parameters not logged)`;
  return kept.length > maxMessageLength ? `${kept.slice(0, maxMessageLength)}… (cut)` : kept;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: errorForLog },
    hooks: {
      // `log.error(err)` would otherwise use the error's whole message as the line's message.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        if (!(first instanceof Error)) return method.apply(this, args);
        if (typeof rest[0] === "string") return method.apply(this, [{ err: first }, ...rest] as Parameters<typeof method>);
        const logged = errorForLog(first);
        return method.call(this, { err: first }, typeof logged === "string" ? logged : logged.message);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
