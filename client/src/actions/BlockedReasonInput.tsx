/**
 * What is holding a blocked action up, on its card in the document. Shared when the person
 * moves on or presses Enter, not at every keystroke, so others see whole words.
 */
import { blockedReasonMaxLength } from "@roundtable/domain";
import { useState } from "react";

export function BlockedReasonInput({ id, reason, onChange }: { id: string; reason: string | null; onChange(reason: string | null): void }) {
  // What is being typed, until the person leaves the box; otherwise the shared value shows.
  const [draft, setDraft] = useState<string | null>(null);

  const share = () => {
    if (draft === null) return;
    const next = draft.trim() === "" ? null : draft.trim();
    if (next !== reason) onChange(next);
    setDraft(null);
  };

  return (
    <input
      className="nhsuk-input rt-action__reason"
      id={id}
      type="text"
      maxLength={blockedReasonMaxLength}
      value={draft ?? reason ?? ""}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={share}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          share();
        }
      }}
    />
  );
}
