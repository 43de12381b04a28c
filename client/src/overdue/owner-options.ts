/**
 * The Owner filter's choices, from the owners of the overdue actions: each person by name, each
 * agency with no one named yet, and "No owner" first when any action has nobody.
 */
import type { Action } from "@roundtable/domain";
import { ownerChoice } from "../actions/action-owner";
import { byOptionLabel, type FilterOption } from "../filters/filter-options";
import { noOwnerChoice } from "./overdue-filters";

type OwnerFields = Pick<Action, "ownerId" | "ownerName" | "ownerAgencyId" | "ownerAgencyName">;

function ownerLabel(action: OwnerFields): string {
  if (action.ownerId) return action.ownerName ?? "Someone not on the team now";
  return `${action.ownerAgencyName ?? "An agency"} (no one named)`;
}

export function ownerOptions(actions: readonly OwnerFields[]): FilterOption[] {
  const owners = new Map<string, FilterOption>();
  let anyWithoutOwner = false;
  for (const action of actions) {
    const value = ownerChoice(action);
    if (value === "") anyWithoutOwner = true;
    else if (!owners.has(value)) owners.set(value, { value, label: ownerLabel(action) });
  }
  const sorted = [...owners.values()].sort(byOptionLabel);
  return anyWithoutOwner ? [{ value: noOwnerChoice, label: "No owner (needs an owner)" }, ...sorted] : sorted;
}
