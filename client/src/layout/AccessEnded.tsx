/**
 * Said once the server has withdrawn this person's access to what the page shows: a document
 * (its collab connection closed with 4403, or socket.io took the page out of its room), a case
 * or a meeting. One message for all of them, in the words of what was withdrawn.
 */
import { useMe } from "../auth/session-context";
import { homeWords } from "../cases/case-words";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { FocusedAlert } from "./FocusedAlert";
import { whoToAsk } from "./page-words";

export interface AccessEndedProps {
  /** "You no longer have access to this care plan" */
  title: string;
  /** Why, in a sentence: "Someone has changed who can see this plan, so …" */
  body: string;
  /** A document's copy on this device is removed once access goes (ADR 0010): say so. */
  deviceCopyRemoved?: boolean;
}

export function AccessEnded({ title, body, deviceCopyRemoved = false }: AccessEndedProps) {
  const { role } = useMe();
  return (
    <FocusedAlert id="access-ended-title" title={title}>
      <p>
        {body}
        {deviceCopyRemoved && " The copy on this device has been removed."}
      </p>
      <p>{whoToAsk(role)}</p>
      <p>
        <Link href={paths.myCases()}>{homeWords(role).homeLink}</Link>
      </p>
    </FocusedAlert>
  );
}
