/** An NHS.UK text input with its label and, when there is one, its error message. */
import type { InputHTMLAttributes } from "react";

interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> {
  id: string;
  label: string;
  error?: string | undefined;
}

export function FormField({ id, label, error, ...input }: FormFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <span className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <input
        id={id}
        className={error ? "nhsuk-input nhsuk-input--error" : "nhsuk-input"}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}
