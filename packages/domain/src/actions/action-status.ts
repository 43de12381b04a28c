/** Where an agreed action has got to. */
import { z } from "zod";

export const actionStatuses = ["open", "in-progress", "done", "blocked", "cancelled"] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: "Not started",
  "in-progress": "In progress",
  done: "Done",
  blocked: "Blocked",
  cancelled: "Cancelled",
};

/** Statuses of an action still to be done: these can become overdue. */
export const outstandingStatuses = ["open", "in-progress", "blocked"] as const satisfies readonly ActionStatus[];

/** An action still to be done: these can become overdue. */
export function isOutstanding(status: ActionStatus): boolean {
  return (outstandingStatuses as readonly ActionStatus[]).includes(status);
}

/** Overdue: still outstanding and its due date (an ISO date) is before today (an ISO date). */
export function isOverdue(action: { status: ActionStatus; dueDate: string | null }, today: string): boolean {
  return action.dueDate !== null && isOutstanding(action.status) && action.dueDate < today;
}
