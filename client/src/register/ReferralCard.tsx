/**
 * One referral in the triage queue: who the child is, who referred them, when, why now, the
 * risk and the family's answer about the register; then "Accept onto the register" or "Do not
 * accept", each opening its form in place. Only one card's form is open at a time (the page's).
 */
import type { KeyworkerChoice, RagLevel, Referral } from "@roundtable/domain";
import { formatUkDate } from "../layout/uk-time";
import { AcceptReferralForm } from "./AcceptReferralForm";
import { DeclineReferralForm } from "./DeclineReferralForm";
import { dateOfBirthWords, referredByWords, registerConsentWords } from "./referral-words";
import type { AcceptForm, AcceptFormErrors, DeclineFormErrors } from "./triage-form";

export type OpenDecision =
  | { mode: "accept"; form: AcceptForm; errors: AcceptFormErrors | null }
  | { mode: "decline"; reason: string; errors: DeclineFormErrors | null };

interface ReferralCardProps {
  referral: Referral;
  today: string;
  levels: readonly RagLevel[];
  keyworkers: readonly KeyworkerChoice[];
  /** The decision being made on this card, if any. */
  open: OpenDecision | null;
  busy: boolean;
  onOpen(mode: "accept" | "decline"): void;
  onChange(open: OpenDecision): void;
  onSubmit(): void;
  onCancel(): void;
}

export function ReferralCard({ referral, today, levels, keyworkers, open, busy, onOpen, onChange, onSubmit, onCancel }: ReferralCardProps) {
  const headingId = `referral-${referral.id}`;
  const facts: [string, string][] = [
    ["Date of birth", dateOfBirthWords(referral.dateOfBirth, today)],
    ["Referred by", referredByWords(referral)],
    ["Referred on", formatUkDate(referral.createdAt)],
    ["Why now", referral.whyNow],
    ["Risk", referral.risk],
    ["Consent to be on the register", registerConsentWords(referral.registerConsent)],
  ];
  return (
    <section className="nhsuk-card rt-triage__card" aria-labelledby={headingId} data-testid="referral-card">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id={headingId}>
          {referral.childName}
        </h2>
        <dl className="nhsuk-summary-list rt-triage__facts">
          {facts.map(([key, value]) => (
            <div key={key} className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">{key}</dt>
              <dd className="nhsuk-summary-list__value rt-triage__text">{value}</dd>
            </div>
          ))}
        </dl>
        {open === null && (
          <div className="rt-triage__buttons">
            <button type="button" className="nhsuk-button" onClick={() => onOpen("accept")}>
              Accept onto the register<span className="nhsuk-u-visually-hidden">: {referral.childName}</span>
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onOpen("decline")}>
              Do not accept<span className="nhsuk-u-visually-hidden">: {referral.childName}</span>
            </button>
          </div>
        )}
        {open?.mode === "accept" && (
          <AcceptReferralForm
            childName={referral.childName}
            levels={levels}
            keyworkers={keyworkers}
            form={open.form}
            errors={open.errors}
            busy={busy}
            onChange={(changes) => onChange({ ...open, form: { ...open.form, ...changes } })}
            onSubmit={onSubmit}
            onCancel={onCancel}
          />
        )}
        {open?.mode === "decline" && (
          <DeclineReferralForm
            childName={referral.childName}
            referrerName={referral.referredBy?.name ?? null}
            reason={open.reason}
            errors={open.errors}
            busy={busy}
            onChange={(reason) => onChange({ ...open, reason })}
            onSubmit={onSubmit}
            onCancel={onCancel}
          />
        )}
      </div>
    </section>
  );
}
