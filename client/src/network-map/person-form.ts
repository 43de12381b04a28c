/**
 * The pure part of the forms that add a person to a map and change their details (PersonForm):
 * what the form holds, what choosing someone on the child's team fills in, and what the map is
 * asked to store — checked against the map's own model, each problem said next to its field.
 */
import { mapNodeChangeSchema, teamContactInWords, type Agency, type MapNode, type MapNodeFields, type TeamMember } from "@roundtable/domain";

/** What the form's fields hold, as typed ("" for none). */
export interface PersonFormValues {
  /** The team member the person is linked to, or "". */
  personId: string;
  label: string;
  role: string;
  agencyId: string;
  contact: string;
}

export type PersonField = keyof PersonFormValues;

/** A person's details as the map stores them. */
export type PersonDetails = Required<Pick<MapNodeFields, "label" | "role" | "contact" | "agencyId" | "personId">>;

export const emptyPersonForm: PersonFormValues = { personId: "", label: "", role: "", agencyId: "", contact: "" };

/** The form opened on a person's details as the map has them (their own, not their team record's). */
export function personFormOf(node: MapNode): PersonFormValues {
  return { personId: node.personId ?? "", label: node.label, role: node.role ?? "", agencyId: node.agencyId ?? "", contact: node.contact ?? "" };
}

/** The service's agency a team member works for, matched by its name; undefined when it is not one of them. */
function agencyOf(member: TeamMember | undefined, agencies: readonly Agency[]): string | undefined {
  return member?.agency ? agencies.find((a) => a.name === member.agency)?.id : undefined;
}

/**
 * The form after choosing who on the team the person is (or "", no one). A member fills in their
 * name, and their agency when it is one of the service's. Choosing no one after a member keeps
 * what the map was showing of them — their name, job title and contact details — where the
 * fields were left empty, so nothing shown is lost with the link.
 */
export function withTeamMember(values: PersonFormValues, personId: string, team: readonly TeamMember[], agencies: readonly Agency[]): PersonFormValues {
  const before = team.find((m) => m.personId === values.personId);
  const chosen = team.find((m) => m.personId === personId);
  if (chosen) {
    // An agency filled in for the member before is no longer theirs; one chosen by hand stays.
    const filledBefore = agencyOf(before, agencies);
    const agencyId = agencyOf(chosen, agencies) ?? (filledBefore !== undefined && values.agencyId === filledBefore ? "" : values.agencyId);
    return { ...values, personId, label: chosen.name, agencyId };
  }
  return {
    ...values,
    personId,
    label: values.label.trim() || (before?.name ?? ""),
    role: values.role.trim() || (before?.jobTitle ?? ""),
    contact: values.contact.trim() || (teamContactInWords(before) ?? ""),
  };
}

export type PersonDetailsRead = { ok: true; details: PersonDetails } | { ok: false; errors: Partial<Record<PersonField, string>> };

const fields: readonly PersonField[] = ["personId", "label", "role", "agencyId", "contact"];

/** What the form asks the map to store, or what to say next to each field that it cannot take. */
export function personDetailsFrom(values: PersonFormValues, team: readonly TeamMember[]): PersonDetailsRead {
  const member = team.find((m) => m.personId === values.personId);
  const text = (value: string) => value.trim() || null;
  // A linked person's name is kept as their team has it, so a reader without the team still reads one.
  const details: PersonDetails = {
    label: member?.name ?? values.label.trim(),
    role: text(values.role),
    contact: text(values.contact),
    agencyId: text(values.agencyId),
    personId: text(values.personId),
  };
  const errors: Partial<Record<PersonField, string>> = {};
  if (!details.label) errors.label = "Enter their name, or the service's";
  const checked = mapNodeChangeSchema.safeParse(details);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = fields.find((f) => f === issue.path[0]) ?? "label";
      errors[field] ??= issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, details };
}

/** Only what differs from the person as the map has them, so a change leaves others' concurrent edits of other fields alone. */
export function changedDetails(node: MapNode, details: PersonDetails): Partial<PersonDetails> {
  return Object.fromEntries(Object.entries(details).filter(([key, value]) => node[key as keyof PersonDetails] !== value));
}

/** The first field with a problem, in the order the form shows them: where the focus goes. */
export function firstFieldWithError(errors: Partial<Record<PersonField, string>>): PersonField | undefined {
  return fields.find((f) => errors[f]);
}
