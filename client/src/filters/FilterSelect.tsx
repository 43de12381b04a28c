/** One filter box: a labelled select whose first choice is "All …" (no filter). */
import type { FilterOption } from "./filter-options";

interface FilterSelectProps {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  options: readonly FilterOption[];
  onChange(value: string): void;
}

export function FilterSelect({ id, label, allLabel, value, options, onChange }: FilterSelectProps) {
  return (
    <div className="nhsuk-form-group rt-filters__group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select rt-filters__select" id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
