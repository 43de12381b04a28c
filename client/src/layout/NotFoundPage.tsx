/** For addresses the app does not know. */
import { useMe } from "../auth/session-context";
import { homeWords } from "../cases/case-words";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";

export function NotFoundPage() {
  const headingRef = usePageHeading("Page not found");
  const words = homeWords(useMe().role);
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Page not found
      </h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        <Link href={paths.myCases()}>{words.homeLink}</Link>
      </p>
    </>
  );
}
