/** A page that could not load: says why in plain English and offers a way on. */
import type { ApiRequestError } from "../api/api";
import { useSession } from "../auth/session-context";
import { homeWords } from "../cases/case-words";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { whoToAsk } from "./page-words";

function titleFor(error: ApiRequestError): string {
  if (error.status === 403) return "You do not have access to this";
  if (error.status === 404) return "We could not find this";
  if (error.status === 0) return "You seem to be offline";
  return "Sorry, there is a problem";
}

export function ProblemPage({ error, retry }: { error: ApiRequestError; retry?: () => void }) {
  const title = titleFor(error);
  const headingRef = usePageHeading(title);
  const session = useSession();
  const role = session.state.status === "signed-in" ? session.state.me.role : null;
  const canRetry = retry && error.status !== 403 && error.status !== 404;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <p>{error.message}</p>
        {error.status === 403 && role && <p>{whoToAsk(role)}</p>}
        {canRetry && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={retry}>
            Try again
          </button>
        )}
        <p>
          <Link href={paths.myCases()}>{role ? homeWords(role).homeLink : "Go to the start"}</Link>
        </p>
      </div>
    </div>
  );
}
