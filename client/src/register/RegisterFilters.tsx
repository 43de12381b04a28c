/**
 * The controls above the register: rating, keyworker and order. A change applies at once, goes
 * back to the first page, and is kept in the address. Each is a labelled select, so it works
 * from the keyboard and is read out with its name.
 */
import { noKeyworkerFilter, registerSortLabels, registerSorts, type RegisterPage, type RegisterSort } from "@roundtable/domain";
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import type { Resource } from "../api/use-resource";
import { withChosen } from "../filters/filter-options";
import { FilterForm, FilterRow } from "../filters/FilterForm";
import { FilterSelect } from "../filters/FilterSelect";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { hasRegisterFilters, registerSearch, type RegisterFilters as Filters } from "./register-filters";
import { keyworkerChoice } from "./register-words";

const ratingSelectId = "register-rating";

interface RegisterFiltersProps {
  filters: Filters;
  /** The register as last loaded: its ratings and keyworkers are the choices. */
  choices: RegisterPage | null;
  /** The register being loaded, for "try again" when it could not be. */
  loading: Resource<unknown>;
}

export function RegisterFilters({ filters, choices, loading }: RegisterFiltersProps) {
  const focusAfterRender = useFocusAfterRender();
  const notListed = (what: string) => (choices ? `${what} not found` : "Loading…");
  const apply = (next: Partial<Filters>) => navigate(paths.register(registerSearch({ ...filters, page: 1, ...next })), { replace: true, keepScroll: true });

  const ratingOptions = (choices?.ratings ?? []).map((r) => ({ value: r.rating, label: r.label }));
  const keyworkerOptions = [
    { value: noKeyworkerFilter, label: "No keyworker allocated" },
    ...(choices?.keyworkers ?? []).map((k) => ({ value: k.id, label: keyworkerChoice(k, choices?.settings.caseloadLimit ?? Number.POSITIVE_INFINITY) })),
  ];
  const clear = registerSearch({ ...filters, rating: null, keyworker: null, page: 1 });

  return (
    <FilterForm
      label="Filter and order the register"
      choicesWhat="the ratings and keyworkers"
      // The choices come with the register itself: when it fails, the page says so below.
      choices={loading.status === "failed" ? { status: "loading" } : loading}
      clearHref={hasRegisterFilters(filters) ? paths.register(clear) : null}
      onClear={() => focusAfterRender([ratingSelectId])}
    >
      <FilterRow>
        <FilterSelect
          id={ratingSelectId}
          label="Rating"
          allLabel="All ratings"
          value={filters.rating ?? ""}
          options={withChosen(ratingOptions, filters.rating, notListed("Rating"))}
          onChange={(value) => apply({ rating: value || null })}
        />
        <FilterSelect
          id="register-keyworker"
          label="Keyworker"
          allLabel="All keyworkers"
          value={filters.keyworker ?? ""}
          options={withChosen(keyworkerOptions, filters.keyworker, notListed("Keyworker"))}
          onChange={(value) => apply({ keyworker: value || null })}
        />
        <div className="nhsuk-form-group rt-filters__group">
          <label className="nhsuk-label" htmlFor="register-sort">
            Order
          </label>
          <select
            className="nhsuk-select rt-filters__select"
            id="register-sort"
            value={filters.sort}
            onChange={(event) => apply({ sort: event.target.value as RegisterSort })}
          >
            {registerSorts.map((sort) => (
              <option key={sort} value={sort}>
                {registerSortLabels[sort]}
              </option>
            ))}
          </select>
        </div>
      </FilterRow>
    </FilterForm>
  );
}
