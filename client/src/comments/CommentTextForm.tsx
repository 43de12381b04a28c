/**
 * A comment or reply being written: a labelled box, what to press, and the server's message
 * beside the box when it says no (the words typed stay). Escape or Cancel puts it away.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { ApiRequestError } from "../api/api";

interface CommentTextFormProps {
  id: string;
  label: string;
  /** Just under the label: the passage the comment is about. */
  about?: ReactNode;
  submitLabel: string;
  sendingLabel: string;
  rows?: number;
  /** Moves focus to the box again when it changes (a new passage chosen for the same comment). */
  focusKey?: number;
  send(text: string): Promise<void>;
  onCancel(): void;
}

function messageFor(failure: unknown): string {
  if (!(failure instanceof ApiRequestError)) return "Something went wrong. Try again.";
  // The server names the field; `body` is the box, anything else is said as a whole.
  return failure.details.body ?? Object.values(failure.details)[0] ?? failure.message;
}

export function CommentTextForm({ id, label, about, submitLabel, sendingLabel, rows = 4, focusKey, send, onCancel }: CommentTextFormProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const errorId = `${id}-error`;
  const aboutId = `${id}-about`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the box when the form opens and when it is asked to again
  useEffect(() => {
    boxRef.current?.focus();
  }, [focusKey]);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      await send(text);
    } catch (failure) {
      setError(messageFor(failure));
      setSending(false);
      boxRef.current?.focus();
      return;
    }
    // On success the form is put away by whoever opened it.
    setSending(false);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Escape") return;
    // Escape here means "not now", not "leave the editor" or close anything further out.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  const describedBy = [about ? aboutId : null, error ? errorId : null].filter(Boolean).join(" ");

  return (
    <form className="rt-comment-form" onSubmit={handleSubmit} onKeyDown={handleKeyDown} noValidate>
      <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
          {label}
        </label>
        {about && (
          <div className="rt-comment-form__about" id={aboutId}>
            {about}
          </div>
        )}
        {error && (
          <p className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </p>
        )}
        <textarea
          ref={boxRef}
          className={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
          id={id}
          name="body"
          rows={rows}
          value={text}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="rt-comment-form__buttons">
        <button type="submit" className="nhsuk-button nhsuk-button--small" aria-disabled={sending || undefined}>
          {sending ? sendingLabel : submitLabel}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
