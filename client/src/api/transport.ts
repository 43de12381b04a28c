/**
 * How the client reads the server's answers: every failure becomes an ApiRequestError carrying
 * the server's `{ error, details }` (or plain words when something between us answered), and a
 * JSON answer is typed by the route that sent it. api.ts makes the calls through this.
 */
import type { ClientResponse } from "hono/client";
import type { ApiError } from "@roundtable/domain";

export class ApiRequestError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached at all. */
    readonly status: number,
    message: string,
    /** Field name → message, for forms. */
    readonly details: Readonly<Record<string, string>> = {},
    /**
     * Whether Roundtable itself gave this answer (its JSON error), rather than something between
     * us and it — a proxy's or a firewall's 403 or 404 page says nothing about who may see what.
     */
    readonly fromRoundtable = false,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  get isSessionEnded(): boolean {
    return this.status === 401;
  }
}

const unreachableMessage = "We could not reach Roundtable. Check your internet connection and try again.";

function fallbackMessage(status: number): string {
  if (status === 401) return "You need to sign in.";
  if (status === 403) return "You do not have access to this.";
  if (status === 404) return "We could not find this page.";
  if (status === 429) return "Too many tries. Wait a minute, then try again.";
  return "Something went wrong on our side. Try again in a few minutes.";
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.error !== "string") return false;
  if (candidate.details === undefined) return true;
  return (
    typeof candidate.details === "object" &&
    candidate.details !== null &&
    Object.values(candidate.details).every((message) => typeof message === "string")
  );
}

async function readJson(response: { text(): Promise<string> }): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function send<R extends ClientResponse<unknown>>(request: Promise<R>): Promise<R> {
  let response: R;
  try {
    response = await request;
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw refusalOf(response.status, await readJson(response));
  return response;
}

/** A failed answer as the error to throw: the server's own words when it is Roundtable's JSON error. */
export function refusalOf(status: number, payload: unknown): ApiRequestError {
  if (isApiError(payload)) return new ApiRequestError(status, payload.error, payload.details, true);
  return new ApiRequestError(status, fallbackMessage(status));
}

/** A request that never got an answer: the connection failed. */
export const unreachable = () => new ApiRequestError(0, unreachableMessage);

/** What a route answers in JSON, as the server's route says. */
type JsonAnswer<R> = R extends ClientResponse<infer T, number, "json"> ? T : never;

/** A JSON response body; the server's types are the contract, so it is trusted past this edge. */
export async function requestJson<R extends ClientResponse<unknown>>(request: Promise<R>): Promise<JsonAnswer<R>> {
  const response = await send(request);
  const payload = await readJson(response);
  if (payload === undefined) throw new ApiRequestError(response.status, fallbackMessage(500));
  return payload as JsonAnswer<R>;
}

export function segment(id: string): string {
  return encodeURIComponent(id);
}
