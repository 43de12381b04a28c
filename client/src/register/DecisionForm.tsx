/**
 * A form opened in place by a button ("Accept onto the register", "Change allocation"): its
 * heading, which takes focus when it opens, the error summary, the fields, then the main button
 * and Cancel. Sending again while one is under way does nothing.
 */
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { ErrorSummary, type FormErrorSummary } from "../auth/ErrorSummary";

interface DecisionFormProps {
  heading: string;
  errors: FormErrorSummary | null;
  busy: boolean;
  submitLabel: string;
  /** A red main button, for a choice that tells someone "no". */
  warning?: boolean;
  className: string;
  testId: string;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

export function DecisionForm({ heading, errors, busy, submitLabel, warning = false, className, testId, onSubmit, onCancel, children }: DecisionFormProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <div className={className} data-testid={testId}>
      <h3 ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {errors && <ErrorSummary errors={errors} />}
      <form onSubmit={handleSubmit} noValidate>
        {children}
        <div className="rt-triage__buttons">
          <button type="submit" className={`nhsuk-button${warning ? " nhsuk-button--warning" : ""}`} aria-disabled={busy || undefined}>
            {busy ? "Saving…" : submitLabel}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
