/**
 * What the overdue view lists, and how late each action is: still to do, past its due date in
 * UK time, most overdue first. An action someone has just marked done (or moved to a later
 * date) leaves the list straight away, before the server confirms.
 */
import { isOverdue, type Action } from "@roundtable/domain";
import { daysBetween } from "../actions/action-dates";
import { matchesOwner } from "./overdue-filters";

function mostOverdueFirst(a: Action, b: Action): number {
  return (
    (a.dueDate ?? "").localeCompare(b.dueDate ?? "") ||
    a.caseName.localeCompare(b.caseName, "en-GB") ||
    a.text.localeCompare(b.text, "en-GB")
  );
}

export function overdueToShow(actions: readonly Action[], owner: string, today: string): Action[] {
  return actions
    .filter((action) => action.removedAt === null && isOverdue(action, today) && matchesOwner(action, owner))
    .sort(mostOverdueFirst);
}

/** "1 day overdue", "12 days overdue"; null when the action is not overdue. */
export function daysOverdueText(dueDate: string | null, today: string): string | null {
  const days = dueDate === null ? null : daysBetween(dueDate, today);
  if (days === null || days < 1) return null;
  return days === 1 ? "1 day overdue" : `${days} days overdue`;
}

/** The line above the table: how many, in words. */
export function overdueCountText(count: number, filtered: boolean): string {
  if (count === 0) {
    return filtered ? "No overdue actions match these filters." : "No overdue actions — everything is on track.";
  }
  const actions = count === 1 ? "1 overdue action" : `${count} overdue actions`;
  return filtered ? `${actions} ${count === 1 ? "matches" : "match"} these filters` : actions;
}
