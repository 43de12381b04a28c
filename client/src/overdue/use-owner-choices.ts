/**
 * The Owner filter's choices come from the whole overdue list, so choosing an agency or a case
 * does not hide the other owners. When the list on screen is already the whole list it is used
 * as it is; otherwise the whole list is fetched once.
 */
import { listActions } from "../api/api";
import { useResource } from "../api/use-resource";
import type { ActionList } from "../actions/use-action-list";
import { withChosen, type FilterOption } from "../filters/filter-options";
import { narrowsOnServer, noFilters, overdueQuery, type OverdueFilters } from "./overdue-filters";
import { overdueToShow } from "./overdue-list";
import { ownerOptions } from "./owner-options";

export function useOwnerChoices(filters: OverdueFilters, list: ActionList, today: string): FilterOption[] {
  const separate = narrowsOnServer(filters);
  const whole = useResource(
    () => (separate ? listActions(overdueQuery(noFilters)) : Promise.resolve(null)),
    separate ? "whole-overdue-list" : "list-on-screen",
  );
  const onScreen = list.status === "loaded" ? list.data : [];
  const source = separate && whole.status === "loaded" && whole.data ? whole.data : onScreen;
  const options = ownerOptions(overdueToShow(source, "", today));
  return withChosen(options, filters.owner, "The owner chosen (no overdue actions now)");
}
