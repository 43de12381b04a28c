/**
 * One section of the page (overdue, due in the next two weeks, later): its heading with how many,
 * then the actions as a table — or, grouped, a smaller heading and a table for each agency,
 * owner, child or CETR. A table stacks into cards on a phone.
 */
import type { CetrActionView } from "@roundtable/domain";
import { ResponsiveTable } from "../layout/ResponsiveTable";
import type { Grouping } from "./cetr-action-filters";
import { withCount } from "./cetr-actions-words";
import { CetrActionRow, cetrActionHeadings } from "./CetrActionRow";
import { groupCetrActions } from "./group-cetr-actions";

interface CetrActionSectionProps {
  id: string;
  heading: string;
  actions: readonly CetrActionView[];
  group: Grouping;
  today: string;
  emptyText: string;
  onEscalated(): void;
}

export function CetrActionSection({ id, heading, actions, group, today, emptyText, onEscalated }: CetrActionSectionProps) {
  const headingId = `${id}-heading`;
  const table = (caption: string, rows: readonly CetrActionView[]) => (
    <ResponsiveTable className="rt-actions-table rt-cetr-actions__table" caption={caption} hideCaption headings={cetrActionHeadings}>
      {rows.map((action) => (
        <CetrActionRow key={action.id} action={action} today={today} onEscalated={onEscalated} />
      ))}
    </ResponsiveTable>
  );
  return (
    <section className="rt-cetr-actions__section" aria-labelledby={headingId} data-testid={`cetr-actions-${id}`}>
      <h2 id={headingId}>{withCount(heading, actions.length)}</h2>
      {actions.length === 0 && <p>{emptyText}</p>}
      {actions.length > 0 && group === "none" && table(heading, actions)}
      {actions.length > 0 &&
        group !== "none" &&
        groupCetrActions(actions, group).map((g) => (
          <div key={g.key} className="rt-action-group">
            <h3 className="rt-action-group__heading">
              {g.heading} <span className="rt-action-group__count">({g.actions.length})</span>
            </h3>
            {table(`${heading}: ${g.heading}`, g.actions)}
          </div>
        ))}
    </section>
  );
}
