/**
 * What went wrong with a form, as the error summary and the fields show it: one message per
 * field, listed in the order the fields are on the page (each a link to its field), then the
 * messages that belong to no field. Built the same way for every form, whether the form's own
 * checks found the problems or the server's answer named them.
 */
import { ApiRequestError } from "../api/api";
import type { FormErrorSummary } from "./ErrorSummary";

export type FieldMessages<F extends string> = Partial<Record<F, string>>;

export interface FormErrors<F extends string> extends FormErrorSummary {
  /** Shown in the error summary, in this order; `field` is the id of the field the item links to. */
  summary: { field?: string; message: string }[];
  /** Shown beside each field. */
  fields: FieldMessages<F>;
}

/** A form's fields, in the order the page shows them. */
export interface FormLayout<F extends string> {
  fields: readonly F[];
  /** The id of the field's input on the page, for the summary's links; the field's name unless said. */
  fieldId?(field: F): string;
}

export const somethingWentWrong = "Something went wrong. Try again.";

export function formErrors<F extends string>(layout: FormLayout<F>, fields: FieldMessages<F>, other: readonly string[] = []): FormErrors<F> {
  const summary: FormErrors<F>["summary"] = [];
  for (const field of layout.fields) {
    const message = fields[field];
    if (message) summary.push({ field: layout.fieldId ? layout.fieldId(field) : field, message });
  }
  for (const message of other) summary.push({ message });
  return { summary, fields };
}

/** The form's own checks: null when they found nothing, so the form can be sent. */
export function formErrorsIfAny<F extends string>(layout: FormLayout<F>, fields: FieldMessages<F>): FormErrors<F> | null {
  return Object.keys(fields).length > 0 ? formErrors(layout, fields) : null;
}

export interface ServerAnswerReading<F extends string> {
  /** The form field a detail the server names belongs to; none puts the detail in the summary alone. */
  fieldFor(name: string): F | undefined;
  /**
   * Answers read as a whole, before their details: where the server's own sentence belongs to
   * one field (a wrong password on sign-in). Nothing returned reads the details as usual.
   */
  wholeAnswer?(error: ApiRequestError): FieldMessages<F> | undefined;
}

/**
 * The server's refusal read back onto the form: each detail on its field (the first one wins
 * when several name the same field), the rest in the summary, and the server's own sentence
 * when it named nothing. Anything but an API answer becomes "Something went wrong".
 */
export function formErrorsFromServer<F extends string>(layout: FormLayout<F>, error: unknown, reading: ServerAnswerReading<F>): FormErrors<F> {
  if (!(error instanceof ApiRequestError)) return formErrors(layout, {}, [somethingWentWrong]);
  const whole = reading.wholeAnswer?.(error);
  if (whole) return formErrors(layout, whole);
  const fields: FieldMessages<F> = {};
  const other: string[] = [];
  for (const [name, message] of Object.entries(error.details)) {
    const field = reading.fieldFor(name);
    if (field === undefined) other.push(message);
    else if (!fields[field]) fields[field] = message;
  }
  if (Object.keys(fields).length === 0 && other.length === 0) other.push(error.message);
  return formErrors(layout, fields, other);
}
