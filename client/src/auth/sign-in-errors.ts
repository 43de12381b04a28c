/**
 * What went wrong with a sign-in attempt, as the error summary and the fields show it. Checks
 * the form before sending (the same rules the server applies) and reads the server's answer.
 */
import { ApiRequestError } from "../api/api";

export type SignInField = "email" | "password";

export interface SignInErrors {
  /** Shown in the error summary, in this order; `field` makes the item a link to that field. */
  summary: { field?: SignInField; message: string }[];
  fields: Partial<Record<SignInField, string>>;
}

const fieldOrder: readonly SignInField[] = ["email", "password"];

function fromFieldMessages(fields: Partial<Record<SignInField, string>>, other: string[] = []): SignInErrors {
  const summary: SignInErrors["summary"] = [];
  for (const field of fieldOrder) {
    const message = fields[field];
    if (message) summary.push({ field, message });
  }
  for (const message of other) summary.push({ message });
  return { summary, fields };
}

export function checkSignInForm(email: string, password: string): SignInErrors | null {
  const fields: Partial<Record<SignInField, string>> = {};
  const trimmed = email.trim();
  if (trimmed.length === 0) fields.email = "Enter your email address";
  else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) fields.email = "Enter an email address, like name@example.org";
  if (password.length === 0) fields.password = "Enter your password";
  return Object.keys(fields).length > 0 ? fromFieldMessages(fields) : null;
}

function isSignInField(name: string): name is SignInField {
  return name === "email" || name === "password";
}

export function errorsFromServer(error: unknown): SignInErrors {
  if (!(error instanceof ApiRequestError)) {
    return fromFieldMessages({}, ["Something went wrong. Try again."]);
  }
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
