/**
 * The second thought before recording that consent was withdrawn. For sharing consent it says
 * plainly that the agency loses access at once; a note can say how the family said so.
 */
import type { ConsentRecord } from "@roundtable/domain";
import { useState } from "react";
import { SecondThought } from "../layout/SecondThought";
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
  const [note, setNote] = useState("");
  const what = consentLabel(record);
  const noteId = `withdraw-note-${record.id}`;
  return (
    <SecondThought
      testId="withdraw-question"
      question="Record that consent was withdrawn?"
      yes="Yes, record that it was withdrawn"
      working="Recording…"
      busy={busy}
      onYes={() => onYes(note.trim())}
      onCancel={onCancel}
    >
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
    </SecondThought>
  );
}
