/**
 * "Escalate" on an overdue action: a button that asks the server who would be told (or why it
 * cannot be escalated now), then opens a small form in its place — the note, who will be told,
 * Send. Afterwards it says "Escalated on … by …", and offers "Escalate to the next level" while
 * the action stays overdue. Focus goes to the form when it opens and back to the button when it
 * closes; Escape closes it. Used on the Overdue page and the ICB lead's dashboard.
 */
import { escalatingRoles, escalationNoteMaxLength, type Action, type EscalationWritten, type NextEscalation } from "@roundtable/domain";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { escalateAction, listEscalations } from "../api/escalation-api";
import { useReadFailure } from "../api/use-resource";
import { useMe } from "../auth/session-context";
import { escalatedLine, escalateButtonWords, escalatesToNextLevel, levelWords, namesInWords, toldLine } from "./escalation-words";
import { InlineRowForm } from "./InlineRowForm";
import "./escalate-action.css";

export interface EscalateActionProps {
  action: Action;
  /** Called once an escalation has been written, e.g. to load the list again. */
  onEscalated?: () => void;
}

type Stage =
  | { kind: "closed" }
  | { kind: "checking" }
  | { kind: "form"; next: Extract<NextEscalation, { ok: true }> }
  | { kind: "refused"; reason: string };

export function escalateButtonId(actionId: string): string {
  return `escalate-${actionId}`;
}

export function EscalateAction({ action, onEscalated }: EscalateActionProps) {
  const me = useMe();
  const readFailure = useReadFailure();
  const [stage, setStage] = useState<Stage>({ kind: "closed" });
  const [written, setWritten] = useState<EscalationWritten | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const refusedRef = useRef<HTMLParagraphElement>(null);
  const wasOpen = useRef(false);

  // The keyboard follows the form: into it when it opens, back to the button when it closes.
  useEffect(() => {
    if (stage.kind === "form") noteRef.current?.focus();
    else if (stage.kind === "refused") refusedRef.current?.focus();
    else if (stage.kind === "closed" && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = stage.kind === "form" || stage.kind === "refused";
  }, [stage.kind]);

  const mayEscalate = escalatingRoles.includes(me.role);
  const last = written ? { level: written.level, at: written.at, byName: written.by?.name ?? null } : action.lastEscalation;
  // The list may not have loaded again yet: the one just written counts too.
  const count = Math.max(action.escalations, written && written.at !== action.lastEscalation?.at ? action.escalations + 1 : 0);
  const nextLevel = written !== null || escalatesToNextLevel(action);
  const fieldId = `escalation-note-${action.id}`;
  const forWhat = action.text || "an action with no words yet";

  const close = () => {
    setNoteError(null);
    setStage({ kind: "closed" });
  };

  const check = async () => {
    setProblem(null);
    setStage({ kind: "checking" });
    try {
      const { next } = await listEscalations(action.id);
      setStage(next.ok ? { kind: "form", next } : { kind: "refused", reason: next.reason });
    } catch (error) {
      setProblem(`We could not check who to tell. ${readFailure(error).message}`);
      setStage({ kind: "closed" });
    }
  };

  const send = async () => {
    if (sending) return;
    const note = (noteRef.current?.value ?? "").trim();
    if (note === "") return setNoteError("Say what you need to happen");
    if (note.length > escalationNoteMaxLength) return setNoteError(`Keep the note under ${escalationNoteMaxLength} characters`);
    setNoteError(null);
    setSending(true);
    try {
      const result = await escalateAction(action.id, note);
      setWritten(result);
      setStage({ kind: "closed" });
      onEscalated?.();
    } catch (error) {
      const failure = readFailure(error);
      setNoteError(failure.details.note ?? failure.message);
    } finally {
      setSending(false);
    }
  };

  const closeOnEscape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && (stage.kind === "form" || stage.kind === "refused")) {
      event.stopPropagation();
      close();
    }
  };

  if (!last && !(mayEscalate && action.overdue)) return null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere in the form closes it, as Cancel does
    <div className="rt-escalate" data-testid="escalate-action" onKeyDown={closeOnEscape}>
      <div role="status" className="rt-escalate__record">
        {last && <p className="nhsuk-body-s rt-escalate__line">{escalatedLine(last, count)}.</p>}
        {written && (
          <>
            <p className="nhsuk-body-s rt-escalate__line">{toldLine(written.told)}</p>
            {written.notes.map((note) => (
              <p key={note} className="nhsuk-body-s rt-escalate__line rt-escalate__gap">
                {note}
              </p>
            ))}
          </>
        )}
      </div>
      {problem && (
        <p className="nhsuk-error-message rt-escalate__line" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      )}
      {mayEscalate && action.overdue && (stage.kind === "closed" || stage.kind === "checking") && (
        <div className="rt-action-row__buttons">
          <button
            ref={buttonRef}
            id={escalateButtonId(action.id)}
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button"
            aria-disabled={stage.kind === "checking"}
            onClick={() => stage.kind === "closed" && void check()}
          >
            {stage.kind === "checking" ? "Checking who to tell…" : escalateButtonWords(nextLevel)}
            <span className="nhsuk-u-visually-hidden">: {forWhat}</span>
          </button>
        </div>
      )}
      {stage.kind === "refused" && (
        <div className="rt-escalate__refused">
          <p ref={refusedRef} tabIndex={-1} className="rt-escalate__line">
            {stage.reason}
          </p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button" onClick={close}>
            Close<span className="nhsuk-u-visually-hidden"> and go back to the action</span>
          </button>
        </div>
      )}
      {stage.kind === "form" && (
        <InlineRowForm
          fieldId={fieldId}
          label={
            <>
              What do you need to happen?<span className="nhsuk-u-visually-hidden"> Escalating: {forWhat}</span>
            </>
          }
          hint="What has been tried, and what is needed by when."
          error={noteError}
          note={
            <div className="rt-escalate__told">
              <p className="nhsuk-body-s rt-escalate__line">{levelWords(stage.next.level)}</p>
              <p className="nhsuk-body-s rt-escalate__line">
                <strong>Who will be told:</strong> {namesInWords(stage.next.told.map((t) => t.name))}
              </p>
              <p className="nhsuk-body-s rt-escalate__line">They read your note in Roundtable. Their email says only that an action was escalated.</p>
              {stage.next.notes.map((note) => (
                <p key={note} className="nhsuk-body-s rt-escalate__line rt-escalate__gap">
                  {note}
                </p>
              ))}
            </div>
          }
          submitLabel={
            <>
              {sending ? "Sending…" : "Send"}
              <span className="nhsuk-u-visually-hidden"> escalation</span>
            </>
          }
          onSubmit={() => void send()}
          onCancel={close}
        >
          {({ describedBy, invalid }) => (
            <textarea
              ref={noteRef}
              className={`nhsuk-textarea rt-escalate__note${invalid ? " nhsuk-textarea--error" : ""}`}
              id={fieldId}
              rows={3}
              aria-describedby={describedBy}
            />
          )}
        </InlineRowForm>
      )}
    </div>
  );
}
