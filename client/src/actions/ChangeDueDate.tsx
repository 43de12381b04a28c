/** "Change due date": a button that opens a date box with Save and Cancel, in the row. */
import { useState } from "react";
import { InlineRowForm } from "./InlineRowForm";
import { ukToday } from "../layout/uk-time";
import { isPlausibleDueDate, pastDueDateQuestion } from "./action-dates";
import { useInlineForm } from "./use-inline-form";

interface ChangeDueDateProps {
  actionId: string;
  actionText: string;
  dueDate: string | null;
  onSave(dueDate: string): void;
}

export function changeDueDateButtonId(actionId: string): string {
  return `change-due-${actionId}`;
}

export function ChangeDueDate({ actionId, actionText, dueDate, onSave }: ChangeDueDateProps) {
  const { open, setOpen, fieldRef: inputRef, buttonRef } = useInlineForm<HTMLInputElement>();
  const [error, setError] = useState<string | null>(null);
  // A date that has passed, waiting for "Save this date" once the person has been asked.
  const [pastDate, setPastDate] = useState<string | null>(null);
  const inputId = `new-due-${actionId}`;

  const handleSubmit = () => {
    const value = inputRef.current?.value ?? "";
    if (value === "") return setError("Enter the new due date");
    if (!isPlausibleDueDate(value)) return setError("Enter a real date, for example 11 December 2026");
    setError(null);
    if (value !== dueDate && value !== pastDate && pastDueDateQuestion(value, ukToday())) return setPastDate(value);
    close();
    if (value !== dueDate) onSave(value);
  };

  const close = () => {
    setError(null);
    setPastDate(null);
    setOpen(false);
  };
  const question = pastDate ? pastDueDateQuestion(pastDate, ukToday()) : null;
  const questionId = `${inputId}-question`;

  if (!open) {
    return (
      <button
        ref={buttonRef}
        id={changeDueDateButtonId(actionId)}
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button"
        onClick={() => setOpen(true)}
      >
        Change due date<span className="nhsuk-u-visually-hidden"> for {actionText}</span>
      </button>
    );
  }

  return (
    <InlineRowForm
      fieldId={inputId}
      label={
        <>
          New due date<span className="nhsuk-u-visually-hidden"> for {actionText}</span>
        </>
      }
      error={error}
      note={
        question && (
          <p className="rt-action-row__question" id={questionId} role="alert">
            {question}
          </p>
        )
      }
      submitLabel={
        <>
          {question ? "Yes, save this date" : "Save"}
          <span className="nhsuk-u-visually-hidden"> new due date</span>
        </>
      }
      onSubmit={handleSubmit}
      onCancel={close}
    >
      {({ describedBy, invalid }) => (
        <input
          ref={inputRef}
          className={`nhsuk-input rt-action-row__date${invalid ? " nhsuk-input--error" : ""}`}
          id={inputId}
          type="date"
          defaultValue={dueDate ?? ""}
          aria-describedby={describedBy ?? (question ? questionId : undefined)}
          onChange={() => setPastDate(null)}
        />
      )}
    </InlineRowForm>
  );
}
