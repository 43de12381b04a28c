/**
 * The one page shown when someone opens a page that is not for them (by address, a bookmark or
 * an old link): it says so in plain words, aimed at them, and links home. Nothing is asked of
 * the server, so nothing is refused.
 */
import { useMe } from "../auth/session-context";
import { homeWords } from "../cases/case-words";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { notForYouReason, whoToAsk, type GatedPage } from "./page-words";

export const notForYouTitle = "This page is not for you";

export function NotForYouPage({ page }: { page: GatedPage }) {
  const me = useMe();
  const headingRef = usePageHeading(notForYouTitle);
  return (
    <div className="nhsuk-grid-row" data-testid="not-for-you">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          {notForYouTitle}
        </h1>
        <p>{notForYouReason(page, me.role)}</p>
        <p>{whoToAsk(me.role)}</p>
        <p>
          <Link href={paths.myCases()}>{homeWords(me.role).homeLink}</Link>
        </p>
      </div>
    </div>
  );
}
