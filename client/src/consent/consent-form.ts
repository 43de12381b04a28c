/**
 * The "Record a decision" form's rules: what must be filled in (the server's rules, said before
 * sending), the request it becomes, and the server's answer read back onto the fields.
 */
import type { ConsentDecision, ConsentKind, RecordConsentBody } from "@roundtable/domain";
import { ApiRequestError } from "../api/api";

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

export interface ConsentFormErrors {
  summary: { field?: ConsentField; message: string }[];
  fields: Partial<Record<ConsentField, string>>;
}

function fromFields(fields: Partial<Record<ConsentField, string>>, other: string[] = []): ConsentFormErrors {
  const summary: ConsentFormErrors["summary"] = [];
  for (const field of consentFields) {
    const message = fields[field];
    if (message) summary.push({ field, message });
  }
  for (const message of other) summary.push({ message });
  return { summary, fields };
}

export function checkConsentForm(form: ConsentForm): ConsentFormErrors | null {
  const fields: Partial<Record<ConsentField, string>> = {};
  if (form.kind === "") fields.kind = "Choose what the consent is for";
  if (form.kind === "share-with-agency" && form.agencyId === "") fields.agencyId = "Choose the agency";
  if (form.decision === "") fields.decision = "Say whether consent was given or declined";
  const givenBy = form.givenBy.trim();
  if (givenBy === "") fields.givenBy = "Say who gave or declined consent, for example Claire Walker (mum)";
  else if (givenBy.length > 200) fields.givenBy = "Keep this under 200 characters";
  if (form.note.trim().length > 2000) fields.note = "Keep the note under 2,000 characters";
  return Object.keys(fields).length > 0 ? fromFields(fields) : null;
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
  if (!(error instanceof ApiRequestError)) return fromFields({}, ["Something went wrong. Try again."]);
  const fields: Partial<Record<ConsentField, string>> = {};
  const other: string[] = [];
  for (const [name, message] of Object.entries(error.details)) {
    const field = consentFields.find((f) => f === name);
    if (field && !fields[field]) fields[field] = message;
    else if (!field) other.push(message);
  }
  if (Object.keys(fields).length === 0 && other.length === 0) other.push(error.message);
  return fromFields(fields, other);
}
