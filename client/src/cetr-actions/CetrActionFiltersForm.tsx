/**
 * The filters above the CETR actions: agency, owner, child and CETR, and what to group the lists
 * by. A change applies at once and is kept in the address. The choices are everyone and
 * everything the reader follows up, whatever is chosen, each with how many are overdue.
 */
import type { CetrActionChoices } from "@roundtable/domain";
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import type { Resource } from "../api/use-resource";
import { byOptionLabel, withChosen, type FilterOption } from "../filters/filter-options";
import { FilterForm, FilterRow } from "../filters/FilterForm";
import { FilterSelect } from "../filters/FilterSelect";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { cetrActionsSearch, groupingLabels, groupings, narrows, type CetrActionFilters } from "./cetr-action-filters";
import { cetrLabel } from "./cetr-actions-words";

const agencySelectId = "cetr-actions-agency";

interface CetrActionFiltersFormProps {
  filters: CetrActionFilters;
  choices: Resource<CetrActionChoices>;
}

/** "Northbridge CAMHS (2 overdue)": the name, and how many are overdue when any are. */
function optionOf(group: { id: string | null; name: string; overdue: number }, name = group.name): FilterOption[] {
  if (group.id === null) return [];
  return [{ value: group.id, label: group.overdue > 0 ? `${name} (${group.overdue} overdue)` : name }];
}

export function CetrActionFiltersForm({ filters, choices }: CetrActionFiltersFormProps) {
  const focusAfterRender = useFocusAfterRender();
  // The choices stay as they were while a refresh is on its way.
  const groups = choices.status === "loaded" ? choices.data : null;
  const notListed = (what: string) => (groups ? `${what} not found` : "Loading…");
  const apply = (next: CetrActionFilters) => navigate(paths.cetrActions(cetrActionsSearch(next)), { replace: true, keepScroll: true });
  const options = (list: readonly { id: string | null; name: string; overdue: number }[] | undefined) => (list ?? []).flatMap((g) => optionOf(g)).sort(byOptionLabel);
  const cetrOptions = (groups?.cetrs ?? []).flatMap((c) => optionOf(c, `${c.name}: ${cetrLabel(c)}`)).sort(byOptionLabel);

  return (
    <FilterForm
      label="Filter CETR actions"
      choicesWhat="the agencies, owners, children and CETRs"
      choices={choices}
      clearHref={narrows(filters) ? paths.cetrActions(cetrActionsSearch({ ...filters, agencyId: null, ownerId: null, caseId: null, cetrId: null })) : null}
      onClear={() => focusAfterRender([agencySelectId])}
    >
      <FilterRow>
        <FilterSelect
          id={agencySelectId}
          label="Agency"
          allLabel="All agencies"
          value={filters.agencyId ?? ""}
          options={withChosen(options(groups?.agencies), filters.agencyId, notListed("Agency"))}
          onChange={(value) => apply({ ...filters, agencyId: value || null })}
        />
        <FilterSelect
          id="cetr-actions-owner"
          label="Owner"
          allLabel="All owners"
          value={filters.ownerId ?? ""}
          options={withChosen(options(groups?.owners), filters.ownerId, notListed("Owner"))}
          onChange={(value) => apply({ ...filters, ownerId: value || null })}
        />
        <FilterSelect
          id="cetr-actions-child"
          label="Child"
          allLabel="All children"
          value={filters.caseId ?? ""}
          options={withChosen(options(groups?.children), filters.caseId, notListed("Child"))}
          onChange={(value) => apply({ ...filters, caseId: value || null })}
        />
        <FilterSelect
          id="cetr-actions-cetr"
          label="CETR"
          allLabel="All CETRs"
          value={filters.cetrId ?? ""}
          options={withChosen(cetrOptions, filters.cetrId, notListed("CETR"))}
          onChange={(value) => apply({ ...filters, cetrId: value || null })}
        />
      </FilterRow>
      <FilterRow>
        <div className="nhsuk-form-group rt-filters__group rt-cetr-actions__grouping">
          <label className="nhsuk-label" htmlFor="cetr-actions-group">
            Group by
          </label>
          <select
            className="nhsuk-select rt-filters__select"
            id="cetr-actions-group"
            value={filters.group}
            onChange={(event) => apply({ ...filters, group: event.target.value as CetrActionFilters["group"] })}
          >
            {groupings.map((g) => (
              <option key={g} value={g}>
                {groupingLabels[g]}
              </option>
            ))}
          </select>
        </div>
      </FilterRow>
    </FilterForm>
  );
}
