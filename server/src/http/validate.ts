/** zod at the HTTP edge: a bad body or parameter becomes a 400 with a message per field. */
import type { Context } from "hono";
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

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, "The request body must be JSON.");
  }
  return parseOrThrow(schema, body, "request body");
}
