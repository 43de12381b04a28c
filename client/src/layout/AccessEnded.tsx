/**
 * Said once the server has withdrawn this person's access to what the page shows: a document
 * (its collab connection closed with 4403, or socket.io took the page out of its room), a case
 * or a meeting. One message for all of them, in the words of what was withdrawn.
 */
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { FocusedAlert } from "./FocusedAlert";

export interface AccessEndedProps {
  /** "You no longer have access to this care plan" */
  title: string;
  /** Why, in a sentence: "Someone has changed who can see this plan, so …" */
  body: string;
  /** A document's copy on this device is removed once access goes (ADR 0010): say so. */
  deviceCopyRemoved?: boolean;
}

export function AccessEnded({ title, body, deviceCopyRemoved = false }: AccessEndedProps) {
  return (
    <FocusedAlert id="access-ended-title" title={title}>
      <p>
        {body}
        {deviceCopyRemoved && " The copy on this device has been removed."}
      </p>
      <p>If you think this is a mistake, speak to the keyworker for this case.</p>
      <p>
        <Link href={paths.myCases()}>Go to my cases</Link>
      </p>
    </FocusedAlert>
  );
}
