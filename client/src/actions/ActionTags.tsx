/**
 * "Overdue" and "Done" as NHS.UK tags: the word is always there, the colour only helps. Lists
 * that already have a Status column show only "Overdue".
 */
import { isOverdue, type ActionStatus } from "@roundtable/domain";

interface ActionTagsProps {
  status: ActionStatus;
  dueDate: string | null;
  today: string;
  overdueOnly?: boolean;
}

export function ActionTags({ status, dueDate, today, overdueOnly = false }: ActionTagsProps) {
  if (isOverdue({ status, dueDate }, today)) {
    return (
      <strong className="nhsuk-tag nhsuk-tag--red rt-action-tag" data-testid="overdue-tag">
        Overdue
      </strong>
    );
  }
  if (overdueOnly) return null;
  if (status === "done") return <strong className="nhsuk-tag nhsuk-tag--green rt-action-tag">Done</strong>;
  if (status === "cancelled") return <strong className="nhsuk-tag nhsuk-tag--grey rt-action-tag">Cancelled</strong>;
  return null;
}
