/**
 * The page a password reset email's link opens: choose a new password, once. Afterwards the
 * person signs in with it (and their two-step code, if they use one). A link that was used,
 * has expired or is not whole says so, with a way to ask for a new one.
 */
import { newPasswordMinLength } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { checkPasswordResetLink, resetPassword, type ApiRequestError } from "../api/api";
import { useLiveResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { Link } from "../navigation/Link";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { ErrorSummary } from "./ErrorSummary";
import { FormField } from "./FormField";
import { checkNewPassword, linkEnded, newPasswordErrorsFromServer, type NewPasswordErrors } from "./password-reset-form";

export function PasswordResetPage({ token }: { token: string }) {
  const { resource, reload } = useLiveResource(() => checkPasswordResetLink(token), `password-reset:${token}`, { endsSession: false });
  // Setting the password can find the link was used meanwhile (in another tab, say).
  const [ended, setEnded] = useState<ApiRequestError | null>(null);
  const problem = ended ?? (resource.status === "failed" ? resource.error : null);
  if (problem) return <LinkProblem error={problem} retry={reload} />;
  if (resource.status !== "loaded") return <PageLoading label="Checking your link…" />;
  return <ChooseNewPassword token={token} onLinkEnded={setEnded} />;
}

function ChooseNewPassword({ token, onLinkEnded }: { token: string; onLinkEnded(error: ApiRequestError): void }) {
  const headingRef = usePageHeading("Choose a new password");
  const [password, setPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [errors, setErrors] = useState<NewPasswordErrors | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const problems = checkNewPassword(password, confirmPassword);
    if (problems) return setErrors(problems);
    setSubmitting(true);
    try {
      await resetPassword(token, password);
      navigate(paths.signIn(undefined, "password-changed"), { replace: true });
    } catch (error) {
      setSubmitting(false);
      if (linkEnded(error)) return onLinkEnded(error);
      setErrors(newPasswordErrorsFromServer(error));
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {errors && <ErrorSummary errors={errors} />}
        <h1 ref={headingRef} tabIndex={-1}>
          Choose a new password
        </h1>
        <p>Choose a password you do not use anywhere else. Once it is set, you will be signed out everywhere and can sign in with it.</p>
        <form onSubmit={handleSubmit} noValidate>
          <FormField
            id="password"
            name="password"
            type="password"
            label="New password"
            hint={`At least ${newPasswordMinLength} characters. A few words you will remember make a good one.`}
            autoComplete="new-password"
            value={password}
            error={errors?.fields.password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <FormField
            id="confirmPassword"
            name="confirmPassword"
            type="password"
            label="Type the new password again"
            autoComplete="new-password"
            value={confirmPassword}
            error={errors?.fields.confirmPassword}
            onChange={(event) => setConfirmPassword(event.target.value)}
          />
          <button type="submit" className="nhsuk-button" aria-disabled={submitting}>
            {submitting ? "Saving…" : "Save my new password"}
          </button>
        </form>
      </div>
    </div>
  );
}

function LinkProblem({ error, retry }: { error: ApiRequestError; retry(): void }) {
  const ended = linkEnded(error);
  const headingRef = usePageHeading(ended ? "This link no longer works" : "Sorry, there is a problem");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          {ended ? "This link no longer works" : "Sorry, there is a problem"}
        </h1>
        <p>{error.message}</p>
        {ended ? (
          <p>
            <Link href={paths.passwordReset()}>Ask for a new link</Link>
          </p>
        ) : (
          <button type="button" className="nhsuk-button" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
