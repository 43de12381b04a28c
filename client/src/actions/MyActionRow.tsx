/** One of my actions: what, which case, where agreed, when due, where it has got to, what I can do, and its history. */
import { actionStatusLabels, type Action } from "@roundtable/domain";
import { Cell } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { ActionHistoryRow } from "./ActionHistory";
import { ActionTags } from "./ActionTags";
import { ActionUpdateControls } from "./ActionUpdateControls";
import { formatDueDate } from "./action-dates";
import { WhereAgreed } from "./WhereAgreed";

export const myActionHeadings = ["Action", "Case", "Where agreed", "Due", "Status", "Update"] as const;

interface MyActionRowProps {
  action: Action;
  today: string;
  error: string | undefined;
  onMarkDone(action: Action): void;
  onChangeDueDate(action: Action, dueDate: string): void;
  onBlock(action: Action, reason: string): void;
  onUnblock(action: Action): void;
}

export function MyActionRow({ action, today, error, onMarkDone, onChangeDueDate, onBlock, onUnblock }: MyActionRowProps) {
  return (
    <>
      <tr className="nhsuk-table__row rt-action-row--with-history" role="row" data-testid="action-row" data-action-id={action.id}>
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
        <Cell heading="Status">
          {/* One item, so a phone's stacked row keeps the reason under its status. */}
          <span>
            {actionStatusLabels[action.status]}
            {action.blockedReason && <span className="rt-action-row__held-up">Held up by: {action.blockedReason}</span>}
          </span>
        </Cell>
        <Cell heading="Update">
          <ActionUpdateControls
            action={action}
            error={error}
            onMarkDone={onMarkDone}
            onChangeDueDate={onChangeDueDate}
            onBlock={onBlock}
            onUnblock={onUnblock}
          />
        </Cell>
      </tr>
      {/* My actions span many cases: the history loads its own case's team for owners' names. */}
      <ActionHistoryRow action={action} columns={myActionHeadings.length} team="case" />
    </>
  );
}
