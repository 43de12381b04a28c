/**
 * The two "forgot your password?" forms: asking for a link (the email address) and choosing a
 * new password with it. Checked before sending by the same rules the server applies
 * (packages/domain), and the server's refusals read back onto the fields.
 */
import { newPasswordMaxLength, newPasswordMinLength } from "@roundtable/domain";
import { ApiRequestError } from "../api/api";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "./form-errors";

export type ResetRequestErrors = FormErrors<"email">;
const requestForm: FormLayout<"email"> = { fields: ["email"] };

export function checkResetRequest(email: string): ResetRequestErrors | null {
  const fields: FieldMessages<"email"> = {};
  const trimmed = email.trim();
  if (trimmed.length === 0) fields.email = "Enter your email address";
  else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) fields.email = "Enter an email address, like name@example.org";
  return formErrorsIfAny(requestForm, fields);
}

export function resetRequestErrorsFromServer(error: unknown): ResetRequestErrors {
  return formErrorsFromServer(requestForm, error, { fieldFor: (name) => (name === "email" ? "email" : undefined) });
}

export type NewPasswordField = "password" | "confirmPassword";
export type NewPasswordErrors = FormErrors<NewPasswordField>;
const newPasswordForm: FormLayout<NewPasswordField> = { fields: ["password", "confirmPassword"] };

export function checkNewPassword(password: string, confirmPassword: string): NewPasswordErrors | null {
  const fields: FieldMessages<NewPasswordField> = {};
  if (password.length === 0) fields.password = "Enter a new password";
  else if (password.length < newPasswordMinLength) fields.password = `Your password must be at least ${newPasswordMinLength} characters long`;
  else if (password.length > newPasswordMaxLength) fields.password = `Your password must be ${newPasswordMaxLength} characters or fewer`;
  else if (confirmPassword !== password) fields.confirmPassword = "The two passwords are not the same. Type your new password again";
  return formErrorsIfAny(newPasswordForm, fields);
}

export function newPasswordErrorsFromServer(error: unknown): NewPasswordErrors {
  return formErrorsFromServer(newPasswordForm, error, { fieldFor: (name) => (name === "password" ? "password" : undefined) });
}

/** The link no longer works (used, expired or never valid): the page says so instead of the form. */
export function linkEnded(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError && (error.status === 404 || error.status === 410);
}
