/**
 * Recording communication needs (ADR 0023): easy read, large print, an interpreter and its
 * language, a preferred language and anything else, each bounded as the server bounds them.
 * One form for a person's own needs and for a family member's, recorded by the child's
 * keyworker; its words follow whose needs they are (communication-needs-words.ts).
 */
import { communicationNeedsBodySchema, languageMaxLength, otherNeedsMaxLength, type CommunicationNeeds } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FormField } from "../auth/FormField";
import { formErrorsIfAny, type FieldMessages } from "../auth/form-errors";
import { useSavingForm } from "../auth/use-saving-form";
import { TextAreaField } from "../auth/TextAreaField";
import { needsWords } from "./communication-needs-words";
import "./communication-needs.css";

type Field = "interpreterLanguage" | "preferredLanguage" | "other";
const layout = { fields: ["interpreterLanguage", "preferredLanguage", "other"] as const };
const isField = (name: string): name is Field => (layout.fields as readonly string[]).includes(name);

export function CommunicationNeedsForm({ initial, name, save }: { initial: CommunicationNeeds; name: string | null; save(needs: CommunicationNeeds): Promise<CommunicationNeeds> }) {
  const words = needsWords(name);
  const [easyRead, setEasyRead] = useState(initial.easyRead);
  const [largePrint, setLargePrint] = useState(initial.largePrint);
  const [interpreter, setInterpreter] = useState(initial.interpreterLanguage !== null);
  const [interpreterLanguage, setInterpreterLanguage] = useState(initial.interpreterLanguage ?? "");
  const [preferredLanguage, setPreferredLanguage] = useState(initial.preferredLanguage ?? "");
  const [other, setOther] = useState(initial.other ?? "");
  const { errors, setErrors, saving, saved, setSaved, send } = useSavingForm<Field>(layout, (n) => (isField(n) ? n : undefined));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setSaved(false);
    const body = { easyRead, largePrint, interpreterLanguage: interpreter ? interpreterLanguage : null, preferredLanguage, other };
    const parsed = communicationNeedsBodySchema.safeParse(body);
    const fields: FieldMessages<Field> = {};
    if (interpreter && interpreterLanguage.trim() === "") fields.interpreterLanguage = words.noLanguage;
    for (const issue of parsed.error?.issues ?? []) {
      const field = String(issue.path[0] ?? "");
      if (isField(field)) fields[field] ??= issue.message;
    }
    const found = formErrorsIfAny(layout, fields);
    setErrors(found);
    if (found || !parsed.success) return;
    send(() => save(parsed.data));
  };

  return (
    <>
      {errors && <ErrorSummary errors={errors} />}
      <p className="nhsuk-u-visually-hidden" role="status">
        {saved ? words.saved : ""}
      </p>
      {saved && (
        <div className="nhsuk-inset-text">
          <p>{words.saved}</p>
        </div>
      )}
      <form onSubmit={handleSubmit} noValidate>
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{words.legend}</legend>
            <div className="nhsuk-hint">Choose all that help.</div>
            <div className="nhsuk-checkboxes">
              <Checkbox id="easyRead" label={words.easyRead} checked={easyRead} onChange={setEasyRead} />
              <Checkbox id="largePrint" label={words.largePrint} checked={largePrint} onChange={setLargePrint} />
              <Checkbox id="interpreter" label={words.interpreter} checked={interpreter} onChange={setInterpreter} />
            </div>
          </fieldset>
        </div>
        {interpreter && (
          <div className="rt-needs__conditional">
            <FormField
              id="interpreterLanguage"
              label={words.interpreterLanguage}
              error={errors?.fields.interpreterLanguage}
              maxLength={languageMaxLength}
              inputClassName="nhsuk-input--width-20"
              value={interpreterLanguage}
              onChange={(event) => setInterpreterLanguage(event.target.value)}
            />
          </div>
        )}
        <FormField
          id="preferredLanguage"
          label={words.preferredLanguage}
          hint={words.preferredLanguageHint}
          error={errors?.fields.preferredLanguage}
          maxLength={languageMaxLength}
          inputClassName="nhsuk-input--width-20"
          value={preferredLanguage}
          onChange={(event) => setPreferredLanguage(event.target.value)}
        />
        <TextAreaField
          id="other"
          label={words.other}
          hint={`${words.otherHint} At most ${otherNeedsMaxLength} characters.`}
          error={errors?.fields.other}
          maxLength={otherNeedsMaxLength}
          value={other}
          onChange={(event) => setOther(event.target.value)}
        />
        <button type="submit" className="nhsuk-button" aria-disabled={saving || undefined}>
          {saving ? "Saving…" : words.save}
        </button>
      </form>
    </>
  );
}

function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="nhsuk-checkboxes__item">
      <input
        className="nhsuk-checkboxes__input"
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
