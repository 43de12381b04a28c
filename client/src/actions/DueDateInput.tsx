/**
 * The due date box on an action card. A date is shared as soon as it is a real date (not at
 * every step of typing a year); clearing it is shared when the person moves on.
 */
import { useState } from "react";
import { isPlausibleDueDate } from "./action-dates";

export function DueDateInput({ id, dueDate, onChange }: { id: string; dueDate: string | null; onChange(dueDate: string | null): void }) {
  // What is being typed, until the person leaves the box; otherwise the shared value shows.
  const [draft, setDraft] = useState<string | null>(null);

  const handleChange = (value: string) => {
    setDraft(value);
    if (isPlausibleDueDate(value) && value !== dueDate) onChange(value);
  };

  const handleBlur = () => {
    if (draft === "" && dueDate !== null) onChange(null);
    setDraft(null);
  };

  return (
    <input
      className="nhsuk-input rt-action__date"
      id={id}
      type="date"
      value={draft ?? dueDate ?? ""}
      onChange={(event) => handleChange(event.target.value)}
      onBlur={handleBlur}
    />
  );
}
