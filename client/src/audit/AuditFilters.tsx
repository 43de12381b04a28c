/**
 * The filters above the audit trail and the access report: who, which record, what happened, and
 * between which days. A change applies at once and is kept in the address.
 */
import { auditActionLabels, type AuditAction, type AuditFilter, type AuditFilterChoices } from "@roundtable/domain";
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import type { Resource } from "../api/use-resource";
import { navigate } from "../navigation/history";
import { Link } from "../navigation/Link";
import { namedOptions, withChosen } from "../overdue/filter-options";
import { FilterSelect } from "../overdue/FilterSelect";
import { auditSearch, dateRangeProblem, isFiltered } from "./audit-filters";
import { isIsoDate } from "../actions/action-dates";
import "../overdue/overdue.css";

interface AuditFiltersProps {
  /** Names the form and its fields' ids ("audit", "access"). */
  idBase: string;
  label: string;
  filter: AuditFilter;
  choices: Resource<AuditFilterChoices>;
  /** The kinds of event worth offering here, with their words. */
  actions: readonly AuditAction[];
  actionWords?: (action: AuditAction) => string;
  /** The page's address with these filters. */
  pathFor(search: string): string;
  /** Folded away under "Filter the list" until opened (or while filtered): on a phone, the list comes first. */
  folded?: boolean;
}

export function AuditFilters({ folded = false, ...props }: AuditFiltersProps) {
  if (!folded) return <FilterForm {...props} />;
  return (
    <details className="nhsuk-details" open={isFiltered(props.filter) || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{props.label}</span>
      </summary>
      <div className="nhsuk-details__text">
        <FilterForm {...props} />
      </div>
    </details>
  );
}

function FilterForm({ idBase, label, filter, choices, actions, actionWords = (a) => auditActionLabels[a], pathFor }: AuditFiltersProps) {
  const focusAfterRender = useFocusAfterRender();
  const loaded = choices.status === "loaded" ? choices.data : null;
  const notListed = (what: string) => (loaded ? `${what} not found` : "Loading…");
  const firstId = `${idBase}-person`;
  const dateProblem = dateRangeProblem(filter);

  const apply = (next: AuditFilter) => navigate(pathFor(auditSearch(next)), { replace: true, keepScroll: true });
  const setDate = (key: "from" | "to", value: string) => {
    if (value === "") apply({ ...filter, [key]: undefined });
    else if (isIsoDate(value)) apply({ ...filter, [key]: value });
  };

  return (
    <form className="rt-overdue-filters" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      <div className="rt-overdue-filters__boxes">
        <FilterSelect
          id={firstId}
          label="Who"
          allLabel="Anyone"
          value={filter.personId ?? ""}
          options={withChosen(namedOptions(loaded?.people ?? []), filter.personId ?? null, notListed("Person"))}
          onChange={(value) => apply({ ...filter, personId: value || undefined })}
        />
        <FilterSelect
          id={`${idBase}-record`}
          label="Record"
          allLabel="Any record"
          value={filter.documentId ?? ""}
          options={withChosen(namedOptions((loaded?.records ?? []).map((r) => ({ id: r.id, name: r.title }))), filter.documentId ?? null, notListed("Record"))}
          onChange={(value) => apply({ ...filter, documentId: value || undefined })}
        />
        <FilterSelect
          id={`${idBase}-action`}
          label="What happened"
          allLabel="Anything"
          value={filter.action ?? ""}
          options={actions.map((action) => ({ value: action, label: actionWords(action) }))}
          onChange={(value) => apply({ ...filter, action: (value || undefined) as AuditAction | undefined })}
        />
      </div>
      <div className="rt-overdue-filters__boxes">
        <DateFilter id={`${idBase}-from`} label="From" value={filter.from} onChange={(value) => setDate("from", value)} />
        <DateFilter id={`${idBase}-to`} label="To" value={filter.to} error={dateProblem} onChange={(value) => setDate("to", value)} />
      </div>
      {choices.status === "failed" && (
        <div className="rt-overdue-filters__problem">
          <p>We could not load the people and records to filter by. {choices.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={choices.retry}>
            Try loading the filters again
          </button>
        </div>
      )}
      {isFiltered(filter) && (
        <p className="rt-overdue-filters__clear">
          <Link href={pathFor("")} onClick={() => focusAfterRender([firstId])}>
            Clear filters
          </Link>
        </p>
      )}
    </form>
  );
}

function DateFilter({ id, label, value, error, onChange }: { id: string; label: string; value: string | undefined; error?: string | null; onChange(value: string): void }) {
  const errorId = `${id}-error`;
  return (
    <div className={`nhsuk-form-group rt-overdue-filters__group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className={`nhsuk-input rt-overdue-filters__select${error ? " nhsuk-input--error" : ""}`}
        // A new box when the filter changes from outside (Clear filters, the address).
        key={value ?? ""}
        id={id}
        type="date"
        defaultValue={value ?? ""}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
