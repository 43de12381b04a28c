/**
 * "Now discussing": the agenda item the chair is on, shown to everyone and moved on live. The
 * chair steps through the agenda with Previous and Next; the items are the numbered list at
 * the top of the minutes, so changing the agenda is just editing the minutes.
 */
import type { Meeting } from "@roundtable/domain";
import { useState } from "react";
import { ApiRequestError, setAgendaItem } from "../api/api";
import { formatMeetingTime } from "../cases/format-meeting";

interface AgendaNowProps {
  meeting: Meeting;
  /** From the minutes; null until they are open. */
  items: readonly string[] | null;
  canSteer: boolean;
  onChanged(meeting: Meeting): void;
}

function itemWords(items: readonly string[], index: number): string {
  const words = items[index];
  if (words === undefined) return "An item no longer on the agenda";
  return words.length > 0 ? words : "(this item has no words yet)";
}

function NowLine({ meeting, items }: { meeting: Meeting; items: readonly string[] | null }) {
  const current = meeting.currentAgendaItem;
  if (meeting.status === "scheduled") return <p>The meeting has not started yet. It is booked for {formatMeetingTime(meeting.startsAt)}.</p>;
  if (meeting.status !== "in-progress") return <p>The meeting has ended.</p>;
  if (current === null) return <p>The chair has not started on the agenda yet.</p>;
  if (items === null) return <p>Item {current + 1}. Opening the minutes to show the agenda…</p>;
  return (
    <>
      <p className="rt-agenda__label">Now discussing</p>
      <p className="rt-agenda__item">{itemWords(items, current)}</p>
      <p className="rt-agenda__count">
        Item {current + 1} of {items.length}
      </p>
    </>
  );
}

export function AgendaNow({ meeting, items, canSteer, onChanged }: AgendaNowProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = meeting.currentAgendaItem;
  const count = items?.length ?? 0;
  const steering = canSteer && meeting.status === "in-progress" && items !== null && count > 0;
  const canGoBack = current !== null && current > 0;
  const canGoOn = current === null || current < count - 1;

  const moveTo = async (item: number) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await setAgendaItem(meeting.id, item));
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rt-agenda rt-no-print" aria-labelledby="agenda-heading" data-in-progress={meeting.status === "in-progress"}>
      <h2 className="nhsuk-heading-s rt-agenda__heading" id="agenda-heading">
        Agenda
      </h2>
      <div className="rt-agenda__now" data-testid="agenda-now" aria-live="polite">
        <NowLine meeting={meeting} items={items} />
      </div>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      {steering && (
        <div className="nhsuk-button-group rt-agenda__buttons">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-disabled={!canGoBack || busy || undefined}
            onClick={() => canGoBack && void moveTo(current - 1)}
          >
            Previous item
          </button>
          <button
            type="button"
            className="nhsuk-button"
            aria-disabled={!canGoOn || busy || undefined}
            onClick={() => canGoOn && void moveTo(current === null ? 0 : current + 1)}
          >
            {current === null ? "Start the first item" : "Next item"}
          </button>
        </div>
      )}
      {items && items.length > 0 && (
        <details className="nhsuk-details rt-agenda__all">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">The whole agenda ({items.length === 1 ? "1 item" : `${items.length} items`})</span>
          </summary>
          <div className="nhsuk-details__text">
            <ol className="nhsuk-list nhsuk-list--number rt-agenda__list">
              {items.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are numbered by place, and two may share words
                <li key={index} aria-current={meeting.status === "in-progress" && index === current ? "step" : undefined}>
                  {item || "(no words yet)"}
                  {meeting.status === "in-progress" && index === current && <strong> (now)</strong>}
                </li>
              ))}
            </ol>
          </div>
        </details>
      )}
    </section>
  );
}
