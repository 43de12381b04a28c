/** An NHS.UK textarea with its label, an optional hint and, when there is one, its error message. */
import type { TextareaHTMLAttributes } from "react";
import { FieldShell } from "./FieldShell";

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className"> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

export function TextAreaField({ id, label, hint, error, rows = 3, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {({ describedBy, invalid }) => (
        <textarea
          id={id}
          className={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
          rows={rows}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...textarea}
        />
      )}
    </FieldShell>
  );
}
