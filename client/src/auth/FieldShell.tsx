/**
 * The NHS.UK form group around one control: its label, an optional hint and, when there is one,
 * its error message. The control itself is given the ids to point at (aria-describedby).
 */
import type { ReactNode } from "react";

export interface FieldShellProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (control: { describedBy: string | undefined; invalid: true | undefined }) => ReactNode;
}

export function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      {children({ describedBy: describedBy || undefined, invalid: error ? true : undefined })}
    </div>
  );
}
