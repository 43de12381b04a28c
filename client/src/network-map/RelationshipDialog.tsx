/**
 * Changing a relationship's words on the drawn map: a modal dialog (the native one, so the focus
 * stays inside it and Escape closes it) holding the same form as the list. The list stays the
 * first way to do it; this is for someone already working on the drawing.
 */
import { useId, useLayoutEffect, useRef } from "react";
import { RelationshipForm } from "./RelationshipForm";

interface RelationshipDialogProps {
  relationship: { label: string; from: string; to: string };
  /** Answers what to say when the words could not be saved, or null (the dialog then closes). */
  onSave(label: string): string | null;
  onClose(): void;
}

export function RelationshipDialog({ relationship, onSave, onClose }: RelationshipDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useLayoutEffect(() => {
    const shown = dialog.current;
    shown?.showModal();
    return () => shown?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="rt-relationship-dialog"
      aria-labelledby={headingId}
      data-testid="relationship-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={headingId} className="nhsuk-heading-s">
        Change the relationship
      </h2>
      <RelationshipForm
        current={relationship.label}
        from={relationship.from}
        to={relationship.to}
        onSave={(label) => {
          const problem = label === relationship.label ? null : onSave(label);
          if (!problem) onClose();
          return problem;
        }}
        onCancel={onClose}
      />
    </dialog>
  );
}
