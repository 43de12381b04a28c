/**
 * The second thought before someone is taken off a child's team: they lose access at once,
 * even to a record they have open, so the question says so and waits for a yes.
 */
import type { TeamMember } from "@roundtable/domain";
import { useEffect, useRef } from "react";
import { removalQuestion } from "./team-words";

export function RemoveMemberQuestion({
  member,
  childFirstName,
  isMe,
  busy,
  onYes,
  onCancel,
}: {
  member: TeamMember;
  childFirstName: string;
  isMe: boolean;
  busy: boolean;
  onYes(): void;
  onCancel(): void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "center" });
  }, []);
  const { question, effect } = removalQuestion(member, childFirstName, isMe);
  return (
    <div className="nhsuk-card nhsuk-card--warning rt-question" data-testid="remove-question">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" ref={headingRef} tabIndex={-1}>
          {question}
        </h2>
        <p>{effect}</p>
        {!isMe && <p>You can invite them back later if they need it again.</p>}
        <div className="rt-question__buttons">
          <button type="button" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy || undefined} onClick={() => !busy && onYes()}>
            {busy ? "Removing…" : isMe ? "Yes, remove me" : `Yes, remove ${member.name}`}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
