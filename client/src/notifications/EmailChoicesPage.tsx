/**
 * "Email choices": for each kind of notification, whether the person also gets an email
 * straight away, in the daily email, or none. The notification in Roundtable always happens.
 */
import {
  emailChoiceLabels,
  emailChoices,
  notificationKindLabels,
  notificationKinds,
  notificationKindsFor,
  type EmailPreferences,
  type NotificationKind,
} from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { getEmailPreferences, saveEmailPreferences } from "../api/api";
import { useReadFailure, useResource } from "../api/use-resource";
import { ErrorSummary } from "../auth/ErrorSummary";
import { formErrorsFromServer, type FormErrors } from "../auth/form-errors";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { useSession } from "../auth/session-context";
import { FieldError } from "../meetings/FieldError";

const layout = { fields: notificationKinds, fieldId: (kind: NotificationKind) => `email-${kind}` };

export function EmailChoicesPage() {
  const headingRef = usePageHeading("Email choices");
  const loaded = useResource(getEmailPreferences, "email-preferences");
  const readFailure = useReadFailure();
  const session = useSession();
  const offered = session.state.status === "signed-in" ? notificationKindsFor(session.state.me.role) : notificationKinds;
  const [chosen, setChosen] = useState<EmailPreferences | null>(null);
  const [errors, setErrors] = useState<FormErrors<NotificationKind> | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  if (loaded.status === "failed") return <ProblemPage error={loaded.error} retry={loaded.retry} />;
  const current = chosen ?? (loaded.status === "loaded" ? loaded.data : null);

  const choose = (kind: NotificationKind, choice: EmailPreferences[NotificationKind]) => {
    if (!current) return;
    setChosen({ ...current, [kind]: choice });
    setSaved(false);
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!current || busy) return;
    setBusy(true);
    setErrors(null);
    setSaved(false);
    try {
      setChosen(await saveEmailPreferences(current));
      setSaved(true);
    } catch (error) {
      setErrors(formErrorsFromServer(layout, readFailure(error), { fieldFor: (name) => notificationKinds.find((k) => k === name) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {errors && <ErrorSummary errors={errors} />}
        <h1 ref={headingRef} tabIndex={-1}>
          Email choices
        </h1>
        <div role="status">
          {saved && (
            <div className="rt-saved" data-testid="email-choices-saved">
              <p className="rt-saved__text">Your email choices are saved.</p>
            </div>
          )}
        </div>
        <p>
          Roundtable always shows your notifications in <Link href={paths.notifications()}>Notifications</Link>. Choose which ones you also get by
          email. Emails never name a child or say what was written: they say what happened and link to Roundtable.
        </p>
        {!current && <PageLoading label="Getting your email choices…" />}
        {current && (
          <form onSubmit={(event) => void save(event)} noValidate>
            {offered.map((kind) => (
              <KindChoice key={kind} kind={kind} value={current[kind]} error={errors?.fields[kind]} onChange={(choice) => choose(kind, choice)} />
            ))}
            <button type="submit" className="nhsuk-button" aria-disabled={busy}>
              Save email choices
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

function KindChoice({ kind, value, error, onChange }: { kind: NotificationKind; value: string; error?: string; onChange(choice: EmailPreferences[NotificationKind]): void }) {
  const errorId = `email-${kind}-error`;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? errorId : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">When {notificationKindLabels[kind]}</legend>
        <FieldError id={errorId} message={error} />
        <div className="nhsuk-radios nhsuk-radios--inline">
          {emailChoices.map((choice, index) => {
            const id = index === 0 ? `email-${kind}` : `email-${kind}-${choice}`;
            return (
              <div key={choice} className="nhsuk-radios__item">
                <input className="nhsuk-radios__input" id={id} name={`email-${kind}`} type="radio" value={choice} checked={value === choice} onChange={() => onChange(choice)} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                  {emailChoiceLabels[choice]}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
