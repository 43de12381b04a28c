/**
 * The small form a row's button opens in its place ("Change due date", "Mark as blocked"): one
 * labelled box with its hint and error, anything to ask before saving, then Save and Cancel.
 */
import type { FormEvent, ReactNode } from "react";

interface InlineRowFormProps {
  fieldId: string;
  label: ReactNode;
  hint?: string;
  error: string | null;
  /** Said between the box and the buttons, e.g. a question before saving. */
  note?: ReactNode;
  submitLabel: ReactNode;
  onSubmit(): void;
  onCancel(): void;
  /** The box itself, given the ids to point at. */
  children(control: { describedBy: string | undefined; invalid: boolean }): ReactNode;
}

export function InlineRowForm({ fieldId, label, hint, error, note, submitLabel, onSubmit, onCancel, children }: InlineRowFormProps) {
  const errorId = `${fieldId}-error`;
  const hintId = `${fieldId}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="rt-action-row__due-form" onSubmit={submit} noValidate>
      <div className={`nhsuk-form-group rt-action-row__group${error ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label rt-action-row__label" htmlFor={fieldId}>
          {label}
        </label>
        {hint && (
          <div className="nhsuk-hint rt-action-row__hint" id={hintId}>
            {hint}
          </div>
        )}
        {error && (
          <p className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </p>
        )}
        {children({ describedBy, invalid: error !== null })}
      </div>
      {note}
      <div className="rt-action-row__form-buttons">
        <button type="submit" className="nhsuk-button nhsuk-button--small rt-action-row__button">
          {submitLabel}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
