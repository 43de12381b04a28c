/**
 * The "Record a decision" form's rules: what must be filled in (the server's rules, said before
 * sending), the request it becomes, and the server's answer read back onto the fields.
 */
import type { ConsentDecision, ConsentKind, RecordConsentBody } from "@roundtable/domain";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";

export interface ConsentForm {
  kind: ConsentKind | "";
  /** Only for sharing consent. */
  agencyId: string;
  decision: ConsentDecision | "";
  givenBy: string;
  note: string;
}

export const emptyConsentForm: ConsentForm = { kind: "", agencyId: "", decision: "", givenBy: "", note: "" };

/** Each field's id on the page, which is also how the error summary links to it. */
export const consentFields = ["kind", "agencyId", "decision", "givenBy", "note"] as const;
export type ConsentField = (typeof consentFields)[number];

export type ConsentFormErrors = FormErrors<ConsentField>;
const consentForm: FormLayout<ConsentField> = { fields: consentFields };

export function checkConsentForm(form: ConsentForm): ConsentFormErrors | null {
  const fields: FieldMessages<ConsentField> = {};
  if (form.kind === "") fields.kind = "Choose what the consent is for";
  if (form.kind === "share-with-agency" && form.agencyId === "") fields.agencyId = "Choose the agency";
  if (form.decision === "") fields.decision = "Say whether consent was given or declined";
  const givenBy = form.givenBy.trim();
  if (givenBy === "") fields.givenBy = "Say who gave or declined consent, for example Claire Walker (mum)";
  else if (givenBy.length > 200) fields.givenBy = "Keep this under 200 characters";
  if (form.note.trim().length > 2000) fields.note = "Keep the note under 2,000 characters";
  return formErrorsIfAny(consentForm, fields);
}

/** The request; an agency is sent for sharing consent and only then, as the server requires. */
export function consentBody(form: ConsentForm): RecordConsentBody {
  if (form.kind === "" || form.decision === "") throw new Error("Check the form before building the request");
  const note = form.note.trim();
  return {
    kind: form.kind,
    ...(form.kind === "share-with-agency" ? { agencyId: form.agencyId } : {}),
    decision: form.decision,
    givenBy: form.givenBy.trim(),
    ...(note === "" ? {} : { note }),
  };
}

export function consentErrorsFromServer(error: unknown): ConsentFormErrors {
  return formErrorsFromServer(consentForm, error, { fieldFor: (name) => consentFields.find((f) => f === name) });
}
