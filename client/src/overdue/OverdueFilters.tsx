/**
 * The filters above the overdue table: agency, owner and case. A change applies at once and is
 * kept in the address, so the view can be bookmarked or sent to a colleague.
 */
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import type { Resource } from "../api/use-resource";
import { navigate } from "../navigation/history";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { namedOptions, withChosen, type FilterOption } from "./filter-options";
import { FilterSelect } from "./FilterSelect";
import { hasFilters, overdueSearch, type OverdueFilters as Filters } from "./overdue-filters";
import type { FilterChoices } from "./use-filter-choices";

const agencySelectId = "overdue-agency";

interface OverdueFiltersProps {
  filters: Filters;
  choices: Resource<FilterChoices>;
  ownerOptions: readonly FilterOption[];
}

export function OverdueFilters({ filters, choices, ownerOptions }: OverdueFiltersProps) {
  const focusAfterRender = useFocusAfterRender();
  const loaded = choices.status === "loaded" ? choices.data : null;
  const notListed = (what: string) => (loaded ? `${what} not found` : "Loading…");

  const apply = (next: Filters) => navigate(paths.overdue(overdueSearch(next)), { replace: true, keepScroll: true });

  return (
    <form className="rt-overdue-filters" aria-label="Filter overdue actions" onSubmit={(event) => event.preventDefault()}>
      <div className="rt-overdue-filters__boxes">
        <FilterSelect
          id={agencySelectId}
          label="Agency"
          allLabel="All agencies"
          value={filters.agencyId ?? ""}
          options={withChosen(namedOptions(loaded?.agencies ?? []), filters.agencyId, notListed("Agency"))}
          onChange={(value) => apply({ ...filters, agencyId: value || null })}
        />
        <FilterSelect
          id="overdue-owner"
          label="Owner"
          allLabel="All owners"
          value={filters.owner}
          options={ownerOptions}
          onChange={(value) => apply({ ...filters, owner: value })}
        />
        <FilterSelect
          id="overdue-case"
          label="Case"
          allLabel="All cases"
          value={filters.caseId ?? ""}
          options={withChosen(namedOptions(loaded?.cases ?? []), filters.caseId, notListed("Case"))}
          onChange={(value) => apply({ ...filters, caseId: value || null })}
        />
      </div>
      {choices.status === "failed" && (
        <div className="rt-overdue-filters__problem">
          <p>We could not load the agencies and cases to filter by. {choices.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={choices.retry}>
            Try loading the filters again
          </button>
        </div>
      )}
      {hasFilters(filters) && (
        <p className="rt-overdue-filters__clear">
          <Link href={paths.overdue()} onClick={() => focusAfterRender([agencySelectId])}>
            Clear filters
          </Link>
        </p>
      )}
    </form>
  );
}
