/**
 * The "Invite someone to the team" form's rules: what must be filled in (the server's rules,
 * said before sending), the request it becomes, and the server's answer read back onto fields.
 * Inviting the young person links the account they accept with as the child's own, so only the
 * child's own keyworker is offered it, while none is linked (ADR 0012).
 */
import { invitableRoles, invitedRoleCounts, invitedRoleHasAgency, mayLinkYoungPerson, type CaseDetail, type CreateInvitationRequest, type InvitableRole } from "@roundtable/domain";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";

export interface InviteForm {
  email: string;
  name: string;
  role: InvitableRole | "";
  agencyId: string;
  /** For the young person: how they agreed to their own account, in the keyworker's words (ADR 0012). */
  youngPersonAgreement: string;
}

export const emptyInviteForm: InviteForm = { email: "", name: "", role: "", agencyId: "", youngPersonAgreement: "" };

/** Each field's id on the page (prefixed, as the case page has other forms), in the order the summary lists them. */
export const inviteFields = ["email", "name", "role", "agencyId", "youngPersonAgreement"] as const;
export type InviteField = (typeof inviteFields)[number];
export const inviteFieldId = (field: InviteField) => `invite-${field}`;

export type InviteFormErrors = FormErrors<InviteField>;
const inviteForm: FormLayout<InviteField> = { fields: inviteFields, fieldId: inviteFieldId };

/** The person invited, as every invitation form asks for them: an email address, and a name of a sensible length. */
export function checkInvitee(form: { email: string; name: string }): FieldMessages<"email" | "name"> {
  const fields: FieldMessages<"email" | "name"> = {};
  const email = form.email.trim();
  if (email === "") fields.email = "Enter their email address";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fields.email = "Enter an email address in the right format, like name@example.org";
  if (form.name.trim().length > 200) fields.name = "Keep their name under 200 characters";
  return fields;
}

export function checkInviteForm(form: InviteForm): InviteFormErrors | null {
  const fields: FieldMessages<InviteField> = checkInvitee(form);
  if (form.role === "") fields.role = "Choose what they will be on the team";
  else if (invitedRoleHasAgency(form.role) && form.agencyId === "") fields.agencyId = "Choose the agency they work for";
  else if (form.role === "young-person" && form.youngPersonAgreement.trim() === "") fields.youngPersonAgreement = "Say how the young person agreed to have their own account";
  return formErrorsIfAny(inviteForm, fields);
}

export function inviteBody(form: InviteForm): CreateInvitationRequest {
  if (form.role === "") throw new Error("Check the form before building the request");
  const name = form.name.trim();
  return {
    email: form.email.trim().toLowerCase(),
    role: form.role,
    ...(name ? { name } : {}),
    ...(invitedRoleHasAgency(form.role) && form.agencyId ? { agencyId: form.agencyId } : {}),
    ...(form.role === "young-person" ? { youngPersonAgreement: form.youngPersonAgreement.trim() } : {}),
  };
}

function isInviteField(name: string): name is InviteField {
  return (inviteFields as readonly string[]).includes(name);
}

export function inviteErrorsFromServer(error: unknown): InviteFormErrors {
  return formErrorsFromServer(inviteForm, error, {
    fieldFor: (name) => (isInviteField(name) ? name : undefined),
    // "Already on the team" and "already invited" are about the email address they typed.
    wholeAnswer: (answer) =>
      answer.status === 409 && Object.keys(answer.details).length === 0 ? { email: answer.message } : undefined,
  });
}

/**
 * The roles this person may invite onto this case: the young person only for their own keyworker,
 * while none is linked; a parent or carer only while they would count on the team
 * (`invitedRoleCounts`: not while the young person's decision keeps parents out, ADR 0026).
 */
export function rolesToInvite(details: Pick<CaseDetail, "keyworker" | "youngPerson" | "parentsSharing">, meId: string): readonly InvitableRole[] {
  const mayInviteChild = details.youngPerson === null && mayLinkYoungPerson({ isOwnKeyworker: details.keyworker?.id === meId });
  const parentsMayOpen = details.parentsSharing?.parentsMayOpen ?? true;
  return invitableRoles.filter((role) => (role !== "young-person" || mayInviteChild) && invitedRoleCounts(role, { parentsMayOpen }));
}
