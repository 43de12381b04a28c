/**
 * NHS.UK breadcrumbs: the trail on wide screens, and a single "back" link to the last step on
 * phones (the design system shows one or the other by screen width).
 */
import { useMe } from "../auth/session-context";
import { homeWords } from "../cases/case-words";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";

export interface Crumb {
  href: string;
  label: string;
}

/** The first step of every trail: home, called what the reader calls it ("Your child", "My plan"…). */
export const homeCrumb: Crumb = { href: paths.myCases(), label: "Home" };

export function Breadcrumbs({ trail: given }: { trail: readonly [Crumb, ...Crumb[]] }) {
  const home = homeWords(useMe().role).heading;
  const trail = given.map((crumb) => (crumb === homeCrumb ? { ...crumb, label: home } : crumb));
  const back = trail[trail.length - 1]!;
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {trail.map((crumb) => (
          <li key={crumb.href} className="nhsuk-breadcrumb__list-item">
            <Link className="nhsuk-breadcrumb__link" href={crumb.href}>
              {crumb.label}
            </Link>
          </li>
        ))}
      </ol>
      <Link className="nhsuk-back-link" href={back.href}>
        <span className="nhsuk-u-visually-hidden">Back to </span>
        {back.label}
      </Link>
    </nav>
  );
}
