/**
 * "Change rating": the service's levels as radio buttons, each with the service's own criteria
 * under it, and the reason in the keyworker's words. Checked before sending; the server's own
 * messages come back onto the same fields. The heading takes focus when the form opens.
 */
import type { RagLevel, RecordedRagRating } from "@roundtable/domain";
import { useEffect, useRef, type FormEvent } from "react";
import { ErrorSummary } from "../auth/ErrorSummary";
import { TextAreaField } from "../auth/TextAreaField";
import { RadioField } from "../auth/RadioField";
import { ragLevelLabel } from "./rag-history-words";
import { ragRatingFieldId, type RagRatingForm, type RagRatingFormErrors } from "./rag-rating-form";

interface ChangeRatingFormProps {
  childFirstName: string;
  levels: readonly RagLevel[];
  current: RecordedRagRating;
  form: RagRatingForm;
  errors: RagRatingFormErrors | null;
  busy: boolean;
  onChange(changes: Partial<RagRatingForm>): void;
  onSubmit(): void;
  onCancel(): void;
}

export function ChangeRatingForm({ childFirstName, levels, current, form, errors, busy, onChange, onSubmit, onCancel }: ChangeRatingFormProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <div className="rt-rag-form" data-testid="change-rating">
      <h3 ref={headingRef} tabIndex={-1}>
        Change {childFirstName}'s RAG rating
      </h3>
      {errors && <ErrorSummary errors={errors} />}
      <form onSubmit={handleSubmit} noValidate>
        <RadioField
          id={ragRatingFieldId("rating")}
          legend={`What is ${childFirstName}'s rating now?`}
          choices={levels.map((level) => ({
            value: level.rating,
            label: (
              <>
                {ragLevelLabel(levels, level.rating)}
                {level.rating === current && <span className="rt-rag-form__now"> (the rating now)</span>}
              </>
            ),
            hint: level.criteria,
          }))}
          value={form.rating}
          error={errors?.fields.rating}
          onChange={(rating) => onChange({ rating })}
        />
        <TextAreaField
          id={ragRatingFieldId("reason")}
          label="Why is the rating changing?"
          hint={`What has happened, in your own words. The professionals working with ${childFirstName} can read it; ${childFirstName} and the family cannot.`}
          rows={4}
          value={form.reason}
          error={errors?.fields.reason}
          onChange={(event) => onChange({ reason: event.target.value })}
        />
        <div className="rt-rag-form__buttons">
          <button type="submit" className="nhsuk-button" aria-disabled={busy || undefined}>
            {busy ? "Saving…" : "Save the new rating"}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
