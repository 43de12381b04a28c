/**
 * "Record a decision": what the consent is for (and, for sharing, which agency), whether it was
 * given or declined, who gave or declined it, and an optional note. Checked before sending;
 * the server's own messages come back onto the same fields.
 */
import { consentDecisions, consentKindLabels, consentKinds, type Agency, type ConsentDecision, type ConsentKind } from "@roundtable/domain";
import type { FormEvent } from "react";
import { FormField } from "../auth/FormField";
import { FieldError } from "../meetings/FieldError";
import type { ConsentForm, ConsentFormErrors } from "./consent-form";

const kindChoices: Record<ConsentKind, string> = { ...consentKindLabels, "share-with-agency": "To share information with an agency" };
const decisionLabels: Record<ConsentDecision, string> = { given: "Given", declined: "Declined" };

interface RecordConsentFormProps {
  form: ConsentForm;
  errors: ConsentFormErrors["fields"];
  agencies: readonly Agency[];
  /** "Claire Walker (Jamie's mum)", from the family on the team, for the hint. */
  givenByExample: string;
  busy: boolean;
  onChange(changes: Partial<ConsentForm>): void;
  onSubmit(): void;
}

export function RecordConsentForm({ form, errors, agencies, givenByExample, busy, onChange, onSubmit }: RecordConsentFormProps) {
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form onSubmit={handleSubmit} noValidate data-testid="record-consent-form">
      <div className={`nhsuk-form-group${errors.kind ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor="kind">
          What is the consent for?
        </label>
        <FieldError id="kind-error" message={errors.kind} />
        <select
          className={`nhsuk-select${errors.kind ? " nhsuk-select--error" : ""}`}
          id="kind"
          value={form.kind}
          aria-describedby={errors.kind ? "kind-error" : undefined}
          onChange={(event) => onChange({ kind: event.target.value as ConsentKind | "" })}
        >
          <option value="">Choose one</option>
          {consentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindChoices[kind]}
            </option>
          ))}
        </select>
      </div>
      {form.kind === "share-with-agency" && (
        <div className={`nhsuk-form-group${errors.agencyId ? " nhsuk-form-group--error" : ""}`}>
          <label className="nhsuk-label nhsuk-label--s" htmlFor="agencyId">
            Which agency?
          </label>
          <div className="nhsuk-hint" id="agencyId-hint">
            People from this agency on the team can open the records only while this consent is in force.
          </div>
          <FieldError id="agencyId-error" message={errors.agencyId} />
          <select
            className={`nhsuk-select${errors.agencyId ? " nhsuk-select--error" : ""}`}
            id="agencyId"
            value={form.agencyId}
            aria-describedby={errors.agencyId ? "agencyId-hint agencyId-error" : "agencyId-hint"}
            onChange={(event) => onChange({ agencyId: event.target.value })}
          >
            <option value="">Choose an agency</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={`nhsuk-form-group${errors.decision ? " nhsuk-form-group--error" : ""}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={errors.decision ? "decision-error" : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Was consent given or declined?</legend>
          <FieldError id="decision-error" message={errors.decision} />
          <div className="nhsuk-radios nhsuk-radios--inline">
            {consentDecisions.map((decision, index) => (
              <div key={decision} className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  // The first choice has the field's id, so the error summary can move focus to it.
                  id={index === 0 ? "decision" : `decision-${decision}`}
                  name="decision"
                  type="radio"
                  value={decision}
                  checked={form.decision === decision}
                  onChange={() => onChange({ decision })}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={index === 0 ? "decision" : `decision-${decision}`}>
                  {decisionLabels[decision]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <FormField
        id="givenBy"
        label="Who gave or declined it"
        hint={`Their name and who they are, for example ${givenByExample}`}
        autoComplete="off"
        value={form.givenBy}
        error={errors.givenBy}
        onChange={(event) => onChange({ givenBy: event.target.value })}
      />
      <div className={`nhsuk-form-group${errors.note ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor="note">
          Note (optional)
        </label>
        <div className="nhsuk-hint" id="note-hint">
          For example, how they told you, or anything they asked for. Keep details of care out of it: the service's administrator reads consent records too.
        </div>
        <FieldError id="note-error" message={errors.note} />
        <textarea
          className={`nhsuk-textarea${errors.note ? " nhsuk-textarea--error" : ""}`}
          id="note"
          rows={3}
          value={form.note}
          aria-describedby={errors.note ? "note-hint note-error" : "note-hint"}
          onChange={(event) => onChange({ note: event.target.value })}
        />
      </div>
      <button type="submit" className="nhsuk-button" aria-disabled={busy || undefined}>
        {busy ? "Recording…" : "Record the decision"}
      </button>
    </form>
  );
}
