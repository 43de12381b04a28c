/**
 * The CETR panel form's rules: an email address (of their Roundtable account, or where to send an
 * invitation), their name for an invitation, and their place; the request it becomes; and the
 * server's answer read back onto the fields.
 */
import type { AddPanelMemberRequest, PanelPlace } from "@roundtable/domain";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";
import { checkInvitee } from "../invitations/invite-form";

export interface PanelForm {
  email: string;
  name: string;
  place: PanelPlace;
}

export const emptyPanelForm: PanelForm = { email: "", name: "", place: "independent-chair" };

export const panelFields = ["email", "name", "place"] as const;
export type PanelField = (typeof panelFields)[number];
/** Each field's id on the CETR page (beside the other forms there). */
export const panelFieldId = (field: PanelField) => `panel-${field}`;
export type PanelFormErrors = FormErrors<PanelField>;
const layout: FormLayout<PanelField> = { fields: panelFields, fieldId: panelFieldId };

export function checkPanelForm(form: PanelForm): PanelFormErrors | null {
  const fields: FieldMessages<PanelField> = checkInvitee(form);
  return formErrorsIfAny(layout, fields);
}

export function panelBody(form: PanelForm): AddPanelMemberRequest {
  const name = form.name.trim();
  return { email: form.email.trim().toLowerCase(), place: form.place, ...(name ? { name } : {}) };
}

/** Details name their field ("give their name", "already invited"); a full or finished panel is said in the summary. */
export function panelErrorsFromServer(error: unknown): PanelFormErrors {
  return formErrorsFromServer(layout, error, { fieldFor: (name) => panelFields.find((f) => f === name) });
}
