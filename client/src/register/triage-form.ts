/**
 * The triage forms' rules: accepting (a first rating from the service's levels, a keyworker if
 * one is free, a note for the rating's history) or not (the reason, which the referrer reads).
 * Checked before sending in the server's words; the server's answer read back onto the fields.
 */
import { acceptNoteMaxLength, declineReasonMaxLength, type RecordedRagRating, type ReferralDecisionBody } from "@roundtable/domain";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";

export interface AcceptForm {
  rating: RecordedRagRating | "";
  keyworkerId: string;
  note: string;
}

export const emptyAcceptForm: AcceptForm = { rating: "", keyworkerId: "", note: "" };

export const acceptFields = ["rating", "keyworkerId", "note"] as const;
export type AcceptField = (typeof acceptFields)[number];
export type AcceptFormErrors = FormErrors<AcceptField>;
export const acceptFieldId = (field: AcceptField) => `accept-${field}`;
const acceptLayout: FormLayout<AcceptField> = { fields: acceptFields, fieldId: acceptFieldId };

export const declineFields = ["reason"] as const;
export type DeclineField = (typeof declineFields)[number];
export type DeclineFormErrors = FormErrors<DeclineField>;
export const declineFieldId = (field: DeclineField) => `decline-${field}`;
const declineLayout: FormLayout<DeclineField> = { fields: declineFields, fieldId: declineFieldId };

const under = (max: number) => `Keep this under ${max.toLocaleString("en-GB")} characters`;

export function checkAcceptForm(form: AcceptForm): AcceptFormErrors | null {
  const fields: FieldMessages<AcceptField> = {};
  if (form.rating === "") fields.rating = "Choose a first rating";
  if (form.note.trim().length > acceptNoteMaxLength) fields.note = under(acceptNoteMaxLength);
  return formErrorsIfAny(acceptLayout, fields);
}

export function acceptBody(form: AcceptForm): ReferralDecisionBody {
  if (form.rating === "") throw new Error("Check the form before building the request");
  const note = form.note.trim();
  return { accept: { rating: form.rating, ...(form.keyworkerId ? { keyworkerId: form.keyworkerId } : {}), ...(note ? { reason: note } : {}) } };
}

export function checkDeclineForm(reason: string): DeclineFormErrors | null {
  const fields: FieldMessages<DeclineField> = {};
  const trimmed = reason.trim();
  if (trimmed === "") fields.reason = "Say why the child is not being accepted";
  else if (trimmed.length > declineReasonMaxLength) fields.reason = `Keep the reason under ${declineReasonMaxLength.toLocaleString("en-GB")} characters`;
  return formErrorsIfAny(declineLayout, fields);
}

export function declineBody(reason: string): ReferralDecisionBody {
  return { decline: { reason: reason.trim() } };
}

/** "accept.rating" is the rating's field; a referral decided meanwhile (409) is said above the form. */
export function acceptErrorsFromServer(error: unknown): AcceptFormErrors {
  return formErrorsFromServer(acceptLayout, error, { fieldFor: (name) => acceptFields.find((f) => `accept.${f}` === name || (f === "note" && name === "accept.reason")) });
}

export function declineErrorsFromServer(error: unknown): DeclineFormErrors {
  return formErrorsFromServer(declineLayout, error, { fieldFor: (name) => (name === "decline.reason" ? "reason" : undefined) });
}
