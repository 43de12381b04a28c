/**
 * "Relationships on network maps", on the service lead's Agencies page: the relationships every
 * map offers, and the service's own, offered after them in the order shown here. The service lead
 * adds one, renames one, moves one up or down, or removes one; each change is saved at once and
 * said to a screen reader, and the focus stays where the person was working. Taking a word off the
 * list leaves the maps that use it as they are: a map keeps a relationship's words as text.
 */
import { defaultRelationshipLabels, relationshipLabelLimits, type ServiceRelationshipLabel, type ServiceRelationshipLabels } from "@roundtable/domain";
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  addRelationshipLabel,
  listRelationshipLabels,
  moveRelationshipLabel,
  removeRelationshipLabel,
  renameRelationshipLabel,
} from "../api/relationship-label-api";
import { useLiveResource, useReadFailure } from "../api/use-resource";
import { FieldShell } from "../auth/FieldShell";
import { PageLoading } from "../layout/PageLoading";
import { focusAfterRemoving, type LabelFocus } from "./relationship-label-focus";
import "./relationship-labels.css";

const headingId = "relationship-labels-heading";
const addId = "relationship-label-new";

export function RelationshipLabelsSection() {
  const { resource, change, refresh } = useLiveResource(listRelationshipLabels, "relationship-labels");
  const readFailure = useReadFailure();
  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<LabelFocus | null>(null);

  // After a change has been drawn, the focus goes where the person would look next.
  useEffect(() => {
    if (!focus) return;
    document.getElementById(focus.kind === "add" ? addId : `relationship-label-${focus.id}-${focus.kind}`)?.focus();
    setFocus(null);
  }, [focus]);

  /** Sends one change; answers the server's refusal for the field that caused it, or null. */
  const save = async (send: () => Promise<ServiceRelationshipLabels>, said: string, then: LabelFocus | null): Promise<string | null> => {
    if (busy) return "Wait a moment: the last change is still being saved.";
    setBusy(true);
    setProblem(null);
    try {
      const updated = await send();
      change(() => updated);
      setAnnouncement(said);
      setFocus(then);
      return null;
    } catch (failure) {
      const read = readFailure(failure);
      // The list may have changed meanwhile (another service lead): show it as it is now.
      refresh();
      return read.details.label ?? read.message;
    } finally {
      setBusy(false);
    }
  };

  const sayProblem = async (attempt: Promise<string | null>) => setProblem(await attempt);

  return (
    <section className="rt-relationship-labels" aria-labelledby={headingId} data-testid="relationship-labels">
      <h2 id={headingId}>Relationships on network maps</h2>
      <p>
        When someone connects two people on a child's network map, they say how the two are related. Every map offers these:{" "}
        {defaultRelationshipLabels.join(", ")}. Add the service's own here: maps offer them next, in this order. Anyone can still write
        words of their own.
      </p>
      <p className="nhsuk-body-s">Renaming or removing one here leaves the maps that already use it as they are.</p>
      <p className="nhsuk-u-visually-hidden" role="status">
        {announcement}
      </p>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      )}
      {resource.status === "loading" && <PageLoading label="Loading the service's relationships…" />}
      {resource.status === "failed" && (
        <div className="nhsuk-error-message" role="alert">
          <p>{resource.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={resource.retry}>
            Try again
          </button>
        </div>
      )}
      {resource.status === "loaded" && (
        <>
          <h3 className="nhsuk-heading-s">The service's own</h3>
          {resource.data.own.length === 0 ? (
            <p>None yet: maps offer only the four above.</p>
          ) : (
            <ol className="rt-relationship-labels__list">
              {resource.data.own.map((label, at, own) => (
                <OwnLabel
                  key={label.id}
                  label={label}
                  at={at}
                  count={own.length}
                  busy={busy}
                  onRename={(to) => save(() => renameRelationshipLabel(label.id, to), `Renamed “${label.label}” to “${to}”.`, null)}
                  onMove={(by) =>
                    void sayProblem(
                      save(() => moveRelationshipLabel(label.id, at + by), `Moved “${label.label}” to place ${at + by + 1} of ${own.length}.`, {
                        kind: by < 0 ? "up" : "down",
                        id: label.id,
                      }),
                    )
                  }
                  onRemove={() =>
                    void sayProblem(save(() => removeRelationshipLabel(label.id), `Removed “${label.label}”. Maps that use it keep it.`, focusAfterRemoving(own, at)))
                  }
                />
              ))}
            </ol>
          )}
          <AddLabel full={resource.data.own.length >= relationshipLabelLimits.maxLabels} onAdd={(label) => save(() => addRelationshipLabel(label), `Added “${label}”.`, { kind: "add" })} />
        </>
      )}
    </section>
  );
}

interface OwnLabelProps {
  label: ServiceRelationshipLabel;
  at: number;
  count: number;
  busy: boolean;
  onRename(label: string): Promise<string | null>;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function OwnLabel({ label, at, count, busy, onRename, onMove, onRemove }: OwnLabelProps) {
  const [renaming, setRenaming] = useState(false);
  const idOf = (what: string) => `relationship-label-${label.id}-${what}`;
  const first = at === 0;
  const last = at === count - 1;
  const stopRenaming = () => {
    setRenaming(false);
    // The button is drawn again once the form has gone.
    requestAnimationFrame(() => document.getElementById(idOf("rename"))?.focus());
  };
  return (
    <li className="rt-relationship-labels__item" data-testid="relationship-label">
      {renaming ? (
        <RenameLabel
          id={idOf("name")}
          current={label.label}
          onRename={async (to) => {
            const problem = await onRename(to);
            if (!problem) stopRenaming();
            return problem;
          }}
          onCancel={stopRenaming}
        />
      ) : (
        <>
          <span className="rt-relationship-labels__word">{label.label}</span>
          <span className="rt-relationship-labels__actions">
            <button id={idOf("rename")} type="button" className="rt-link-button" onClick={() => setRenaming(true)}>
              Rename<span className="nhsuk-u-visually-hidden"> “{label.label}”</span>
            </button>
            <button id={idOf("up")} type="button" className="rt-link-button" aria-disabled={first || busy || undefined} onClick={() => !first && !busy && onMove(-1)}>
              Move up<span className="nhsuk-u-visually-hidden"> “{label.label}”{first ? ", it is first" : ""}</span>
            </button>
            <button id={idOf("down")} type="button" className="rt-link-button" aria-disabled={last || busy || undefined} onClick={() => !last && !busy && onMove(1)}>
              Move down<span className="nhsuk-u-visually-hidden"> “{label.label}”{last ? ", it is last" : ""}</span>
            </button>
            <button id={idOf("remove")} type="button" className="rt-link-button" aria-disabled={busy || undefined} onClick={() => !busy && onRemove()}>
              Remove<span className="nhsuk-u-visually-hidden"> “{label.label}”</span>
            </button>
          </span>
        </>
      )}
    </li>
  );
}

/** One word's box and its button: the rename form and the add form are the same but for their words. */
function LabelForm({ id, label, hint, initial, submit, cancel, onSubmit, onCancel }: {
  id: string;
  label: string;
  hint?: string;
  initial: string;
  submit: string;
  cancel?: string;
  onSubmit(label: string): Promise<string | null>;
  onCancel?(): void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const words = value.trim();
    const problem = words ? await onSubmit(words) : "Write the relationship in words, for example supervises";
    setError(problem);
    if (problem) input.current?.focus();
    else if (!onCancel) setValue("");
  };
  return (
    <form
      className="rt-relationship-labels__form"
      onSubmit={(event) => void send(event)}
      noValidate
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !onCancel) return;
        event.preventDefault();
        onCancel();
      }}
    >
      <FieldShell id={id} label={label} hint={hint} error={error ?? undefined}>
        {({ describedBy }) => (
          <input
            ref={input}
            className={`nhsuk-input rt-relationship-labels__input${error ? " nhsuk-input--error" : ""}`}
            id={id}
            value={value}
            maxLength={relationshipLabelLimits.maxLength}
            autoComplete="off"
            aria-describedby={describedBy}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </FieldShell>
      <div className="rt-relationship-labels__buttons">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
          {submit}
        </button>
        {onCancel && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onCancel}>
            {cancel}
          </button>
        )}
      </div>
    </form>
  );
}

function RenameLabel({ id, current, onRename, onCancel }: { id: string; current: string; onRename(label: string): Promise<string | null>; onCancel(): void }) {
  useEffect(() => document.getElementById(id)?.focus(), [id]);
  return <LabelForm id={id} label={`New words for “${current}”`} initial={current} submit="Save" cancel="Cancel" onSubmit={onRename} onCancel={onCancel} />;
}

function AddLabel({ full, onAdd }: { full: boolean; onAdd(label: string): Promise<string | null> }) {
  if (full) return <p>The service has {relationshipLabelLimits.maxLabels} of its own, which is as many as it can have. Remove one to add another.</p>;
  return (
    <LabelForm
      id={addId}
      label="Add a relationship"
      hint={`A word or a few, at most ${relationshipLabelLimits.maxLength} characters: for example supervises, or advocate for`}
      initial=""
      submit="Add"
      onSubmit={onAdd}
    />
  );
}
