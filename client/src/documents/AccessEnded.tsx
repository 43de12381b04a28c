/** Said once the server has withdrawn this person's access to the document. */
import { useEffect, useRef } from "react";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import type { DocumentWords } from "./document-words";

export function AccessEnded({ words }: { words: DocumentWords }) {
  // The editor that had focus is gone: put focus on the explanation instead of losing it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="nhsuk-error-summary rt-access-ended" role="alert" aria-labelledby="access-ended-title">
      <h2 className="nhsuk-error-summary__heading" id="access-ended-title" ref={headingRef} tabIndex={-1}>
        {words.accessEndedTitle}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{words.accessEndedBody} The copy on this device has been removed.</p>
        <p>If you think this is a mistake, speak to the keyworker for this case.</p>
        <p>
          <Link href={paths.myCases()}>Go to my cases</Link>
        </p>
      </div>
    </div>
  );
}
