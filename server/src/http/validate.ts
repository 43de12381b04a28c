/**
 * zod at the HTTP edge: a bad body or parameter becomes a 400 with a message per field.
 *
 * Bodies and queries are checked by route middleware (`jsonBody(schema)`, `query(schema)`) and read
 * in the handler with `c.req.valid("json")`: the schema is then part of the route's type, so the
 * client's typed calls (Hono's `hc`) fail the typecheck when they send something else. Hono's own
 * `validator("json", …)` answers JSON it cannot parse in its own words, before our check runs;
 * these read the body themselves so the answers stay ours.
 */
import type { Context, Env, MiddlewareHandler } from "hono";
import type { z } from "zod";
import { HttpError } from "../errors.js";

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = "request"): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || what;
    details[key] ??= issue.message;
  }
  throw new HttpError(400, `The ${what} is not valid. Check the details and try again.`, details);
}

/** What a route takes and what its handler reads, in the shape Hono's typed routes carry. */
type Takes<Target extends "json" | "query", In, Out> = { in: { [K in Target]: In }; out: { [K in Target]: Out } };

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, "The request body must be JSON.");
  }
}

/**
 * The request's JSON body, checked against the schema. With `emptyIs`, a request that sends no
 * body (no Content-Length, or 0) reads as that value instead of being refused as not JSON.
 */
export function jsonBody<S extends z.ZodType, E extends Env = Env, P extends string = string>(
  schema: S,
  options: { emptyIs?: z.input<S> } = {},
): MiddlewareHandler<E, P, Takes<"json", z.input<S>, z.output<S>>> {
  return async (c, next) => {
    const empty = (c.req.header("content-length") ?? "0") === "0";
    const body = empty && options.emptyIs !== undefined ? options.emptyIs : await readJson(c);
    c.req.addValidatedData("json", parseOrThrow(schema, body, "request body") as object);
    await next();
  };
}

/**
 * A JSON body whose check needs what only the handler knows (accepting an invitation takes a new
 * account's details or an existing account's password, by whether the account exists): read here,
 * typed as what the client sends, checked by the use-case.
 */
export function jsonBodyCheckedLater<T, E extends Env = Env, P extends string = string>(): MiddlewareHandler<E, P, Takes<"json", T, unknown>> {
  return async (c, next) => {
    // Stored as read, `null` included: the use-case's own check refuses what is not its shape.
    c.req.addValidatedData("json", (await readJson(c)) as object);
    await next();
  };
}

/** The query string, checked against the schema. The client sends the values the handler reads. */
export function query<S extends z.ZodType<object>, E extends Env = Env, P extends string = string>(
  schema: S,
): MiddlewareHandler<E, P, Takes<"query", Partial<z.output<S>>, z.output<S>>> {
  return async (c, next) => {
    c.req.addValidatedData("query", parseOrThrow(schema, c.req.query(), "query"));
    await next();
  };
}
