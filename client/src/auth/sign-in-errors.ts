/**
 * What went wrong with a sign-in attempt, as the error summary and the fields show it. Checks
 * the form before sending (the same rules the server applies) and reads the server's answer.
 */
import { ApiRequestError } from "../api/api";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "./form-errors";

export type SignInField = "email" | "password" | "code";

export type SignInErrors = FormErrors<SignInField>;
const signInForm: FormLayout<SignInField> = { fields: ["email", "password", "code"] };

/** `code` is null until the server asks for one (two-step sign-in). */
export function checkSignInForm(email: string, password: string, code: string | null = null): SignInErrors | null {
  const fields: FieldMessages<SignInField> = {};
  const trimmed = email.trim();
  if (trimmed.length === 0) fields.email = "Enter your email address";
  else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) fields.email = "Enter an email address, like name@example.org";
  if (password.length === 0) fields.password = "Enter your password";
  if (code !== null && !/^\d{6}$/.test(code.replace(/\s/g, ""))) fields.code = "Enter the 6-digit code from your authenticator app";
  return formErrorsIfAny(signInForm, fields);
}

function isSignInField(name: string): name is SignInField {
  return name === "email" || name === "password" || name === "code";
}

/** The server asks for a code from an authenticator app: the password was right. */
export function needsCode(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401 && "code" in error.details;
}

export function errorsFromServer(error: unknown): SignInErrors {
  return formErrorsFromServer(signInForm, error, {
    fieldFor: (name) => (isSignInField(name) ? name : undefined),
    wholeAnswer: (answer) => {
      if (answer.status !== 401) return undefined;
      if ("code" in answer.details) return { code: answer.message };
      // Not saying which one was wrong is deliberate on the server; link to the first field.
      return { email: answer.message };
    },
  });
}
