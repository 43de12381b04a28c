/**
 * The due date box on an action card. A date is shared as soon as it is a real date (not at
 * every step of typing a year); clearing it is shared when the person moves on. A date that has
 * already passed is questioned first, and shared only when the person says it is what they meant.
 */
import { useState } from "react";
import { ukToday } from "../layout/uk-time";
import { isPlausibleDueDate, pastDueDateQuestion } from "./action-dates";

export function DueDateInput({ id, dueDate, onChange }: { id: string; dueDate: string | null; onChange(dueDate: string | null): void }) {
  // What is being typed, until the person leaves the box; otherwise the shared value shows.
  const [draft, setDraft] = useState<string | null>(null);
  // A past date typed in, held back until the person confirms it.
  const [pastDate, setPastDate] = useState<string | null>(null);
  const question = pastDate ? pastDueDateQuestion(pastDate, ukToday()) : null;
  const questionId = `${id}-question`;

  const handleChange = (value: string) => {
    setDraft(value);
    setPastDate(null);
    if (!isPlausibleDueDate(value) || value === dueDate) return;
    if (pastDueDateQuestion(value, ukToday())) setPastDate(value);
    else onChange(value);
  };

  const handleBlur = () => {
    if (draft === "" && dueDate !== null) onChange(null);
    // A questioned date stays in the box with its question until answered.
    if (pastDate === null) setDraft(null);
  };

  const confirm = () => {
    if (pastDate) onChange(pastDate);
    setPastDate(null);
    setDraft(null);
  };

  return (
    <>
      <input
        className="nhsuk-input rt-action__date"
        id={id}
        type="date"
        value={draft ?? dueDate ?? ""}
        aria-describedby={question ? questionId : undefined}
        onChange={(event) => handleChange(event.target.value)}
        onBlur={handleBlur}
      />
      {question && (
        <div className="rt-action__question-box">
          <p className="rt-action__question" id={questionId} role="alert">
            {question}
          </p>
          <button type="button" className="nhsuk-button nhsuk-button--small rt-action__question-button" onClick={confirm}>
            Yes, use this date
          </button>
        </div>
      )}
    </>
  );
}
