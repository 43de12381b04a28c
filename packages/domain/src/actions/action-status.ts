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

/** The longest reason an action can be blocked for, in characters. */
export const blockedReasonMaxLength = 500;

/**
 * What is holding a blocked action up, as stored: only a blocked action has one, and it is kept
 * to one line of plain text no longer than the limit (a document can hold anything, so the
 * projection and the API read it through here).
 */
export function blockedReasonFor(status: ActionStatus, value: unknown): string | null {
  if (status !== "blocked" || typeof value !== "string") return null;
  const reason = value.replace(/\s+/g, " ").trim().slice(0, blockedReasonMaxLength);
  return reason.length > 0 ? reason : null;
}
