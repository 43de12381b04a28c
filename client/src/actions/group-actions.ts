/**
 * "My actions" in the order a busy person works through them: what is late, what is due this
 * week, what comes later, what still needs a date, and what is finished.
 */
import { isOutstanding, isOverdue, type Action } from "@roundtable/domain";
import { addDays } from "./action-dates";

export type ActionGroupKey = "overdue" | "this-week" | "later" | "no-due-date" | "done";

export interface ActionGroup {
  key: ActionGroupKey;
  heading: string;
  actions: Action[];
}

/** How far ahead "Due this week" looks: due today or in the next 7 days. */
export const dueSoonDays = 7;

export function groupFor(action: Pick<Action, "status" | "dueDate">, today: string): ActionGroupKey {
  if (!isOutstanding(action.status)) return "done";
  if (action.dueDate === null) return "no-due-date";
  if (isOverdue(action, today)) return "overdue";
  if (action.dueDate <= addDays(today, dueSoonDays)) return "this-week";
  return "later";
}

function byText(a: Action, b: Action): number {
  return a.caseName.localeCompare(b.caseName, "en-GB") || a.text.localeCompare(b.text, "en-GB");
}

function byDueDate(a: Action, b: Action): number {
  return (a.dueDate ?? "").localeCompare(b.dueDate ?? "") || byText(a, b);
}

function mostRecentFirst(a: Action, b: Action): number {
  return b.updatedAt.localeCompare(a.updatedAt) || byText(a, b);
}

/**
 * Every group, in order, even when empty (the page decides what to show). Actions taken out of
 * their document are left out: they are kept for the record, not for doing.
 */
export function groupActions(actions: readonly Action[], today: string): ActionGroup[] {
  const groups: ActionGroup[] = [
    { key: "overdue", heading: "Overdue", actions: [] },
    { key: "this-week", heading: "Due this week", actions: [] },
    { key: "later", heading: "Later", actions: [] },
    { key: "no-due-date", heading: "No due date", actions: [] },
    { key: "done", heading: "Done", actions: [] },
  ];
  for (const action of actions) {
    if (action.removedAt !== null) continue;
    const key = groupFor(action, today);
    groups.find((group) => group.key === key)?.actions.push(action);
  }
  for (const group of groups) {
    group.actions.sort(group.key === "done" ? mostRecentFirst : group.key === "no-due-date" ? byText : byDueDate);
  }
  return groups;
}
