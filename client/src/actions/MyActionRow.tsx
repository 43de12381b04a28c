/** One of my actions: what, which case, where agreed, when due, where it has got to, and what I can do. */
import { actionStatusLabels, isOutstanding, type Action } from "@roundtable/domain";
import { Cell } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { ActionTags } from "./ActionTags";
import { ChangeDueDate } from "./ChangeDueDate";
import { formatDueDate } from "./action-dates";
import { WhereAgreed } from "./WhereAgreed";

export const myActionHeadings = ["Action", "Case", "Where agreed", "Due", "Status", "Update"] as const;

export function markDoneButtonId(actionId: string): string {
  return `mark-done-${actionId}`;
}

interface MyActionRowProps {
  action: Action;
  today: string;
  error: string | undefined;
  onMarkDone(action: Action): void;
  onChangeDueDate(action: Action, dueDate: string): void;
}

export function MyActionRow({ action, today, error, onMarkDone, onChangeDueDate }: MyActionRowProps) {
  const outstanding = isOutstanding(action.status);
  const errorId = `action-error-${action.id}`;
  return (
    <tr className="nhsuk-table__row" role="row" data-testid="action-row" data-action-id={action.id}>
      <Cell heading="Action" rowHeader>
        <span className="rt-action-row__text">{action.text || "(no words yet)"}</span>
      </Cell>
      <Cell heading="Case">
        <Link href={paths.case(action.caseId)}>{action.caseName}</Link>
      </Cell>
      <Cell heading="Where agreed">
        <WhereAgreed action={action} />
      </Cell>
      <Cell heading="Due">
        <span className="rt-action-row__due">{formatDueDate(action.dueDate)}</span>{" "}
        <ActionTags status={action.status} dueDate={action.dueDate} today={today} overdueOnly />
      </Cell>
      <Cell heading="Status">{actionStatusLabels[action.status]}</Cell>
      <Cell heading="Update">
        {error && (
          <p className="nhsuk-error-message rt-action-row__error" id={errorId} role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </p>
        )}
        {outstanding ? (
          <div className="rt-action-row__buttons">
            <button
              id={markDoneButtonId(action.id)}
              type="button"
              className="nhsuk-button nhsuk-button--small rt-action-row__button"
              aria-describedby={error ? errorId : undefined}
              onClick={() => onMarkDone(action)}
            >
              Mark as done<span className="nhsuk-u-visually-hidden">: {action.text}</span>
            </button>
            <ChangeDueDate
              actionId={action.id}
              actionText={action.text}
              dueDate={action.dueDate}
              onSave={(dueDate) => onChangeDueDate(action, dueDate)}
            />
          </div>
        ) : (
          <span className="rt-action-row__note">Nothing to do</span>
        )}
      </Cell>
    </tr>
  );
}
