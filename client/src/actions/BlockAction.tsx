/**
 * "Mark as blocked": a button that opens a box asking what is holding the action up, in the row.
 * The reason is what the chair and the keyworker need to unblock it, so it is required.
 */
import { blockedReasonMaxLength } from "@roundtable/domain";
import { useState } from "react";
import { InlineRowForm } from "./InlineRowForm";
import { useInlineForm } from "./use-inline-form";

interface BlockActionProps {
  actionId: string;
  actionText: string;
  onSave(reason: string): void;
}

export function blockButtonId(actionId: string): string {
  return `block-${actionId}`;
}

export function BlockAction({ actionId, actionText, onSave }: BlockActionProps) {
  const { open, setOpen, fieldRef, buttonRef } = useInlineForm<HTMLTextAreaElement>();
  const [error, setError] = useState<string | null>(null);
  const fieldId = `blocked-reason-${actionId}`;

  const close = () => {
    setError(null);
    setOpen(false);
  };

  const handleSubmit = () => {
    const reason = (fieldRef.current?.value ?? "").trim();
    if (reason === "") return setError("Say what is holding it up");
    if (reason.length > blockedReasonMaxLength) return setError(`Keep it under ${blockedReasonMaxLength} characters`);
    close();
    onSave(reason);
  };

  if (!open) {
    return (
      <button
        ref={buttonRef}
        id={blockButtonId(actionId)}
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button"
        onClick={() => setOpen(true)}
      >
        Mark as blocked<span className="nhsuk-u-visually-hidden">: {actionText}</span>
      </button>
    );
  }

  return (
    <InlineRowForm
      fieldId={fieldId}
      label={
        <>
          What is holding it up?<span className="nhsuk-u-visually-hidden"> {actionText}</span>
        </>
      }
      hint="For example, waiting for a reply from the school"
      error={error}
      submitLabel={
        <>
          Save<span className="nhsuk-u-visually-hidden"> what is holding it up</span>
        </>
      }
      onSubmit={handleSubmit}
      onCancel={close}
    >
      {({ describedBy, invalid }) => (
        <textarea
          ref={fieldRef}
          className={`nhsuk-textarea rt-action-row__reason${invalid ? " nhsuk-textarea--error" : ""}`}
          id={fieldId}
          rows={2}
          aria-describedby={describedBy}
        />
      )}
    </InlineRowForm>
  );
}
