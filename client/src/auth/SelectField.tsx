/** An NHS.UK select with its label, an optional hint and, when there is one, its error message. */
import type { SelectHTMLAttributes } from "react";
import { FieldShell } from "./FieldShell";

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** The first, empty choice: "Choose…". */
  placeholder: string;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ id, label, hint, error, placeholder, options, ...select }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {({ describedBy, invalid }) => (
        <select id={id} className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`} aria-describedby={describedBy} aria-invalid={invalid} {...select}>
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
