/** For addresses the app does not know. */
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";

export function NotFoundPage() {
  const headingRef = usePageHeading("Page not found");
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Page not found
      </h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>
        <Link href={paths.myCases()}>Go to my cases</Link>
      </p>
    </>
  );
}
