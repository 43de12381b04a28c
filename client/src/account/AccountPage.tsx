/**
 * "Your account": the settings that are about the person rather than a child — how they are
 * reached, how they need information given, which emails they get, how they sign in. One link in
 * the header leads here, so the header stays one line; each setting shows only to those who may
 * use it (the same rules as its own page).
 */
import { mayUseTwoStep, sharesContactDetails } from "@roundtable/domain";
import { useMe } from "../auth/session-context";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";

interface Setting {
  href: string;
  title: string;
  description: string;
}

export function AccountPage() {
  const me = useMe();
  const headingRef = usePageHeading("Your account");
  const settings: Setting[] = [
    ...(sharesContactDetails(me.role)
      ? [{ href: paths.contactDetails(), title: "Your contact details", description: "The phone number and working hours your teams see." }]
      : []),
    {
      href: paths.communicationNeeds(),
      title: "Communication needs",
      description: "How you need information given to you: easy read, large print, an interpreter, or your language.",
    },
    { href: paths.emailChoices(), title: "Email choices", description: "Which notifications you also get by email, and how often." },
    ...(mayUseTwoStep(me.role)
      ? [{ href: paths.twoStep(), title: "Sign-in security", description: "Two-step sign-in with a code from an app on your phone." }]
      : []),
  ];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          Your account
        </h1>
        <p>Signed in as {me.name}.</p>
        <ul className="nhsuk-list rt-account-settings">
          {settings.map((setting) => (
            <li key={setting.href}>
              <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                <Link href={setting.href}>{setting.title}</Link>
              </h2>
              <p className="nhsuk-u-margin-bottom-4">{setting.description}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
