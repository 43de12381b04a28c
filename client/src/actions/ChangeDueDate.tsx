/** "Change due date": a button that opens a date box with Save and Cancel, in the row. */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { isPlausibleDueDate } from "./action-dates";

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
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const inputId = `new-due-${actionId}`;
  const errorId = `${inputId}-error`;

  // Opening moves focus to the date box; closing brings it back to the button.
  useEffect(() => {
    if (open) inputRef.current?.focus();
    else if (wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = inputRef.current?.value ?? "";
    if (value === "") return setError("Enter the new due date");
    if (!isPlausibleDueDate(value)) return setError("Enter a real date, for example 11 December 2026");
    setError(null);
    setOpen(false);
    if (value !== dueDate) onSave(value);
  };

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
    <form className="rt-action-row__due-form" onSubmit={handleSubmit} noValidate>
      <div className={`nhsuk-form-group rt-action-row__group${error ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label rt-action-row__label" htmlFor={inputId}>
          New due date<span className="nhsuk-u-visually-hidden"> for {actionText}</span>
        </label>
        {error && (
          <p className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          ref={inputRef}
          className={`nhsuk-input rt-action-row__date${error ? " nhsuk-input--error" : ""}`}
          id={inputId}
          type="date"
          defaultValue={dueDate ?? ""}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      <div className="rt-action-row__form-buttons">
        <button type="submit" className="nhsuk-button nhsuk-button--small rt-action-row__button">
          Save<span className="nhsuk-u-visually-hidden"> new due date</span>
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button"
          onClick={() => {
            setError(null);
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
