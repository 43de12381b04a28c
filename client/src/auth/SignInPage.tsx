/** Sign in with email and password. On success, back to the page the person was trying to reach. */
import { useEffect, useState, type FormEvent } from "react";
import { signIn } from "../api/api";
import { navigate, useLocation } from "../navigation/history";
import { Link } from "../navigation/Link";
import { paths, safeReturnPath } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { ErrorSummary } from "./ErrorSummary";
import { EmailAddressField } from "./EmailAddressField";
import { FormField } from "./FormField";
import { TwoStepCodeField } from "./TwoStepCodeField";
import { useSession } from "./session-context";
import { checkSignInForm, errorsFromServer, needsCode, type SignInErrors } from "./sign-in-errors";

export function SignInPage() {
  const { search } = useLocation();
  const session = useSession();
  const headingRef = usePageHeading("Sign in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // Null until the server says this account uses two-step sign-in.
  const [code, setCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<SignInErrors | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const returnTo = safeReturnPath(search.get("returnTo"));
  const askedForCode = code !== null;
  useEffect(() => {
    if (askedForCode) document.getElementById("code")?.focus();
  }, [askedForCode]);
  const reason = search.get("reason");
  const notice =
    reason === "session-ended" ? "Your session has ended. Sign in again." : reason === "password-changed" ? "Your password has been changed. Sign in with your new password." : null;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const problems = checkSignInForm(email, password, code);
    if (problems) {
      setErrors(problems);
      return;
    }
    setSubmitting(true);
    try {
      const me = await signIn({ email: email.trim().toLowerCase(), password, ...(code === null ? {} : { code: code.replace(/\s/g, "") }) });
      session.signedIn(me);
      navigate(returnTo, { replace: true });
    } catch (error) {
      if (needsCode(error) && code === null) {
        // First time asked: show the code box and move to it, without an error.
        setErrors(null);
        setCode("");
      } else {
        setErrors(errorsFromServer(error));
      }
      setSubmitting(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {errors && <ErrorSummary errors={errors} />}
        {notice && !errors && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{notice}</p>
          </div>
        )}
        <h1 ref={headingRef} tabIndex={-1}>
          Sign in to Roundtable
        </h1>
        <form onSubmit={handleSubmit} noValidate>
          <EmailAddressField value={email} error={errors?.fields.email} onChange={setEmail} />
          <FormField
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            value={password}
            error={errors?.fields.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          {code !== null && <TwoStepCodeField value={code} error={errors?.fields.code} onChange={setCode} />}
          <button type="submit" className="nhsuk-button" aria-disabled={submitting}>
            {submitting ? "Signing in…" : "Sign in"}
          </button>
        </form>
        <p>
          <Link href={paths.passwordReset()}>Forgot your password?</Link>
        </p>
      </div>
    </div>
  );
}
