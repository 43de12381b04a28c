/** An NHS.UK text input with its label, an optional hint and, when there is one, its error message. */
import type { InputHTMLAttributes } from "react";
import { FieldShell } from "./FieldShell";

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** Extra classes for the input, such as a width. */
  inputClassName?: string;
}

export function FormField({ id, label, hint, error, inputClassName, ...input }: FormFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {({ describedBy, invalid }) => (
        <input
          id={id}
          className={`nhsuk-input${error ? " nhsuk-input--error" : ""}${inputClassName ? ` ${inputClassName}` : ""}`}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...input}
        />
      )}
    </FieldShell>
  );
}
