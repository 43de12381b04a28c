/**
 * "Refer a child" to the Dynamic Support Register: who, why now, the risk, and whether the family
 * agreed to the child being on the register. Someone in the keyworking service first says whose
 * referral it is: their own, or the family's own that they are recording. Once sent, the page
 * says what happens next and links to the referrer's own list.
 */
import { referralSourcesFor, type Referral, type ReferralSource, type RegisterConsentAnswer } from "@roundtable/domain";
import { useRef, useState, type FormEvent } from "react";
import { makeReferral } from "../api/referral-api";
import { useReadFailure } from "../api/use-resource";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FormField } from "../auth/FormField";
import { RadioField } from "../auth/RadioField";
import { useMe } from "../auth/session-context";
import { TextAreaField } from "../auth/TextAreaField";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { ukToday } from "../layout/uk-time";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { checkReferForm, emptyReferForm, referBody, referErrorsFromServer, referFieldId, type ReferForm, type ReferFormErrors } from "./refer-form";
import { registerConsentChoices } from "./referral-words";
import "./register.css";

const sourceChoices: { value: ReferralSource; label: string; hint: string }[] = [
  { value: "professional", label: "A professional's referral", hint: "You, or a colleague in the keyworking service, are referring the child." },
  { value: "self", label: "The family's own referral", hint: "The family or young person asked for help themselves, and you are writing it down for them." },
];

/** Only for people who may refer (mayUseReferPage): the app shows everyone else NotForYouPage. */
export function ReferPage() {
  const me = useMe();
  const choosesSource = referralSourcesFor(me.role).length > 1;
  const headingRef = usePageHeading("Refer a child to the register");
  const [form, setForm] = useState<ReferForm>(() => emptyReferForm(choosesSource));
  const [errors, setErrors] = useState<ReferFormErrors | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Referral | null>(null);
  const sentRef = useRef<HTMLHeadingElement>(null);
  const readFailure = useReadFailure();
  const change = (changes: Partial<ReferForm>) => setForm((current) => ({ ...current, ...changes }));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const problems = checkReferForm(form, ukToday());
    if (problems) return setErrors(problems);
    setSending(true);
    try {
      const referral = await makeReferral(referBody(form));
      setErrors(null);
      setSent(referral);
      setForm(emptyReferForm(choosesSource));
      requestAnimationFrame(() => sentRef.current?.focus());
    } catch (error) {
      if (readFailure(error).isSessionEnded) return;
      setErrors(referErrorsFromServer(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <Breadcrumbs trail={[homeCrumb]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {errors && <ErrorSummary errors={errors} />}
          <h1 ref={headingRef} tabIndex={-1}>
            Refer a child to the register
          </h1>
          {sent ? (
            <div className="nhsuk-card rt-referral-sent" data-testid="referral-sent">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading" ref={sentRef} tabIndex={-1}>
                  Referral sent for {sent.childName}
                </h2>
                <p>
                  A senior keyworker or the service lead will look at it. You will get a notification when they have, and you can read the outcome in{" "}
                  <Link href={paths.myReferrals()}>your referrals</Link>.
                </p>
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setSent(null)}>
                  Refer another child
                </button>
              </div>
            </div>
          ) : (
            <>
              <p>
                The Dynamic Support Register is for children and young people with a learning disability, autism or both who are at risk of being admitted to a
                mental health hospital. Tell us who the child is, why you are referring now and what the risk is.
              </p>
              <form onSubmit={handleSubmit} noValidate data-testid="refer-form">
                {choosesSource && (
                  <RadioField
                    id={referFieldId("source")}
                    legend="Whose referral is this?"
                    choices={sourceChoices}
                    value={form.source}
                    error={errors?.fields.source}
                    onChange={(source) => change({ source })}
                  />
                )}
                <FormField
                  id={referFieldId("childName")}
                  label="Child's full name"
                  autoComplete="off"
                  spellCheck={false}
                  value={form.childName}
                  error={errors?.fields.childName}
                  onChange={(event) => change({ childName: event.target.value })}
                />
                <FormField
                  id={referFieldId("dateOfBirth")}
                  type="date"
                  label="Date of birth (optional)"
                  hint="Leave it blank if you do not know it."
                  inputClassName="rt-referral__date"
                  value={form.dateOfBirth}
                  error={errors?.fields.dateOfBirth}
                  onChange={(event) => change({ dateOfBirth: event.target.value })}
                />
                <TextAreaField
                  id={referFieldId("whyNow")}
                  label="Why are you referring now?"
                  hint="What has changed, and what support is in place."
                  rows={5}
                  value={form.whyNow}
                  error={errors?.fields.whyNow}
                  onChange={(event) => change({ whyNow: event.target.value })}
                />
                <TextAreaField
                  id={referFieldId("risk")}
                  label="What is the risk?"
                  hint="What has happened, and how close the child is to being admitted to hospital."
                  rows={5}
                  value={form.risk}
                  error={errors?.fields.risk}
                  onChange={(event) => change({ risk: event.target.value })}
                />
                <RadioField<RegisterConsentAnswer>
                  id={referFieldId("registerConsent")}
                  legend="Has the family agreed to the child being on the register?"
                  hint="From 16, the young person decides for themselves."
                  choices={registerConsentChoices}
                  value={form.registerConsent}
                  error={errors?.fields.registerConsent}
                  onChange={(registerConsent) => change({ registerConsent })}
                />
                <button type="submit" className="nhsuk-button" aria-disabled={sending || undefined}>
                  {sending ? "Sending…" : "Send the referral"}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    </>
  );
}
