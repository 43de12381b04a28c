/**
 * A button that opens a box in the row asking why (what is holding an action up, why it is no
 * longer needed), and saves only with an answer: the reason is what the next reader needs.
 */
import { useState, type ReactNode } from "react";
import { InlineRowForm } from "./InlineRowForm";
import { useInlineForm } from "./use-inline-form";

export interface ReasonButtonProps {
  /** The button's id, so focus can be put back on it. */
  id: string;
  fieldId: string;
  actionText: string;
  buttonLabel: string;
  question: string;
  hint: string;
  /** Said when nothing is typed. */
  missing: string;
  maxLength: number;
  /** Read after "Save" by screen readers, e.g. "what is holding it up". */
  saveWhat: ReactNode;
  onSave(reason: string): void;
}

export function ReasonButton({ id, fieldId, actionText, buttonLabel, question, hint, missing, maxLength, saveWhat, onSave }: ReasonButtonProps) {
  const { open, setOpen, fieldRef, buttonRef } = useInlineForm<HTMLTextAreaElement>();
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    setOpen(false);
  };

  const handleSubmit = () => {
    const reason = (fieldRef.current?.value ?? "").trim();
    if (reason === "") return setError(missing);
    if (reason.length > maxLength) return setError(`Keep it under ${maxLength} characters`);
    close();
    onSave(reason);
  };

  if (!open) {
    return (
      <button ref={buttonRef} id={id} type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button" onClick={() => setOpen(true)}>
        {buttonLabel}
        <span className="nhsuk-u-visually-hidden">: {actionText}</span>
      </button>
    );
  }

  return (
    <InlineRowForm
      fieldId={fieldId}
      label={
        <>
          {question}
          <span className="nhsuk-u-visually-hidden"> {actionText}</span>
        </>
      }
      hint={hint}
      error={error}
      submitLabel={
        <>
          Save<span className="nhsuk-u-visually-hidden"> {saveWhat}</span>
        </>
      }
      onSubmit={handleSubmit}
      onCancel={close}
    >
      {({ describedBy, invalid }) => (
        <textarea
          ref={fieldRef}
          className={`nhsuk-textarea rt-action-row__reason${invalid ? " nhsuk-textarea--error" : ""}`}
          id={fieldId}
          rows={2}
          aria-describedby={describedBy}
        />
      )}
    </InlineRowForm>
  );
}
