/**
 * What went wrong with a sign-in attempt, as the error summary and the fields show it. Checks
 * the form before sending (the same rules the server applies) and reads the server's answer.
 */
import { ApiRequestError } from "../api/api";

export type SignInField = "email" | "password" | "code";

export interface SignInErrors {
  /** Shown in the error summary, in this order; `field` makes the item a link to that field. */
  summary: { field?: SignInField; message: string }[];
  fields: Partial<Record<SignInField, string>>;
}

const fieldOrder: readonly SignInField[] = ["email", "password", "code"];

function fromFieldMessages(fields: Partial<Record<SignInField, string>>, other: string[] = []): SignInErrors {
  const summary: SignInErrors["summary"] = [];
  for (const field of fieldOrder) {
    const message = fields[field];
    if (message) summary.push({ field, message });
  }
  for (const message of other) summary.push({ message });
  return { summary, fields };
}

/** `code` is null until the server asks for one (two-step sign-in). */
export function checkSignInForm(email: string, password: string, code: string | null = null): SignInErrors | null {
  const fields: Partial<Record<SignInField, string>> = {};
  const trimmed = email.trim();
  if (trimmed.length === 0) fields.email = "Enter your email address";
  else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) fields.email = "Enter an email address, like name@example.org";
  if (password.length === 0) fields.password = "Enter your password";
  if (code !== null && !/^\d{6}$/.test(code.replace(/\s/g, ""))) fields.code = "Enter the 6-digit code from your authenticator app";
  return Object.keys(fields).length > 0 ? fromFieldMessages(fields) : null;
}

function isSignInField(name: string): name is SignInField {
  return name === "email" || name === "password" || name === "code";
}

/** The server asks for a code from an authenticator app: the password was right. */
export function needsCode(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401 && "code" in error.details;
}

export function errorsFromServer(error: unknown): SignInErrors {
  if (!(error instanceof ApiRequestError)) {
    return fromFieldMessages({}, ["Something went wrong. Try again."]);
  }
  if (error.status === 401 && "code" in error.details) return fromFieldMessages({ code: error.message });
  if (error.status === 401) {
    // Not saying which one was wrong is deliberate on the server; link to the first field.
    return fromFieldMessages({ email: error.message });
  }
  const fields: Partial<Record<SignInField, string>> = {};
  const other: string[] = [];
  for (const [name, message] of Object.entries(error.details)) {
    if (isSignInField(name)) fields[name] = message;
    else other.push(message);
  }
  if (Object.keys(fields).length === 0 && other.length === 0) other.push(error.message);
  return fromFieldMessages(fields, other);
}
