/**
 * The NHS.UK-style header: the service name, who is signed in, their actions, overdue actions
 * (for those who chase them), and Sign out.
 */
import { mayUseTwoStep, overdueScope, roleLabels } from "@roundtable/domain";
import { useState } from "react";
import { useSession } from "../auth/session-context";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { overdueWords } from "../overdue/overdue-words";

export function Header() {
  const session = useSession();
  const [signOutFailed, setSignOutFailed] = useState(false);
  const me = session.state.status === "signed-in" ? session.state.me : null;
  const overdue = me ? overdueScope(me.role) : null;

  const handleSignOut = () => {
    setSignOutFailed(false);
    session.signOut().catch(() => setSignOutFailed(true));
  };

  return (
    <header className="nhsuk-header rt-header">
      <div className="nhsuk-header__container nhsuk-width-container rt-header__container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo rt-header__home" href={paths.myCases()} aria-label="Roundtable – my cases">
            <span className="nhsuk-header__service-name rt-header__service-name">Roundtable</span>
          </Link>
        </div>
        {me && (
          <nav className="nhsuk-header__account rt-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
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
              {mayUseTwoStep(me.role) && (
                <li className="nhsuk-header__account-item">
                  <Link className="nhsuk-header__account-link" href={paths.twoStep()}>
                    Sign-in security
                  </Link>
                </li>
              )}
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
