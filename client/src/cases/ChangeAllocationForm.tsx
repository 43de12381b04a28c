/**
 * "Change allocation": the keyworker, an optional second keyworker, and cover while the keyworker
 * is away — rows of who, first day and last day, added and removed (up to ten). Everyone offered
 * is in the keyworking service; anyone not yet on the child's team joins it when saved.
 */
import type { KeyworkerChoice } from "@roundtable/domain";
import { FormField } from "../auth/FormField";
import { SelectField } from "../auth/SelectField";
import { keyworkerOption } from "../register/allocation-words";
import { DecisionForm } from "../register/DecisionForm";
import { allocationFieldId, canAddCover, newCoverRow, type AllocationForm, type AllocationFormErrors, type CoverRow } from "./allocation-form";
import { focusAfterRender } from "../layout/focus-after-render";

interface ChangeAllocationFormProps {
  childFirstName: string;
  choices: readonly KeyworkerChoice[];
  form: AllocationForm;
  errors: AllocationFormErrors | null;
  busy: boolean;
  onChange(form: AllocationForm): void;
  onSubmit(): void;
  onCancel(): void;
}

export function ChangeAllocationForm({ childFirstName, choices, form, errors, busy, onChange, onSubmit, onCancel }: ChangeAllocationFormProps) {
  const options = choices.map((c) => ({ value: c.id, label: keyworkerOption(c) }));
  const field = (name: string) => errors?.fields[name];
  const changeRow = (key: number, changes: Partial<CoverRow>) => onChange({ ...form, cover: form.cover.map((row) => (row.key === key ? { ...row, ...changes } : row)) });
  const addRow = () => {
    onChange({ ...form, cover: [...form.cover, newCoverRow()] });
    // The new row's first box, once it is on the page.
    focusAfterRender(allocationFieldId(`cover.${form.cover.length}.personId`));
  };
  const removeRow = (index: number) => {
    onChange({ ...form, cover: form.cover.filter((_, i) => i !== index) });
    focusAfterRender("alloc-add-cover");
  };

  return (
    <DecisionForm
      heading={`Change who keyworks ${childFirstName}`}
      errors={errors}
      busy={busy}
      submitLabel="Save allocation"
      className="rt-allocation__form"
      testId="change-allocation"
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <SelectField
        id={allocationFieldId("keyworkerId")}
        label="Keyworker"
        placeholder="Choose a keyworker"
        options={options}
        value={form.keyworkerId}
        error={field("keyworkerId")}
        onChange={(event) => onChange({ ...form, keyworkerId: event.target.value })}
      />
      <SelectField
        id={allocationFieldId("secondKeyworkerId")}
        label="Second keyworker (optional)"
        placeholder="No second keyworker"
        options={options}
        value={form.secondKeyworkerId}
        error={field("secondKeyworkerId")}
        onChange={(event) => onChange({ ...form, secondKeyworkerId: event.target.value })}
      />
      <fieldset className="nhsuk-fieldset rt-allocation__cover" aria-describedby="alloc-cover-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Cover while the keyworker is away</legend>
        <div className="nhsuk-hint" id="alloc-cover-hint">
          Who covers, from the first day to the last day. Cover that has ended stays on the record.
        </div>
        {field("cover") && <p className="nhsuk-error-message">{field("cover")}</p>}
        {form.cover.length === 0 && <p>No cover recorded.</p>}
        {form.cover.map((row, index) => (
          <fieldset key={row.key} className="nhsuk-fieldset rt-allocation__cover-row">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--xs">Cover {index + 1}</legend>
            <SelectField
              id={allocationFieldId(`cover.${index}.personId`)}
              label="Who is covering"
              placeholder="Choose someone"
              options={options}
              value={row.personId}
              error={field(`cover.${index}.personId`)}
              onChange={(event) => changeRow(row.key, { personId: event.target.value })}
            />
            <div className="rt-allocation__dates">
              <FormField
                id={allocationFieldId(`cover.${index}.from`)}
                type="date"
                label="First day"
                value={row.from}
                error={field(`cover.${index}.from`)}
                onChange={(event) => changeRow(row.key, { from: event.target.value })}
              />
              <FormField
                id={allocationFieldId(`cover.${index}.to`)}
                type="date"
                label="Last day"
                value={row.to}
                error={field(`cover.${index}.to`)}
                onChange={(event) => changeRow(row.key, { to: event.target.value })}
              />
            </div>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-allocation__remove" onClick={() => removeRow(index)}>
              Remove cover {index + 1}
            </button>
          </fieldset>
        ))}
        {canAddCover(form) ? (
          <button type="button" id="alloc-add-cover" className="nhsuk-button nhsuk-button--secondary" onClick={addRow}>
            Add cover
          </button>
        ) : (
          <p id="alloc-add-cover" tabIndex={-1}>
            Up to 10 periods of cover can be recorded at once.
          </p>
        )}
      </fieldset>
    </DecisionForm>
  );
}
