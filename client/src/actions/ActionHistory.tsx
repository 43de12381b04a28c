/**
 * An action's "History" in the action lists: closed until asked for, then who changed what and
 * when, newest first. It is a row of its own under the action, as wide as the table, so the
 * history has room to read and a closed one adds one short line on a phone.
 */
import type { Action } from "@roundtable/domain";
import { useRef, useState, type ReactNode, type RefObject } from "react";
import { listActionEvents } from "../api/api";
import { useResource } from "../api/use-resource";
import { describeActionHistory, historyNames } from "./action-history-words";
import { CaseTeamProvider } from "./CaseTeamProvider";
import { useCaseTeam } from "./case-team-context";

/**
 * Where the names of owners come from: "page" when the page already gives the case team
 * (CaseTeamContext), "case" to load the action's case team when the history is opened.
 */
export type HistoryTeam = "page" | "case";

interface ActionHistoryRowProps {
  action: Action;
  /** How many columns the action's table has. */
  columns: number;
  team: HistoryTeam;
}

export function ActionHistoryRow({ action, columns, team }: ActionHistoryRowProps) {
  return (
    <tr className="nhsuk-table__row rt-action-history-row" role="row" data-testid="action-history-row">
      <td className="nhsuk-table__cell rt-action-history-row__cell" role="cell" colSpan={columns}>
        <ActionHistory action={action} team={team} />
      </td>
    </tr>
  );
}

export function ActionHistory({ action, team }: { action: Action; team: HistoryTeam }) {
  const [open, setOpen] = useState(false);
  const summaryRef = useRef<HTMLElement>(null);
  const events = <HistoryEvents action={action} summaryRef={summaryRef} />;
  return (
    <details
      className="nhsuk-details rt-action-history"
      data-testid="action-history"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="nhsuk-details__summary" ref={summaryRef}>
        <span className="nhsuk-details__summary-text">
          History<span className="nhsuk-u-visually-hidden"> of “{action.text || "an action with no words yet"}”</span>
        </span>
      </summary>
      {/* Nothing is loaded until someone opens it: most people never will. */}
      <div className="nhsuk-details__text rt-action-history__body">
        {open && (team === "case" ? <CaseTeamProvider caseIds={[action.caseId]}>{events}</CaseTeamProvider> : events)}
      </div>
    </details>
  );
}

function HistoryEvents({ action, summaryRef }: { action: Action; summaryRef: RefObject<HTMLElement | null> }) {
  const caseTeam = useCaseTeam();
  // Loaded again when the action changes, so a change made on this page shows in its history
  // (an escalation changes the count, not the action).
  const events = useResource(() => listActionEvents(action.id), `action-events:${action.id}:${action.updatedAt}:${action.escalations}`);
  const loading = events.status === "loading" || caseTeam.status === "loading";

  let status: string;
  let body: ReactNode;
  if (loading) {
    status = "Loading the history…";
    body = (
      <p className="rt-loading rt-action-history__loading">
        <span className="rt-loading__spinner" aria-hidden="true" />
        Loading the history…
      </p>
    );
  } else if (events.status === "failed") {
    status = "We could not load the history.";
    const retry = () => {
      // The button goes while it loads again: keep the keyboard where it was.
      summaryRef.current?.focus();
      events.retry();
    };
    body = (
      <>
        <p className="rt-action-history__problem">We could not load the history. {events.error.message}</p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button" onClick={retry}>
          Try again<span className="nhsuk-u-visually-hidden"> to load the history</span>
        </button>
      </>
    );
  } else {
    const team = caseTeam.status === "loaded" ? caseTeam : { team: [], agencies: [] };
    const names = historyNames({ team: team.team, agencies: team.agencies, action, events: events.data });
    const lines = describeActionHistory(events.data, names, action);
    status = lines.length === 0 ? "No history yet." : lines.length === 1 ? "History: 1 change" : `History: ${lines.length} changes, newest first`;
    body =
      lines.length === 0 ? (
        <p className="rt-action-history__empty">Nothing has been recorded for this action yet.</p>
      ) : (
        <ol className="nhsuk-list rt-action-history__list">
          {lines.map((line) => (
            <li key={line.key} className="rt-action-history__item">
              <time className="rt-action-history__when" dateTime={line.at}>
                {line.when}
              </time>{" "}
              <span className="rt-action-history__words">{line.words}</span>
            </li>
          ))}
        </ol>
      );
  }

  return (
    <>
      <p className="nhsuk-u-visually-hidden" role="status">
        {status}
      </p>
      {body}
    </>
  );
}
