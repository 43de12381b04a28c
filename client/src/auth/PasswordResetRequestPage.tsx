/**
 * "Forgot your password?": the person gives their email address and is told, whatever it is,
 * that a link has been sent if it has an account — the page never says whether it has.
 */
import { useState, type FormEvent } from "react";
import { requestPasswordReset } from "../api/api";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { ErrorSummary } from "./ErrorSummary";
import { EmailAddressField } from "./EmailAddressField";
import { checkResetRequest, resetRequestErrorsFromServer, type ResetRequestErrors } from "./password-reset-form";

export function PasswordResetRequestPage() {
  const headingRef = usePageHeading("Reset your password");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<ResetRequestErrors | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const problems = checkResetRequest(email);
    if (problems) return setErrors(problems);
    setSubmitting(true);
    try {
      setSent((await requestPasswordReset(email.trim().toLowerCase())).message);
      setErrors(null);
    } catch (error) {
      setErrors(resetRequestErrorsFromServer(error));
    }
    setSubmitting(false);
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {errors && <ErrorSummary errors={errors} />}
        <h1 ref={headingRef} tabIndex={-1}>
          Reset your password
        </h1>
        {sent ? (
          <>
            <div className="nhsuk-inset-text" role="status">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{sent}</p>
            </div>
            <p>If nothing arrives in a few minutes, check the address and ask again, or ask your service's administrator for help.</p>
            <p>
              <Link href={paths.signIn()}>Back to sign in</Link>
            </p>
          </>
        ) : (
          <>
            <p>Enter the email address you sign in with. If it has a Roundtable account, we will email you a link to choose a new password.</p>
            <form onSubmit={handleSubmit} noValidate>
              <EmailAddressField value={email} error={errors?.fields.email} onChange={setEmail} />
              <button type="submit" className="nhsuk-button" aria-disabled={submitting}>
                {submitting ? "Sending…" : "Send me a link"}
              </button>
            </form>
            <p>
              <Link href={paths.signIn()}>Back to sign in</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
