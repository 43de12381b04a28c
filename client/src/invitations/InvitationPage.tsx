/**
 * The page an invitation's link opens, signed in or not: who invited them, to which child's team
 * and as what (or to a place on one CETR's panel, and which); then their name and a new password,
 * or signing in with the account they already have (password, and the code from their app when
 * two-step sign-in is on). Accepting signs them in and takes them to the case, or to the CETR.
 */
import { invitationLifetimeDays, type InvitationDescription } from "@roundtable/domain";
import { useEffect, useState, type FormEvent } from "react";
import { acceptInvitation, getInvitation, type ApiRequestError } from "../api/api";
import { useLiveResource } from "../api/use-resource";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FormField } from "../auth/FormField";
import { TwoStepCodeField } from "../auth/TwoStepCodeField";
import { useSession } from "../auth/session-context";
import { PageLoading } from "../layout/PageLoading";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { acceptBody, acceptErrorsFromServer, checkAcceptForm, linkEnded, needsCode, type AcceptForm, type AcceptFormErrors } from "./accept-form";
import { formatUkDate } from "../layout/uk-time";
import { invitationWords } from "./invitation-words";
import "./invitations.css";

export function InvitationPage({ token }: { token: string }) {
  // Anyone with the link may open this page, signed in or not: a refusal is explained here.
  const { resource, reload } = useLiveResource(() => getInvitation(token), `invitation:${token}`, { endsSession: false });
  // Accepting can find the link has ended since it was opened.
  const [ended, setEnded] = useState<ApiRequestError | null>(null);

  const problem = ended ?? (resource.status === "failed" ? resource.error : null);
  if (problem) {
    return (
      <LinkProblem
        error={problem}
        retry={() => {
          setEnded(null);
          reload();
        }}
      />
    );
  }
  if (resource.status !== "loaded") return <PageLoading label="Opening your invitation…" />;
  return <AcceptInvitation token={token} invitation={resource.data} onLinkEnded={setEnded} />;
}

function AcceptInvitation({ token, invitation, onLinkEnded }: { token: string; invitation: InvitationDescription; onLinkEnded(error: ApiRequestError): void }) {
  const session = useSession();
  const words = invitationWords(invitation);
  const headingRef = usePageHeading(words.heading);
  const [form, setForm] = useState<AcceptForm>({ name: invitation.name ?? "", password: "", confirmPassword: "", code: null });
  const [errors, setErrors] = useState<AcceptFormErrors | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const change = (changes: Partial<AcceptForm>) => setForm((current) => ({ ...current, ...changes }));
  const existing = invitation.accountExists;
  const signedInAs = session.state.status === "signed-in" ? session.state.me : null;
  const askedForCode = form.code !== null;
  useEffect(() => {
    if (askedForCode) document.getElementById("code")?.focus();
  }, [askedForCode]);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const problems = checkAcceptForm(form, existing);
    if (problems) return setErrors(problems);
    setSubmitting(true);
    try {
      const accepted = await acceptInvitation(token, acceptBody(form, existing));
      session.signedIn(accepted.me);
      navigate(accepted.cetrId ? paths.cetr(accepted.cetrId) : paths.case(accepted.caseId), { replace: true });
    } catch (error) {
      setSubmitting(false);
      if (linkEnded(error)) return onLinkEnded(error as ApiRequestError);
      if (needsCode(error) && form.code === null) {
        // First time asked: show the code box and move to it, without an error.
        setErrors(null);
        return change({ code: "" });
      }
      setErrors(acceptErrorsFromServer(error));
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {errors && <ErrorSummary errors={errors} />}
        <span className="nhsuk-caption-l">Invitation</span>
        <h1 ref={headingRef} tabIndex={-1}>
          {words.heading}
        </h1>
        <p className="nhsuk-lede-text">{words.lede}</p>
        <p>{words.about}</p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Your email address</dt>
            <dd className="nhsuk-summary-list__value rt-invitation__email">{invitation.email}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{words.as.key}</dt>
            <dd className="nhsuk-summary-list__value">{words.as.value}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Invited by</dt>
            <dd className="nhsuk-summary-list__value">{invitation.invitedBy}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Link works until</dt>
            <dd className="nhsuk-summary-list__value">{formatUkDate(invitation.expiresAt)}</dd>
          </div>
        </dl>
        {signedInAs && signedInAs.email.toLowerCase() !== invitation.email && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              You are signed in as {signedInAs.name}. Accepting this invitation signs you out, and signs you in as {invitation.email}.
            </p>
          </div>
        )}
        <h2>{existing ? "Sign in to accept" : "Set up your account"}</h2>
        <p>
          {existing
            ? `You already have a Roundtable account with this email address. Enter its password to ${words.accepting}.`
            : "Tell us your name and choose a password. You will use your email address and this password to sign in."}
        </p>
        <form onSubmit={handleSubmit} noValidate data-testid="accept-invitation-form">
          {/* For password managers: the account the password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          {!existing && (
            <FormField
              id="name"
              name="name"
              label="Your name"
              hint={words.nameHint}
              autoComplete="name"
              inputClassName="nhsuk-u-width-two-thirds"
              value={form.name}
              error={errors?.fields.name}
              onChange={(event) => change({ name: event.target.value })}
            />
          )}
          <FormField
            id="password"
            name="password"
            type="password"
            label={existing ? "Your password" : "Choose a password"}
            hint={existing ? undefined : "At least 12 characters. Three or more words you will remember, like a short sentence, work well."}
            autoComplete={existing ? "current-password" : "new-password"}
            inputClassName="nhsuk-u-width-two-thirds"
            value={form.password}
            error={errors?.fields.password}
            onChange={(event) => change({ password: event.target.value })}
          />
          {form.code !== null && <TwoStepCodeField value={form.code} error={errors?.fields.code} onChange={(code) => change({ code })} />}
          {!existing && (
            <FormField
              id="confirmPassword"
              name="confirmPassword"
              type="password"
              label="Enter the password again"
              autoComplete="new-password"
              inputClassName="nhsuk-u-width-two-thirds"
              value={form.confirmPassword}
              error={errors?.fields.confirmPassword}
              onChange={(event) => change({ confirmPassword: event.target.value })}
            />
          )}
          <button type="submit" className="nhsuk-button" aria-disabled={submitting || undefined}>
            {submitting ? "Joining…" : existing ? words.acceptButton.existing : words.acceptButton.fresh}
          </button>
        </form>
        {existing && <p>If you have forgotten your password, ask {invitation.invitedBy} to help.</p>}
        <p className="nhsuk-body-s">If you were not expecting this invitation, you do not need to do anything. Close this page.</p>
      </div>
    </div>
  );
}

function LinkProblem({ error, retry }: { error: ApiRequestError; retry(): void }) {
  // 409: the CETR a panel place was for has finished, so the place has ended (the message says so).
  const placeEnded = error.status === 409;
  const title =
    error.status === 404
      ? "This invitation link is not valid"
      : error.status === 410
        ? "This invitation link no longer works"
        : placeEnded
          ? "This place on the panel has ended"
          : error.status === 0
          ? "You seem to be offline"
          : "Sorry, there is a problem";
  const headingRef = usePageHeading(title);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {error.status === 404 ? (
          <>
            <p>Check that you used the whole link from the email. Some email programs split long links over two lines.</p>
            <p>If it still does not work, ask the person who invited you to send a new invitation.</p>
          </>
        ) : (
          <p>{error.message}</p>
        )}
        {error.status === 410 && <p>Invitations work once, for {invitationLifetimeDays} days. Each one can only be used by the person it was sent to.</p>}
        {!linkEnded(error) && !placeEnded && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
