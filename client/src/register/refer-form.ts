/**
 * The "Refer a child" form's rules: the server's own schema said before sending (so the words
 * are the same), the request it becomes, and the server's answer read back onto the fields.
 */
import { dateOfBirthProblem, referralBodySchema, type ReferralBody, type ReferralSource, type RegisterConsentAnswer } from "@roundtable/domain";
import { formErrors, formErrorsFromServer, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";

export interface ReferForm {
  source: ReferralSource | "";
  childName: string;
  dateOfBirth: string;
  whyNow: string;
  risk: string;
  registerConsent: RegisterConsentAnswer | "";
}

export const referFields = ["source", "childName", "dateOfBirth", "whyNow", "risk", "registerConsent"] as const;
export type ReferField = (typeof referFields)[number];
export type ReferFormErrors = FormErrors<ReferField>;

export const referFieldId = (field: ReferField) => `refer-${field}`;
const layout: FormLayout<ReferField> = { fields: referFields, fieldId: referFieldId };

/** A professional's form starts as their own referral; someone who may record a family's own referral chooses. */
export function emptyReferForm(choosesSource: boolean): ReferForm {
  return { source: choosesSource ? "" : "professional", childName: "", dateOfBirth: "", whyNow: "", risk: "", registerConsent: "" };
}

/** The form as the request would carry it, choices not yet made left out (for checking). */
function draftOf(form: ReferForm) {
  return {
    childName: form.childName,
    ...(form.dateOfBirth.trim() ? { dateOfBirth: form.dateOfBirth.trim() } : {}),
    ...(form.source ? { source: form.source } : {}),
    whyNow: form.whyNow,
    risk: form.risk,
    ...(form.registerConsent ? { registerConsent: form.registerConsent } : {}),
  };
}

/** The request, once checkReferForm has found nothing wrong. */
export function referBody(form: ReferForm): ReferralBody {
  if (form.registerConsent === "") throw new Error("Check the form before building the request");
  return { ...draftOf(form), registerConsent: form.registerConsent };
}

const fieldFor = (name: string): ReferField | undefined => referFields.find((f) => f === name);

/** What is wrong before sending, in the server's words; null when it can be sent. */
export function checkReferForm(form: ReferForm, today: string): ReferFormErrors | null {
  const fields: FieldMessages<ReferField> = {};
  if (form.source === "") fields.source = "Say whose referral this is";
  const parsed = referralBodySchema.safeParse(draftOf(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldFor(String(issue.path[0] ?? ""));
      if (field && !fields[field]) fields[field] = issue.message;
    }
  }
  const dob = dateOfBirthProblem(form.dateOfBirth.trim() || undefined, today);
  if (dob && !fields.dateOfBirth) fields.dateOfBirth = dob;
  return Object.keys(fields).length > 0 ? formErrors(layout, fields) : null;
}

export function referErrorsFromServer(error: unknown): ReferFormErrors {
  return formErrorsFromServer(layout, error, { fieldFor });
}
