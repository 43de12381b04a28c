/**
 * An NHS.UK radio group: a legend (the question), an optional hint, the error when there is one,
 * and one radio button a choice, each with an optional hint under it. The first radio button has
 * the field's id, so the error summary can move focus to the question.
 */
import type { ReactNode } from "react";
import { FieldError } from "../meetings/FieldError";

export interface RadioChoice<V extends string> {
  value: V;
  label: ReactNode;
  hint?: string;
}

interface RadioFieldProps<V extends string> {
  id: string;
  /** The group's name; the id unless said. */
  name?: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  choices: readonly RadioChoice<V>[];
  value: V | "";
  onChange(value: V): void;
}

export function RadioField<V extends string>({ id, name = id, legend, hint, error, choices, value, onChange }: RadioFieldProps<V>) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  const choiceId = (index: number, choice: V) => (index === 0 ? id : `${id}-${choice}`);
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy || undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        <FieldError id={errorId} message={error} />
        <div className="nhsuk-radios">
          {choices.map((choice, index) => {
            const choiceDomId = choiceId(index, choice.value);
            return (
              <div key={choice.value} className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id={choiceDomId}
                  name={name}
                  type="radio"
                  value={choice.value}
                  checked={value === choice.value}
                  aria-describedby={choice.hint ? `${choiceDomId}-hint` : undefined}
                  onChange={() => onChange(choice.value)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={choiceDomId}>
                  {choice.label}
                </label>
                {choice.hint && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${choiceDomId}-hint`}>
                    {choice.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
