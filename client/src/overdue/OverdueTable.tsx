/** The overdue actions, most overdue first, as a table that stacks into cards on a phone. */
import type { Action } from "@roundtable/domain";
import { ResponsiveTable } from "../layout/ResponsiveTable";
import { overdueHeadings, OverdueRow } from "./OverdueRow";

interface OverdueTableProps {
  actions: readonly Action[];
  today: string;
  errors: ReadonlyMap<string, string>;
  onMarkDone(action: Action): void;
  onChangeDueDate(action: Action, dueDate: string): void;
  onEscalated(): void;
}

export function OverdueTable({ actions, today, errors, onMarkDone, onChangeDueDate, onEscalated }: OverdueTableProps) {
  return (
    <ResponsiveTable
      className="rt-actions-table rt-overdue-table"
      caption="Overdue actions, most overdue first"
      hideCaption
      headings={overdueHeadings}
    >
      {actions.map((action) => (
        <OverdueRow
          key={action.id}
          action={action}
          today={today}
          error={errors.get(action.id)}
          onMarkDone={onMarkDone}
          onChangeDueDate={onChangeDueDate}
          onEscalated={onEscalated}
        />
      ))}
    </ResponsiveTable>
  );
}
