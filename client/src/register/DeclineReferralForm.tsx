/** Not accepting a referral: the reason, which the referrer reads in Roundtable (never by email). */
import { TextAreaField } from "../auth/TextAreaField";
import { DecisionForm } from "./DecisionForm";
import { declineFieldId, type DeclineFormErrors } from "./triage-form";

interface DeclineReferralFormProps {
  childName: string;
  referrerName: string | null;
  reason: string;
  errors: DeclineFormErrors | null;
  busy: boolean;
  onChange(reason: string): void;
  onSubmit(): void;
  onCancel(): void;
}

export function DeclineReferralForm({ childName, referrerName, reason, errors, busy, onChange, onSubmit, onCancel }: DeclineReferralFormProps) {
  const reader = referrerName ?? "The person who referred them";
  return (
    <DecisionForm
      heading={`Do not accept ${childName}`}
      errors={errors}
      busy={busy}
      submitLabel="Do not accept"
      warning
      className="rt-triage__form"
      testId="decline-form"
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <TextAreaField
        id={declineFieldId("reason")}
        label={`Why is ${childName} not being accepted?`}
        hint={`${reader} will read this in Roundtable, with what happens next. Their email only says the referral has been looked at.`}
        rows={4}
        value={reason}
        error={errors?.fields.reason}
        onChange={(event) => onChange(event.target.value)}
      />
    </DecisionForm>
  );
}
