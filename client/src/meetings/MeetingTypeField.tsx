/** Which kind of meeting: each choice says who it is for, since that decides who can be invited. */
import { meetingTypeLabels } from "@roundtable/domain";
import { FieldError } from "./FieldError";
import { bookableTypes, type BookableType } from "./new-meeting-form";

const hints: Record<BookableType, string> = {
  planning: "The first meeting to plan support for one child, with the family.",
  review: "Reviewing one child's plan, with the family.",
  professionals: "For professionals only. The family cannot see it.",
  tracker: "Reviewing several cases from the register in one sitting. For professionals only.",
  "cetr-follow-up": "Going through a CETR's actions one by one, with the people who own them.",
};

export function MeetingTypeField({ value, error, onChange }: { value: BookableType | ""; error?: string; onChange(type: BookableType): void }) {
  const errorId = "type-error";
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? errorId : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What type of meeting is it?</legend>
        <FieldError id={errorId} message={error} />
        <div className="nhsuk-radios">
          {bookableTypes.map((type, index) => (
            <div key={type} className="nhsuk-radios__item">
              <input
                className="nhsuk-radios__input"
                // The first choice has the field's id, so the error summary can move focus to it.
                id={index === 0 ? "type" : `type-${type}`}
                name="type"
                type="radio"
                value={type}
                checked={value === type}
                aria-describedby={`type-${type}-hint`}
                onChange={() => onChange(type)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={index === 0 ? "type" : `type-${type}`}>
                {meetingTypeLabels[type]}
              </label>
              <div className="nhsuk-hint nhsuk-radios__hint" id={`type-${type}-hint`}>
                {hints[type]}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
