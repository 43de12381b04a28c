/**
 * The second thought before someone is taken off a child's team: they lose access at once,
 * even to a record they have open, so the question says so and waits for a yes.
 */
import type { TeamMember } from "@roundtable/domain";
import { SecondThought } from "../layout/SecondThought";
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
  const { question, effect } = removalQuestion(member, childFirstName, isMe);
  return (
    <SecondThought
      testId="remove-question"
      question={question}
      yes={isMe ? "Yes, remove me" : `Yes, remove ${member.name}`}
      working="Removing…"
      busy={busy}
      onYes={onYes}
      onCancel={onCancel}
    >
      <p>{effect}</p>
      {!isMe && <p>You can invite them back later if they need it again.</p>}
    </SecondThought>
  );
}
