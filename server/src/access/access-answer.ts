/**
 * An access check's answer as a value: let in, with what the check found, or refused with a
 * reason. Only a refusal means "no". A failure to check — the database not answering — is
 * thrown, and nothing in access/ reads it as a refusal (ADR 0015): a passing fault must not
 * close someone's connection or clear their offline copy. Routes and use-cases answering over
 * HTTP turn a refusal into the HttpError it has always been with `orRefuse`.
 */
import { HttpError } from "../errors.js";

export interface Refusal {
  ok: false;
  /** not-found: they may not know it exists (404); forbidden: they may, but not open it (403). */
  reason: "not-found" | "forbidden";
  /** For the person refused. */
  message: string;
}

export type AccessAnswer<T extends object> = ({ ok: true } & T) | Refusal;

export function granted<T extends object>(found: T): AccessAnswer<T> {
  return { ok: true, ...found };
}

/** Refused without saying whether it exists. */
export function notFoundRefusal(what: string): Refusal {
  return { ok: false, reason: "not-found", message: `${what} was not found.` };
}

export function forbiddenRefusal(message: string): Refusal {
  return { ok: false, reason: "forbidden", message };
}

const statusOf = { "not-found": 404, forbidden: 403 } as const;

/** What the check found, or the refusal thrown as the HttpError an API answer carries. */
export function orRefuse<T extends object>(answer: AccessAnswer<T>): { ok: true } & T {
  if (!answer.ok) throw new HttpError(statusOf[answer.reason], answer.message);
  return answer;
}
