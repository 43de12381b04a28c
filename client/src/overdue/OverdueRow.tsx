/**
 * One overdue action: what, which case, who has it, how late, where it has got to, where it was
 * agreed, the same "Mark as done" and "Change due date" as My actions, and "Escalate".
 */
import { actionStatusLabels, type Action } from "@roundtable/domain";
import { ActionUpdateControls } from "../actions/ActionUpdateControls";
import { EscalateAction } from "../actions/EscalateAction";
import { formatDueDate } from "../actions/action-dates";
import { ownerName } from "../actions/action-owner";
import { WhereAgreed } from "../actions/WhereAgreed";
import { Cell } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { daysOverdueText } from "./overdue-list";

export const overdueHeadings = ["What", "Case", "Owner", "Due", "Status", "Where agreed", "Update", "Escalate"] as const;

interface OverdueRowProps {
  action: Action;
  today: string;
  error: string | undefined;
  onMarkDone(action: Action): void;
  onChangeDueDate(action: Action, dueDate: string): void;
  onEscalated(): void;
}

export function OverdueRow({ action, today, error, onMarkDone, onChangeDueDate, onEscalated }: OverdueRowProps) {
  const late = daysOverdueText(action.dueDate, today);
  return (
    <tr className="nhsuk-table__row" role="row" data-testid="overdue-row" data-action-id={action.id}>
      <Cell heading="What" rowHeader>
        <span className="rt-action-row__text">{action.text || "(no words yet)"}</span>
      </Cell>
      <Cell heading="Case">
        <Link href={paths.case(action.caseId)}>{action.caseName}</Link>
      </Cell>
      <Cell heading="Owner">
        <Owner action={action} />
      </Cell>
      <Cell heading="Due">
        <span className="rt-overdue__stack">
          <span className="rt-action-row__due">{formatDueDate(action.dueDate)}</span>
          {late && <strong className="nhsuk-tag nhsuk-tag--red rt-action-tag">{late}</strong>}
        </span>
      </Cell>
      <Cell heading="Status">{actionStatusLabels[action.status]}</Cell>
      <Cell heading="Where agreed">
        <WhereAgreed action={action} />
      </Cell>
      <Cell heading="Update">
        <ActionUpdateControls action={action} error={error} onMarkDone={onMarkDone} onChangeDueDate={onChangeDueDate} />
      </Cell>
      <Cell heading="Escalate">
        <EscalateAction action={action} onEscalated={onEscalated} />
      </Cell>
    </tr>
  );
}

function Owner({ action }: { action: Action }) {
  if (action.ownerId !== null || action.ownerAgencyId !== null) return <>{ownerName(action)}</>;
  return (
    <span className="rt-overdue__stack">
      <span className="rt-overdue__no-owner">No owner</span>
      <strong className="nhsuk-tag nhsuk-tag--orange rt-action-tag">Needs an owner</strong>
    </span>
  );
}
