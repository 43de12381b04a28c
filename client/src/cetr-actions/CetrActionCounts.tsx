/** The figures at the top of the page, each a number and what it counts, overdue first. */
import type { CetrActionsOverview } from "@roundtable/domain";
import { countsWords } from "./cetr-actions-words";

export function CetrActionCounts({ overview }: { overview: CetrActionsOverview }) {
  return (
    <ul className="rt-cetr-counts" aria-label="CETR actions in figures" data-testid="cetr-action-counts">
      {countsWords(overview.counts, overview.dueSoonDays).map((c) => (
        <li key={c.key} className={`rt-cetr-counts__item rt-cetr-counts__item--${c.key}${c.figure > 0 ? " rt-cetr-counts__item--some" : ""}`}>
          <span className="rt-cetr-counts__figure">{c.figure}</span> <span className="rt-cetr-counts__words">{c.words}</span>
        </li>
      ))}
    </ul>
  );
}
