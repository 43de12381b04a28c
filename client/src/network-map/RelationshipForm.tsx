/**
 * Changing a relationship's words, in the list (under the relationship) and on the drawn map (in
 * a dialog): a select of the words the child's service offers, then "Other…", which shows a box for
 * words of one's own. Native labelled controls, so it works by keyboard alone and with a screen
 * reader; the select has the focus when it opens, Escape or Cancel leaves the words as they were.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FieldShell } from "../auth/FieldShell";
import { choiceFor, choiceValue, withValue, wordsChosen } from "./relationship-choice";
import { useRelationshipLabels } from "./use-relationship-labels";

interface RelationshipFormProps {
  /** The words the relationship has now. */
  current: string;
  /** Who it is from and to, as the relationship is said: "{from} works with {to}". */
  from: string;
  to: string;
  /** Saves the words; answers what to say when they could not be saved, or null. */
  onSave(label: string): string | null;
  onCancel(): void;
}

export function RelationshipForm({ current, from, to, onSave, onCancel }: RelationshipFormProps) {
  const offered = useRelationshipLabels();
  const id = useId();
  const [choice, setChoice] = useState(() => choiceFor(current, offered));
  const [error, setError] = useState<string | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const other = useRef<HTMLInputElement>(null);
  useEffect(() => select.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = wordsChosen(choice, offered);
    const problem = chosen.ok ? onSave(chosen.label) : chosen.message;
    setError(problem);
    if (problem) (choice.chosen === "other" ? other : select).current?.focus();
  };

  const otherId = `${id}-other`;
  return (
    <form
      className="rt-relationship-form"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onCancel();
      }}
    >
      <FieldShell id={id} label={`How ${from} is related to ${to}`} error={choice.chosen === "other" ? undefined : (error ?? undefined)}>
        {({ describedBy }) => (
          <select
            ref={select}
            className="nhsuk-select rt-relationship-form__select"
            id={id}
            value={choiceValue(choice)}
            aria-describedby={describedBy}
            onChange={(event) => setChoice(withValue(choice, event.target.value))}
          >
            {offered.map((word, at) => (
              <option key={word} value={String(at)}>
                {word}
              </option>
            ))}
            <option value="other">Other…</option>
          </select>
        )}
      </FieldShell>
      {choice.chosen === "other" && (
        <FieldShell id={otherId} label="In your own words" error={error ?? undefined}>
          {({ describedBy }) => (
            <input
              ref={other}
              className={`nhsuk-input rt-relationship-form__other${error ? " nhsuk-input--error" : ""}`}
              id={otherId}
              value={choice.other}
              maxLength={200}
              autoComplete="off"
              aria-describedby={describedBy}
              onChange={(event) => setChoice({ ...choice, other: event.target.value })}
            />
          )}
        </FieldShell>
      )}
      <div className="rt-relationship-form__actions">
        <button type="submit" className="nhsuk-button nhsuk-button--small rt-relationship-form__button">
          Save<span className="nhsuk-u-visually-hidden"> the relationship</span>
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-relationship-form__button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
