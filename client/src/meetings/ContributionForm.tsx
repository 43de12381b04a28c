/**
 * "Add your comments before the meeting": anyone who can see the meeting can write here, and
 * someone who cannot come sends their written contribution the same way.
 */
import type { Meeting } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { ApiRequestError } from "../api/api";

export const contributionTextId = "contribution-text";
const errorId = `${contributionTextId}-error`;
const aboutId = "contribution-case";

interface ContributionFormProps {
  meeting: Meeting;
  send(text: string, caseId?: string): Promise<void>;
}

export function ContributionForm({ meeting, send }: ContributionFormProps) {
  // Someone who sees only some children's sections (ADR 0017) writes about one of those children.
  const perChild = meeting.minutesDocumentId === null && meeting.caseMinutes.length > 0;
  const [text, setText] = useState("");
  const [caseId, setCaseId] = useState(perChild ? (meeting.cases[0]?.id ?? "") : "");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState("");
  const before = meeting.status === "scheduled";

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    if (text.trim().length === 0) return setError("Write your comments first");
    setSending(true);
    setError(null);
    setSent("");
    try {
      await send(text.trim(), caseId || undefined);
      setText("");
      setSent("Sent. Your comments are in the list above.");
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? (failure.details.text ?? failure.message) : "Something went wrong. Try again.");
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="rt-contribution-form rt-no-print" onSubmit={handleSubmit} noValidate>
      {meeting.cases.length > 1 && (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={aboutId}>
            Which case is this about?
          </label>
          <select className="nhsuk-select" id={aboutId} value={caseId} onChange={(event) => setCaseId(event.target.value)}>
            {!perChild && <option value="">The whole meeting</option>}
            {meeting.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={contributionTextId}>
          {before ? "Add your comments before the meeting" : "Add a comment or written contribution"}
        </label>
        <div className="nhsuk-hint" id={`${contributionTextId}-hint`}>
          {perChild && meeting.cases.length === 1
            ? `Your comments are about ${meeting.cases[0]!.name}: everyone who can see that section of the meeting can read them, and the chair has them in front of them at the meeting.`
            : "Everyone who can see this meeting can read what you send, and the chair has it in front of them at the meeting."}
        </div>
        {error && (
          <p className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </p>
        )}
        <textarea
          className={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
          id={contributionTextId}
          rows={4}
          value={text}
          aria-describedby={[`${contributionTextId}-hint`, error ? errorId : null].filter(Boolean).join(" ")}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" aria-disabled={sending || undefined}>
        {sending ? "Sending…" : "Send"}
      </button>
      <p className="nhsuk-u-visually-hidden" role="status">
        {sent}
      </p>
    </form>
  );
}
