/**
 * The second thought before recording that consent was withdrawn. For sharing consent it says
 * plainly that the agency loses access at once; a note can say how the family said so.
 */
import type { ConsentRecord } from "@roundtable/domain";
import { useEffect, useRef, useState } from "react";
import { consentLabel } from "./consent-rows";
import { withdrawalEffect } from "./consent-words";

export function WithdrawQuestion({
  record,
  childPossessive,
  busy,
  onYes,
  onCancel,
}: {
  record: ConsentRecord;
  childPossessive: string;
  busy: boolean;
  onYes(note: string): void;
  onCancel(): void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState("");
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "center" });
  }, []);
  const what = consentLabel(record);
  const noteId = `withdraw-note-${record.id}`;
  return (
    <div className="nhsuk-card nhsuk-card--warning rt-question" data-testid="withdraw-question">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" ref={headingRef} tabIndex={-1}>
          Record that consent was withdrawn?
        </h2>
        <p>
          Consent: {what.charAt(0).toLowerCase()}
          {what.slice(1)}.
        </p>
        <p>{withdrawalEffect(record, childPossessive)}</p>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={noteId}>
            Note (optional)
          </label>
          <div className="nhsuk-hint" id={`${noteId}-hint`}>
            For example, who withdrew it and how they told you. Keep details of care out of it: the service's administrator reads it too.
          </div>
          <textarea className="nhsuk-textarea" id={noteId} rows={2} value={note} aria-describedby={`${noteId}-hint`} onChange={(event) => setNote(event.target.value)} />
        </div>
        <div className="rt-question__buttons">
          <button type="button" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy || undefined} onClick={() => !busy && onYes(note.trim())}>
            {busy ? "Recording…" : "Yes, record that it was withdrawn"}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
