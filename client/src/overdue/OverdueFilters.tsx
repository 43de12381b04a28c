/**
 * The filters above the overdue table: agency, owner and case. A change applies at once and is
 * kept in the address, so the view can be bookmarked or sent to a colleague.
 */
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import type { Resource } from "../api/use-resource";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { namedOptions, withChosen, type FilterOption } from "../filters/filter-options";
import { FilterForm, FilterRow } from "../filters/FilterForm";
import { FilterSelect } from "../filters/FilterSelect";
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
    <FilterForm
      label="Filter overdue actions"
      choicesWhat="the agencies and cases"
      choices={choices}
      clearHref={hasFilters(filters) ? paths.overdue() : null}
      onClear={() => focusAfterRender([agencySelectId])}
    >
      <FilterRow>
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
      </FilterRow>
    </FilterForm>
  );
}
