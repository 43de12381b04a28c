/**
 * The forms for a person on the network map's list: adding someone (AddPersonForm, under the list)
 * and changing a person's details where they are listed (ChangePersonForm). Both have the same
 * fields (PersonFields): who on the child's team they are, if anyone — which fills in their name,
 * and their agency when it is one of the service's, and shows their job title and contact
 * details from the team as they change — then name, role, agency and how to contact them.
 * Native labelled controls, each problem said next to its field, so they work by keyboard alone
 * and with a screen reader.
 */
import { mapNodeStatuses, mapNodeStatusLabels, networkMapLimits, teamContactInWords, type MapNode, type MapNodeStatus } from "@roundtable/domain";
import { useEffect, useId, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FieldShell } from "../auth/FieldShell";
import { FormField } from "../auth/FormField";
import { RadioField } from "../auth/RadioField";
import { SelectField } from "../auth/SelectField";
import { memberChoiceLabel } from "./map-links";
import { changedDetails, emptyPersonForm, firstFieldWithError, personDetailsFrom, personFormOf, withTeamMember, type PersonDetails, type PersonField, type PersonFormValues } from "./person-form";
import { useMapLinks } from "./use-map-links";

type FieldErrors = Partial<Record<PersonField, string>>;

const fieldIds = (prefix: string): Record<PersonField, string> => ({
  personId: `${prefix}-member`,
  label: `${prefix}-name`,
  role: `${prefix}-role`,
  agencyId: `${prefix}-agency`,
  contact: `${prefix}-contact`,
});

const focusFirstError = (prefix: string, errors: FieldErrors) => {
  const field = firstFieldWithError(errors);
  if (field) document.getElementById(fieldIds(prefix)[field])?.focus();
};

interface PersonFieldsProps {
  idPrefix: string;
  values: PersonFormValues;
  onChange(values: PersonFormValues): void;
  errors: FieldErrors;
  /** Whether they may be someone on the team: a person may, a service not. */
  mayLink: boolean;
  /** The team choice that means no one on it: "No, someone else" to add, "Not linked" to change. */
  noOne: string;
}

export function PersonFields({ idPrefix, values, onChange, errors, mayLink, noOne }: PersonFieldsProps) {
  const { team, agencies, teamName } = useMapLinks();
  const ids = fieldIds(idPrefix);
  const member = team.find((m) => m.personId === values.personId);
  const memberContact = teamContactInWords(member);
  const set = (field: PersonField) => (event: { target: { value: string } }) => onChange({ ...values, [field]: event.target.value });
  const text = (field: "label" | "role" | "contact", label: string, hint: string | undefined, input: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FormField
      id={ids[field]}
      label={label}
      hint={hint}
      error={errors[field]}
      value={values[field]}
      onChange={set(field)}
      autoComplete="off"
      maxLength={networkMapLimits.maxTextLength}
      {...input}
    />
  );
  const teamChoices = team.map((m) => ({ value: m.personId, label: memberChoiceLabel(m) }));
  // Linked to someone the reader does not see on the team (now): the link stays unless changed.
  if (values.personId && !member) teamChoices.push({ value: values.personId, label: `Someone not on ${teamName} now` });
  return (
    <>
      {mayLink && (team.length > 0 || values.personId) && (
        <SelectField
          id={ids.personId}
          label={`Someone on ${teamName}?`}
          hint="Their name, job title and contact details then come from the team, and stay up to date"
          error={errors.personId}
          placeholder={noOne}
          options={teamChoices}
          value={values.personId}
          onChange={(event) => onChange(withTeamMember(values, event.target.value, team, agencies))}
        />
      )}
      {text("label", "Name", member ? `As on ${teamName}` : undefined, { value: member ? member.name : values.label, readOnly: Boolean(member) })}
      {text(
        "role",
        "Role (optional)",
        member?.jobTitle ? `Leave it empty to show their job title on ${teamName}: ${member.jobTitle}` : "For example, social worker or speech and language therapist",
      )}
      <SelectField
        id={ids.agencyId}
        label="Agency (optional)"
        error={errors.agencyId}
        placeholder="Not with an agency"
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        value={values.agencyId}
        onChange={set("agencyId")}
      />
      {text(
        "contact",
        "How to contact them (optional)",
        memberContact ? `The map shows the contact details they keep on ${teamName}: ${memberContact}. What is written here shows only if they have none.` : undefined,
        { maxLength: networkMapLimits.maxContactLength },
      )}
    </>
  );
}

export const statusOptions = mapNodeStatuses.map((s) => (
  <option key={s} value={s}>
    {mapNodeStatusLabels[s]}
  </option>
));

export interface NewPerson extends PersonDetails {
  kind: "person" | "agency";
  status: MapNodeStatus;
}

const addPrefix = "map-add";

/** Add someone to the map; `onAdd` answers whether the map took them. */
export function AddPersonForm({ onAdd }: { onAdd(person: NewPerson): boolean }) {
  const { team } = useMapLinks();
  const [values, setValues] = useState(emptyPersonForm);
  const [kind, setKind] = useState<"person" | "agency">("person");
  const [status, setStatus] = useState<MapNodeStatus>("on-board");
  const [errors, setErrors] = useState<FieldErrors>({});
  const ids = fieldIds(addPrefix);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = personDetailsFrom(values, team);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    if (!onAdd({ ...read.details, kind: read.details.personId ? "person" : kind, status })) return;
    setValues(emptyPersonForm);
    setKind("person");
    setStatus("on-board");
    document.getElementById(ids.label)?.focus();
  };
  const summary = (Object.keys(ids) as PersonField[]).flatMap((f) => (errors[f] ? [{ field: ids[f], message: errors[f] }] : []));
  return (
    <form className="rt-map-list__form" onSubmit={submit} noValidate aria-labelledby="map-add-heading">
      <h3 id="map-add-heading">Add someone to the map</h3>
      {summary.length > 0 && <ErrorSummary errors={{ summary }} />}
      <PersonFields idPrefix={addPrefix} values={values} onChange={setValues} errors={errors} mayLink={kind === "person"} noOne="No, someone else" />
      {!values.personId && (
        <RadioField<"person" | "agency">
          id="map-add-kind"
          legend="A person or a service?"
          choices={[
            { value: "person", label: "A person" },
            { value: "agency", label: "A service" },
          ]}
          value={kind}
          onChange={setKind}
        />
      )}
      <FieldShell id="map-add-status" label="Status">
        {() => (
          <select className="nhsuk-select" id="map-add-status" value={status} onChange={(event) => setStatus(event.target.value as MapNodeStatus)}>
            {statusOptions}
          </select>
        )}
      </FieldShell>
      <button type="submit" className="nhsuk-button">
        Add to the map
      </button>
    </form>
  );
}

interface ChangePersonFormProps {
  node: MapNode;
  /** Their name as the list shows it. */
  name: string;
  /** Saves what changed; answers what to say when the map could not take it, or null. */
  onSave(changed: Partial<PersonDetails>): string | null;
  /** Closes the form: after a save, on Cancel and on Escape. */
  onDone(): void;
}

/** A person's details changed where they are listed: the focus starts on the first field; Escape or Cancel leaves them as they were. */
export function ChangePersonForm({ node, name, onSave, onDone }: ChangePersonFormProps) {
  const { team } = useMapLinks();
  const prefix = `map-change${useId().replace(/:/g, "")}`;
  const [values, setValues] = useState(() => personFormOf(node));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const mayLink = node.kind === "person";
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens
  useEffect(() => {
    const ids = fieldIds(prefix);
    (document.getElementById(ids.personId) ?? document.getElementById(ids.label))?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = personDetailsFrom(values, team);
    if (!read.ok) {
      setErrors(read.errors);
      focusFirstError(prefix, read.errors);
      return;
    }
    setErrors({});
    const changed = changedDetails(node, read.details);
    const said = Object.keys(changed).length > 0 ? onSave(changed) : null;
    setProblem(said);
    if (!said) onDone();
  };

  return (
    <form
      className="rt-map-list__change"
      onSubmit={submit}
      noValidate
      aria-label={`Change the details of ${name}`}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onDone();
      }}
    >
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <PersonFields idPrefix={prefix} values={values} onChange={setValues} errors={errors} mayLink={mayLink} noOne="Not linked" />
      <div className="rt-map-list__change-actions">
        <button type="submit" className="nhsuk-button nhsuk-button--small">
          Save<span className="nhsuk-u-visually-hidden"> the details of {name}</span>
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
