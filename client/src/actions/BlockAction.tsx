/**
 * "Mark as blocked": a button that opens a box asking what is holding the action up, in the row.
 * The reason is what the chair and the keyworker need to unblock it, so it is required.
 */
import { blockedReasonMaxLength } from "@roundtable/domain";
import { ReasonButton } from "./ReasonButton";

interface BlockActionProps {
  actionId: string;
  actionText: string;
  onSave(reason: string): void;
}

export function blockButtonId(actionId: string): string {
  return `block-${actionId}`;
}

export function BlockAction({ actionId, actionText, onSave }: BlockActionProps) {
  return (
    <ReasonButton
      id={blockButtonId(actionId)}
      fieldId={`blocked-reason-${actionId}`}
      actionText={actionText}
      buttonLabel="Mark as blocked"
      question="What is holding it up?"
      hint="For example, waiting for a reply from the school"
      missing="Say what is holding it up"
      maxLength={blockedReasonMaxLength}
      saveWhat="what is holding it up"
      onSave={onSave}
    />
  );
}
