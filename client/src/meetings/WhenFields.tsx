/** The meeting's date and start time, in UK time. */
import { FieldError } from "./FieldError";
import type { MeetingField, MeetingForm } from "./new-meeting-form";

interface WhenFieldsProps {
  date: string;
  time: string;
  errors: Partial<Record<MeetingField, string>>;
  onChange(changes: Partial<Pick<MeetingForm, "date" | "time">>): void;
}

export function WhenFields({ date, time, errors, onChange }: WhenFieldsProps) {
  const error = errors.date ?? errors.time;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={["when-hint", error ? "when-error" : null].filter(Boolean).join(" ")}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">When is it?</legend>
        <div className="nhsuk-hint" id="when-hint">
          UK time. For example, 3 December 2026 at 10:00.
        </div>
        <FieldError id="when-error" message={[errors.date, errors.time].filter(Boolean).join(". ") || undefined} />
        <div className="rt-when">
          <div className="rt-when__part">
            <label className="nhsuk-label" htmlFor="date">
              Date
            </label>
            <input
              className={`nhsuk-input rt-when__date${errors.date ? " nhsuk-input--error" : ""}`}
              id="date"
              type="date"
              value={date}
              aria-invalid={errors.date ? true : undefined}
              onChange={(event) => onChange({ date: event.target.value })}
            />
          </div>
          <div className="rt-when__part">
            <label className="nhsuk-label" htmlFor="time">
              Start time
            </label>
            <input
              className={`nhsuk-input rt-when__time${errors.time ? " nhsuk-input--error" : ""}`}
              id="time"
              type="time"
              value={time}
              aria-invalid={errors.time ? true : undefined}
              onChange={(event) => onChange({ time: event.target.value })}
            />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
