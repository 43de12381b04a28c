/**
 * The invitation page's form: someone new gives their name and a password (twice); someone
 * with an account signs in with it: its password, and the code from their authenticator app
 * when the server says two-step sign-in is on. The same rules as the server, said before sending.
 */
import { newPasswordMaxLength, newPasswordMinLength, type AcceptInvitationBody } from "@roundtable/domain";
import { ApiRequestError } from "../api/api";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";

export interface AcceptForm {
  name: string;
  password: string;
  confirmPassword: string;
  /** Null until the server says the account uses two-step sign-in. */
  code: string | null;
}

export const acceptFields = ["name", "password", "confirmPassword", "code"] as const;
export type AcceptField = (typeof acceptFields)[number];

export type AcceptFormErrors = FormErrors<AcceptField>;
const acceptForm: FormLayout<AcceptField> = { fields: acceptFields };

export function checkAcceptForm(form: AcceptForm, accountExists: boolean): AcceptFormErrors | null {
  const fields: FieldMessages<AcceptField> = {};
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
  return formErrorsIfAny(acceptForm, fields);
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
  return formErrorsFromServer(acceptForm, error, {
    fieldFor: (name) => (name === "name" || name === "password" ? name : undefined),
    // About the code, the server's sentence says what to do next; its detail only names the field.
    wholeAnswer: (answer) => ("code" in answer.details ? { code: answer.message } : undefined),
  });
}

/** The link no longer works (or never did): nothing to fill in, only what to do next. */
export function linkEnded(error: unknown): boolean {
  return error instanceof ApiRequestError && (error.status === 404 || error.status === 410);
}
