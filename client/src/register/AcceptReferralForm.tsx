/**
 * Accepting a referral onto the register: the first RAG rating (the service's levels, each with
 * its criteria), a keyworker if one is free (each with how many children they keywork now), and
 * a note for the rating's history. The heading takes focus when the form opens.
 */
import type { KeyworkerChoice, RagLevel } from "@roundtable/domain";
import { RadioField } from "../auth/RadioField";
import { SelectField } from "../auth/SelectField";
import { TextAreaField } from "../auth/TextAreaField";
import { acceptFieldId, type AcceptForm, type AcceptFormErrors } from "./triage-form";
import { keyworkerOption } from "./allocation-words";
import { DecisionForm } from "./DecisionForm";

interface AcceptReferralFormProps {
  childName: string;
  levels: readonly RagLevel[];
  keyworkers: readonly KeyworkerChoice[];
  form: AcceptForm;
  errors: AcceptFormErrors | null;
  busy: boolean;
  onChange(changes: Partial<AcceptForm>): void;
  onSubmit(): void;
  onCancel(): void;
}

export function AcceptReferralForm({ childName, levels, keyworkers, form, errors, busy, onChange, onSubmit, onCancel }: AcceptReferralFormProps) {
  return (
    <DecisionForm
      heading={`Accept ${childName} onto the register`}
      errors={errors}
      busy={busy}
      submitLabel="Accept onto the register"
      className="rt-triage__form"
      testId="accept-form"
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <RadioField
        id={acceptFieldId("rating")}
        legend="What is the first RAG rating?"
        choices={levels.map((level) => ({ value: level.rating, label: level.label, hint: level.criteria }))}
        value={form.rating}
        error={errors?.fields.rating}
        onChange={(rating) => onChange({ rating })}
      />
      <SelectField
        id={acceptFieldId("keyworkerId")}
        label="Keyworker (optional)"
        hint="You can allocate one later from the child's page."
        placeholder="No keyworker yet"
        options={keyworkers.map((k) => ({ value: k.id, label: keyworkerOption(k) }))}
        value={form.keyworkerId}
        error={errors?.fields.keyworkerId}
        onChange={(event) => onChange({ keyworkerId: event.target.value })}
      />
      <TextAreaField
        id={acceptFieldId("note")}
        label="Anything to add to the rating's history? (optional)"
        hint="It is saved after the words 'Accepted onto the register'. The professionals working with the child can read it; the family cannot."
        rows={3}
        value={form.note}
        error={errors?.fields.note}
        onChange={(event) => onChange({ note: event.target.value })}
      />
    </DecisionForm>
  );
}
