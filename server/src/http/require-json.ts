/**
 * Every API request body is JSON: a state-changing request that sends a body of another type, or
 * declares one, is refused with 415. HTML forms can only send url-encoded, multipart or plain text
 * bodies, so no form on any website can post to the API. Requests without a body (signing out)
 * need no Content-Type.
 */
import type { MiddlewareHandler } from "hono";
import { HttpError } from "../errors.js";
import { stateChangingMethods } from "./refuse-cross-site.js";

export function requireJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    if (stateChangingMethods.has(c.req.method)) {
      const contentType = c.req.header("content-type");
      const length = c.req.header("content-length");
      const hasBody = (length !== undefined && length.trim() !== "0") || c.req.header("transfer-encoding") !== undefined;
      if ((hasBody || contentType !== undefined) && !isJson(contentType)) {
        throw new HttpError(415, "Roundtable only accepts JSON here. Send the request body as JSON, with the header Content-Type: application/json.");
      }
    }
    await next();
  };
}

function isJson(contentType: string | undefined): boolean {
  // The media type before any parameters, e.g. "application/json; charset=utf-8".
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}
