/** The NHS.UK error summary: takes focus when shown, and each item moves focus to its field. */
import { useEffect, useRef, type MouseEvent } from "react";

/** What went wrong with a form, in the order the summary lists it; `field` is the id of the field to go to. */
export interface FormErrorSummary {
  summary: readonly { field?: string; message: string }[];
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  input.focus();
  // Show the label too, not just the box.
  input.closest(".nhsuk-form-group")?.scrollIntoView({ block: "start" });
}

export function ErrorSummary({ errors }: { errors: FormErrorSummary }) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the summary each time a new set of errors is shown
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);

  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id="error-summary-title">
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.summary.map((item) => (
              <li key={`${item.field ?? "form"}-${item.message}`}>
                {item.field ? (
                  <a href={`#${item.field}`} onClick={(event) => focusField(event, item.field ?? "")}>
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
