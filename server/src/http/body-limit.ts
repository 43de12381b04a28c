/**
 * Every API request body is bounded (API_MAX_BODY_BYTES): a body that declares a larger
 * Content-Length is refused before a byte of it is read, and a streamed (chunked) one as soon as
 * it passes the limit, so no request, signed in or not, makes the server hold more than that.
 * The connection is then closed, so the rest of the body is not read either.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HttpError } from "../errors.js";

/** `message`: what the person is told when their body is too large, if not the general words. */
export function limitBodySize(maxBytes: number, message?: string): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      c.header("Connection", "close");
      throw new HttpError(413, message ?? `This is more than Roundtable accepts in one go (${inWords(maxBytes)}). If you pasted something long, try a shorter version.`);
    },
  });
}

function inWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
