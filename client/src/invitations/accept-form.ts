/**
 * The invitation page's form: someone new gives their name and a password (twice); someone
 * with an account signs in with it: its password, and the code from their authenticator app
 * when the server says two-step sign-in is on. The same rules as the server, said before sending.
 */
import { newPasswordMaxLength, newPasswordMinLength, type AcceptInvitationBody } from "@roundtable/domain";
import { ApiRequestError } from "../api/api";

export interface AcceptForm {
  name: string;
  password: string;
  confirmPassword: string;
  /** Null until the server says the account uses two-step sign-in. */
  code: string | null;
}

export const acceptFields = ["name", "password", "confirmPassword", "code"] as const;
export type AcceptField = (typeof acceptFields)[number];

export interface AcceptFormErrors {
  summary: { field?: AcceptField; message: string }[];
  fields: Partial<Record<AcceptField, string>>;
}

function fromFields(fields: Partial<Record<AcceptField, string>>, other: string[] = []): AcceptFormErrors {
  const summary: AcceptFormErrors["summary"] = [];
  for (const field of acceptFields) {
    const message = fields[field];
    if (message) summary.push({ field, message });
  }
  for (const message of other) summary.push({ message });
  return { summary, fields };
}

export function checkAcceptForm(form: AcceptForm, accountExists: boolean): AcceptFormErrors | null {
  const fields: Partial<Record<AcceptField, string>> = {};
  if (accountExists) {
    if (form.password.length === 0) fields.password = "Enter your password";
    if (form.code !== null && !/^\d{6}$/.test(form.code.replace(/\s/g, ""))) fields.code = "Enter the 6-digit code from your authenticator app";
  } else {
    if (form.name.trim().length === 0) fields.name = "Enter your name";
    else if (form.name.trim().length > 200) fields.name = "Keep your name under 200 characters";
    if (form.password.length === 0) fields.password = "Enter a password";
    else if (form.password.length < newPasswordMinLength) fields.password = `Your password must be at least ${newPasswordMinLength} characters long`;
    else if (form.password.length > newPasswordMaxLength) fields.password = `Your password must be ${newPasswordMaxLength} characters or fewer`;
    if (fields.password === undefined) {
      if (form.confirmPassword.length === 0) fields.confirmPassword = "Enter your password again";
      else if (form.confirmPassword !== form.password) fields.confirmPassword = "The passwords do not match. Enter the same password twice";
    }
  }
  return Object.keys(fields).length > 0 ? fromFields(fields) : null;
}

export function acceptBody(form: AcceptForm, accountExists: boolean): AcceptInvitationBody {
  if (!accountExists) return { name: form.name.trim(), password: form.password };
  return form.code === null ? { password: form.password } : { password: form.password, code: form.code.replace(/\s/g, "") };
}

/** The server asks for a code from an authenticator app: the password was right. */
export function needsCode(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401 && "code" in error.details;
}

export function acceptErrorsFromServer(error: unknown): AcceptFormErrors {
  if (!(error instanceof ApiRequestError)) return fromFields({}, ["Something went wrong. Try again."]);
  const fields: Partial<Record<AcceptField, string>> = {};
  const other: string[] = [];
  for (const [name, message] of Object.entries(error.details)) {
    if (name === "name" || name === "password") fields[name] = message;
    else if (name === "code") fields.code = error.message;
    else other.push(message);
  }
  if (Object.keys(fields).length === 0 && other.length === 0) other.push(error.message);
  return fromFields(fields, other);
}

/** The link no longer works (or never did): nothing to fill in, only what to do next. */
export function linkEnded(error: unknown): boolean {
  return error instanceof ApiRequestError && (error.status === 404 || error.status === 410);
}
