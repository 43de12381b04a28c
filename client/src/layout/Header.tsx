/**
 * The NHS.UK-style header: the service name, who is signed in, their actions, overdue actions
 * (for those who chase them), CETR actions (for those who chase them), the register (for those
 * who hold it), the referral pages (for those who refer or triage), the agencies' escalation
 * contacts and the service report (for the service lead), and Sign out.
 */
import { overdueScope, roleLabels } from "@roundtable/domain";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useSession } from "../auth/session-context";
import { homeWords } from "../cases/case-words";
import { useLocation } from "../navigation/history";
import { Link } from "../navigation/Link";
import { workLinks } from "../navigation/work-links";
import { paths } from "../navigation/routes";
import { NotificationsLink } from "../notifications/NotificationsLink";
import { overdueWords } from "../overdue/overdue-words";

export function Header() {
  const session = useSession();
  const [signOutFailed, setSignOutFailed] = useState(false);
  const me = session.state.status === "signed-in" ? session.state.me : null;
  const overdue = me ? overdueScope(me.role) : null;
  // On a phone the account links fold behind "Menu", so the header is one line; the unread
  // count stays outside, always in sight.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Going somewhere folds the menu away again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address changes
  useEffect(() => setMenuOpen(false), [pathname]);

  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape" || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  const handleSignOut = () => {
    setSignOutFailed(false);
    session.signOut().catch(() => setSignOutFailed(true));
  };

  return (
    <header className="nhsuk-header rt-header">
      <div className="nhsuk-header__container nhsuk-width-container rt-header__container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo rt-header__home" href={paths.myCases()} aria-label={me ? homeWords(me.role).logoLabel : "Roundtable – sign in"}>
            <span className="nhsuk-header__service-name rt-header__service-name">Roundtable</span>
          </Link>
        </div>
        {me && (
          <nav className="nhsuk-header__account rt-header__account" aria-label="Account" onKeyDown={closeOnEscape}>
            <div className="rt-header__always">
              <NotificationsLink />
              <button
                ref={menuButton}
                type="button"
                className="rt-header__menu-button"
                aria-expanded={menuOpen}
                aria-controls="account-menu"
                onClick={() => setMenuOpen((open) => !open)}
              >
                Menu
              </button>
            </div>
            <ul className="nhsuk-header__account-list rt-header__menu" id="account-menu" data-open={menuOpen}>
              <li className="nhsuk-header__account-item rt-header__person">
                <span className="nhsuk-u-visually-hidden">Signed in as </span>
                <span className="rt-header__name">{me.name}</span>
                <span className="rt-header__role">{roleLabels[me.role]}</span>
              </li>
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" href={paths.myActions()} data-testid="my-actions-link">
                  My actions
                </Link>
              </li>
              {overdue && (
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" href={paths.overdue()} data-testid="overdue-link">
                    {overdueWords(overdue).menuLink}
                  </Link>
                </li>
              )}
              {workLinks(me.role).map((link) => (
                <li key={link.href} className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" href={link.href} data-testid={link.testId}>
                    {link.label}
                  </Link>
                </li>
              ))}
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" href={paths.account()}>
                  Your account
                </Link>
              </li>
              <li className="nhsuk-header__account-item">
                <button type="button" className="nhsuk-header__account-button" onClick={handleSignOut}>
                  Sign out
                </button>
              </li>
            </ul>
            {signOutFailed && (
              <p className="rt-header__problem" role="alert">
                We could not sign you out. Check your connection and try again.
              </p>
            )}
          </nav>
        )}
      </div>
    </header>
  );
}
