/** The one case a planning, review or professionals meeting is about. */
import type { CaseSummary } from "@roundtable/domain";
import { FieldError } from "./FieldError";

export function CaseChoice({ cases, value, error, onChange }: { cases: readonly CaseSummary[]; value: string; error?: string; onChange(caseId: string): void }) {
  const errorId = "caseId-error";
  const byName = [...cases].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor="caseId">
        Which case is this meeting about?
      </label>
      <FieldError id={errorId} message={error} />
      <select
        className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
        id="caseId"
        value={cases.some((c) => c.id === value) ? value : ""}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Choose a case</option>
        {byName.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
