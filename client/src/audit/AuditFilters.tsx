/**
 * The filters above the audit trail and the access report: who, which record, what happened, and
 * between which days. A change applies at once and is kept in the address.
 */
import { auditActionLabels, type AuditAction, type AuditFilter, type AuditFilterChoices } from "@roundtable/domain";
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import type { Resource } from "../api/use-resource";
import { navigate } from "../navigation/history";
import { namedOptions, withChosen } from "../filters/filter-options";
import { FilterForm, FilterRow } from "../filters/FilterForm";
import { FilterSelect } from "../filters/FilterSelect";
import { auditSearch, dateRangeProblem, isFiltered } from "./audit-filters";
import { isIsoDate } from "../actions/action-dates";

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
  if (!folded) return <AuditFilterForm {...props} />;
  return (
    <details className="nhsuk-details" open={isFiltered(props.filter) || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{props.label}</span>
      </summary>
      <div className="nhsuk-details__text">
        <AuditFilterForm {...props} />
      </div>
    </details>
  );
}

function AuditFilterForm({ idBase, label, filter, choices, actions, actionWords = (a) => auditActionLabels[a], pathFor }: AuditFiltersProps) {
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
    <FilterForm
      label={label}
      choicesWhat="the people and records"
      choices={choices}
      clearHref={isFiltered(filter) ? pathFor("") : null}
      onClear={() => focusAfterRender([firstId])}
    >
      <FilterRow>
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
      </FilterRow>
      <FilterRow>
        <DateFilter id={`${idBase}-from`} label="From" value={filter.from} onChange={(value) => setDate("from", value)} />
        <DateFilter id={`${idBase}-to`} label="To" value={filter.to} error={dateProblem} onChange={(value) => setDate("to", value)} />
      </FilterRow>
    </FilterForm>
  );
}

function DateFilter({ id, label, value, error, onChange }: { id: string; label: string; value: string | undefined; error?: string | null; onChange(value: string): void }) {
  const errorId = `${id}-error`;
  return (
    <div className={`nhsuk-form-group rt-filters__group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className={`nhsuk-input rt-filters__select${error ? " nhsuk-input--error" : ""}`}
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
