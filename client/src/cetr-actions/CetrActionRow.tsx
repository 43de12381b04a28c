/**
 * One open CETR action: what, for which child at which CETR, who has it (and their agency), when
 * it is due and how late, where it has got to, and how often it has been escalated — with the
 * Escalate button on an overdue one.
 */
import { actionStatusLabels, type CetrActionView } from "@roundtable/domain";
import { formatDueDate } from "../actions/action-dates";
import { Cell } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { cetrLabel, escalatedText, whenDueText } from "./cetr-actions-words";
import { EscalateAction } from "../actions/EscalateAction";

export const cetrActionHeadings = ["Action", "Child and CETR", "Owner", "Due", "Status", "Escalated"] as const;

interface CetrActionRowProps {
  action: CetrActionView;
  today: string;
  onEscalated(): void;
}

export function CetrActionRow({ action, today, onEscalated }: CetrActionRowProps) {
  const when = whenDueText(action.dueDate, today);
  return (
    <tr className="nhsuk-table__row" role="row" data-testid="cetr-action-row" data-action-id={action.id}>
      <Cell heading="Action" rowHeader>
        <Link href={paths.actionInDocument(action.documentId, action.id)}>{action.text || "(no words yet)"}</Link>
      </Cell>
      <Cell heading="Child and CETR">
        <span className="rt-cetr-actions__stack">
          <span>{action.caseName}</span>
          <span className="rt-cetr-actions__quiet">{cetrLabel({ heldOn: action.cetrHeldOn, status: action.cetrStatus })}</span>
        </span>
      </Cell>
      <Cell heading="Owner">
        <Owner action={action} />
      </Cell>
      <Cell heading="Due">
        <span className="rt-cetr-actions__stack">
          <span className="rt-action-row__due">{formatDueDate(action.dueDate)}</span>
          {when && <strong className={`nhsuk-tag rt-action-tag ${action.overdue ? "nhsuk-tag--red" : "nhsuk-tag--white"}`}>{when}</strong>}
        </span>
      </Cell>
      <Cell heading="Status">
        <span className="rt-cetr-actions__stack">
          <span>{actionStatusLabels[action.status]}</span>
          {action.blockedReason && <span className="rt-cetr-actions__quiet">{action.blockedReason}</span>}
        </span>
      </Cell>
      <Cell heading="Escalated">
        <span className="rt-cetr-actions__stack">
          <span className={action.escalations > 0 ? "rt-cetr-actions__escalated" : undefined}>{escalatedText(action.escalations)}</span>
          {action.overdue && <EscalateAction action={action} onEscalated={onEscalated} />}
        </span>
      </Cell>
    </tr>
  );
}

function Owner({ action }: { action: CetrActionView }) {
  if (action.ownerId === null && action.agencyId === null) {
    return (
      <span className="rt-cetr-actions__stack">
        <span>No owner</span>
        <strong className="nhsuk-tag nhsuk-tag--orange rt-action-tag">Needs an owner</strong>
      </span>
    );
  }
  return (
    <span className="rt-cetr-actions__stack">
      <span>{action.ownerName ?? "No one named yet"}</span>
      {action.agencyName && <span className="rt-cetr-actions__quiet">{action.agencyName}</span>}
    </span>
  );
}
