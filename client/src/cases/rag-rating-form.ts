/**
 * The "Change rating" form's rules: a level and a reason (the server's rules, said before
 * sending, and a level that is not the one the child has now), the request it becomes, and the
 * server's answer read back onto the fields.
 */
import { ragReasonMaxLength, type RagChangeBody, type RagLevel, type RecordedRagRating } from "@roundtable/domain";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";
import { ragLevelLabel } from "./rag-history-words";

export interface RagRatingForm {
  rating: RecordedRagRating | "";
  reason: string;
}

export const emptyRagRatingForm: RagRatingForm = { rating: "", reason: "" };

export const ragRatingFields = ["rating", "reason"] as const;
export type RagRatingField = (typeof ragRatingFields)[number];
export type RagRatingFormErrors = FormErrors<RagRatingField>;

/** Each field's id on the case page (beside other forms): the first radio button's for the rating, so the error summary can go to it. */
export const ragRatingFieldId = (field: RagRatingField) => `rag-${field}`;
const layout: FormLayout<RagRatingField> = { fields: ragRatingFields, fieldId: ragRatingFieldId };

export function checkRagRatingForm(form: RagRatingForm, current: RecordedRagRating, levels: readonly RagLevel[]): RagRatingFormErrors | null {
  const fields: FieldMessages<RagRatingField> = {};
  if (form.rating === "") fields.rating = "Choose a rating";
  else if (form.rating === current) fields.rating = `The rating is already ${ragLevelLabel(levels, current).toLowerCase()}. Choose a different rating, or cancel`;
  const reason = form.reason.trim();
  if (reason === "") fields.reason = "Say why the rating is changing";
  else if (reason.length > ragReasonMaxLength) fields.reason = `Keep the reason under ${ragReasonMaxLength.toLocaleString("en-GB")} characters`;
  return formErrorsIfAny(layout, fields);
}

export function ragRatingBody(form: RagRatingForm): RagChangeBody {
  if (form.rating === "") throw new Error("Check the form before building the request");
  return { rating: form.rating, reason: form.reason.trim() };
}

/** A refusal of the change itself ("already amber", changed meanwhile) belongs beside the choice of rating. */
export function ragRatingErrorsFromServer(error: unknown): RagRatingFormErrors {
  return formErrorsFromServer(layout, error, {
    fieldFor: (name) => ragRatingFields.find((f) => f === name),
    wholeAnswer: (answer) => (answer.status === 409 ? { rating: answer.message } : undefined),
  });
}

