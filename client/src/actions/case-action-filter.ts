/** The case page's action filter: by status, or the two views people ask for most. */
import { actionStatuses, actionStatusLabels, isOutstanding, isOverdue, type Action, type ActionStatus } from "@roundtable/domain";
import { groupFor, type ActionGroupKey } from "./group-actions";

export type CaseActionFilter = "all" | "outstanding" | "overdue" | ActionStatus;

export const caseActionFilters: readonly { value: CaseActionFilter; label: string }[] = [
  { value: "all", label: "All actions" },
  { value: "outstanding", label: "Still to do" },
  { value: "overdue", label: "Overdue" },
  ...actionStatuses.map((status) => ({ value: status, label: actionStatusLabels[status] })),
];

export function readCaseActionFilter(value: string): CaseActionFilter {
  return caseActionFilters.find((filter) => filter.value === value)?.value ?? "all";
}

export function matchesFilter(action: Action, filter: CaseActionFilter, today: string): boolean {
  if (filter === "all") return true;
  if (filter === "outstanding") return isOutstanding(action.status) && action.removedAt === null;
  if (filter === "overdue") return isOverdue(action, today) && action.removedAt === null;
  return action.status === filter;
}

const groupOrder: readonly ActionGroupKey[] = ["overdue", "this-week", "later", "no-due-date", "done"];

/** Late first, then by due date; finished and taken-out actions last. */
export function sortForCase(actions: readonly Action[], today: string): Action[] {
  const rank = (a: Action) => (a.removedAt !== null ? groupOrder.length : groupOrder.indexOf(groupFor(a, today)));
  return [...actions].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") ||
      a.text.localeCompare(b.text, "en-GB"),
  );
}
