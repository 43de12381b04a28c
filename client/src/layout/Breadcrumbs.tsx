/**
 * NHS.UK breadcrumbs: the trail on wide screens, and a single "back" link to the last step on
 * phones (the design system shows one or the other by screen width).
 */
import { Link } from "../navigation/Link";

export interface Crumb {
  href: string;
  label: string;
}

export function Breadcrumbs({ trail }: { trail: readonly [Crumb, ...Crumb[]] }) {
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
