/**
 * The chair's lifecycle buttons: start the meeting, end it, agree the minutes. Ending and
 * agreeing keep a copy of the minutes, so each asks once before it happens.
 */
import type { Meeting, MeetingCommand, MeetingStatus } from "@roundtable/domain";
import { useEffect, useRef, useState } from "react";
import { ApiRequestError, commandMeeting } from "../api/api";

interface Step {
  command: MeetingCommand;
  button: string;
  explain: string;
  /** Asked before it happens; null for a step that needs no second thought. */
  confirm: { text: string; yes: string } | null;
  /** The main thing to do now; ending is not, while the agenda is still being worked through. */
  primary: boolean;
  done: string;
}

const steps: Record<MeetingStatus, Step | null> = {
  scheduled: {
    command: "start",
    button: "Start the meeting",
    explain: "When everyone is here, start the meeting. Everyone with this page open sees it start.",
    confirm: null,
    primary: true,
    done: "The meeting has started.",
  },
  "in-progress": {
    command: "end",
    button: "End the meeting",
    explain: "When the last agenda item is done, end the meeting.",
    confirm: {
      text: "Ending freezes these minutes as a version. You can still correct the minutes until you agree them.",
      yes: "Yes, end the meeting",
    },
    primary: false,
    done: "The meeting has ended. Check the minutes, then agree them.",
  },
  ended: {
    command: "agree-minutes",
    button: "Agree the minutes",
    explain: "When everyone has checked the minutes, agree them.",
    confirm: {
      text: "Agreeing keeps these minutes as the agreed version, and closes comments and written contributions.",
      yes: "Yes, agree the minutes",
    },
    primary: true,
    done: "The minutes are agreed.",
  },
  "minutes-agreed": null,
};

export function MeetingControls({ meeting, onChanged }: { meeting: Meeting; onChanged(meeting: Meeting): void }) {
  const step = steps[meeting.status];
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const yesRef = useRef<HTMLButtonElement>(null);
  const stepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);

  const run = async (command: MeetingCommand, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const changed = await commandMeeting(meeting.id, command);
      setConfirming(false);
      setAnnouncement(done);
      onChanged(changed);
      // The next step's button takes the place of the one pressed (or of the question).
      requestAnimationFrame(() => stepRef.current?.focus());
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setConfirming(false);
    setError(null);
    requestAnimationFrame(() => stepRef.current?.focus());
  };

  return (
    <section className="rt-meeting-controls rt-no-print" aria-labelledby="meeting-controls-heading" data-testid="meeting-controls">
      <h2 className="nhsuk-heading-s" id="meeting-controls-heading">
        You are chairing this meeting
      </h2>
      <p className="nhsuk-u-visually-hidden" role="status">
        {announcement}
      </p>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      {!step && <p>The minutes are agreed. There is nothing more to do.</p>}
      {step && !confirming && (
        <>
          <p>{step.explain}</p>
          <button
            ref={stepRef}
            type="button"
            className={`nhsuk-button${step.primary ? "" : " nhsuk-button--secondary"}`}
            aria-disabled={busy || undefined}
            onClick={() => (step.confirm ? setConfirming(true) : void run(step.command, step.done))}
          >
            {busy ? "Please wait…" : step.button}
          </button>
        </>
      )}
      {step?.confirm && confirming && (
        <div className="rt-meeting-controls__confirm">
          <p id="meeting-confirm-text">
            <strong>{step.confirm.text}</strong>
          </p>
          <div className="nhsuk-button-group">
            <button
              ref={yesRef}
              type="button"
              className="nhsuk-button"
              aria-describedby="meeting-confirm-text"
              aria-disabled={busy || undefined}
              onClick={() => void run(step.command, step.done)}
            >
              {busy ? "Please wait…" : step.confirm.yes}
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
