/** "Give to someone else": a button that opens a choice of the child's team in its place, for an action a meeting carried. */
import { useState } from "react";
import { memberLabel } from "../actions/action-owner";
import { useCaseTeam } from "../actions/case-team-context";
import { InlineRowForm } from "../actions/InlineRowForm";
import { useInlineForm } from "../actions/use-inline-form";

interface GiveToSomeoneElseProps {
  actionId: string;
  actionText: string;
  ownerId: string | null;
  onSave(ownerId: string): void;
}

export function GiveToSomeoneElse({ actionId, actionText, ownerId, onSave }: GiveToSomeoneElseProps) {
  const { open, setOpen, fieldRef, buttonRef } = useInlineForm<HTMLSelectElement>();
  const [error, setError] = useState<string | null>(null);
  const caseTeam = useCaseTeam();
  const fieldId = `new-owner-${actionId}`;
  const close = () => {
    setError(null);
    setOpen(false);
  };

  if (!open) {
    return (
      <button ref={buttonRef} type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button" onClick={() => setOpen(true)}>
        Give to someone else<span className="nhsuk-u-visually-hidden">: {actionText}</span>
      </button>
    );
  }
  const team = caseTeam.status === "loaded" ? caseTeam.team.filter((m) => m.personId !== ownerId) : [];
  return (
    <InlineRowForm
      fieldId={fieldId}
      label={
        <>
          Who will do it now?<span className="nhsuk-u-visually-hidden"> {actionText}</span>
        </>
      }
      error={error}
      submitLabel={
        <>
          Save<span className="nhsuk-u-visually-hidden"> who will do it</span>
        </>
      }
      onSubmit={() => {
        const chosen = fieldRef.current?.value ?? "";
        if (chosen === "") return setError("Choose someone on the team");
        close();
        onSave(chosen);
      }}
      onCancel={close}
    >
      {({ describedBy, invalid }) => (
        <select ref={fieldRef} id={fieldId} className={`nhsuk-select${invalid ? " nhsuk-select--error" : ""}`} aria-describedby={describedBy} defaultValue="">
          <option value="">{caseTeam.status === "loading" ? "Loading the team…" : "Choose someone"}</option>
          {team.map((m) => (
            <option key={m.personId} value={m.personId}>
              {memberLabel(m)}
            </option>
          ))}
        </select>
      )}
    </InlineRowForm>
  );
}
