/**
 * The case page's "Keyworker and consent": who keyworks the child (and a second keyworker), who
 * covers and until when, and whether the child agreed to a keyworker — in words, since a child
 * may refuse a keyworker of their own yet agree to the keyworker working with the family.
 * "Change allocation" for senior keyworkers and the service lead (mayAllocate).
 */
import { coverWords, keyworkerConsentWords, type CaseAllocation, type KeyworkerChoice } from "@roundtable/domain";
import { useRef, useState } from "react";
import { changeAllocation, listKeyworkerChoices } from "../api/referral-api";
import { useReadFailure } from "../api/use-resource";
import { ukToday } from "../layout/uk-time";
import { allocationBody, allocationErrorsFromServer, allocationFormOf, checkAllocationForm, type AllocationForm, type AllocationFormErrors } from "./allocation-form";
import type { AllocationData } from "./case-page-data";
import { ChangeAllocationForm } from "./ChangeAllocationForm";
import "./allocation.css";

interface KeyworkerSectionProps {
  childFirstName: string;
  allocation: AllocationData;
  headingId: string;
  /** Read the case again (after a change here): the team and the summary above change too. */
  onChanged(): void;
}

export function KeyworkerSection({ childFirstName, allocation, headingId, onChanged }: KeyworkerSectionProps) {
  return (
    <section className="rt-allocation" aria-labelledby={headingId} data-testid="keyworker-section">
      <h2 id={headingId}>Keyworker and consent</h2>
      {allocation.status === "failed" ? (
        <>
          <p>Who keyworks {childFirstName} could not be shown: {allocation.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onChanged}>
            Try loading it again
          </button>
        </>
      ) : (
        <AllocationDetails childFirstName={childFirstName} allocation={allocation.allocation} onChanged={onChanged} />
      )}
    </section>
  );
}

function AllocationDetails({ childFirstName, allocation, onChanged }: { childFirstName: string; allocation: CaseAllocation; onChanged(): void }) {
  const today = ukToday();
  const consent = keyworkerConsentWords(allocation.keyworkerConsent, childFirstName);
  const [form, setForm] = useState<AllocationForm | null>(null);
  const [choices, setChoices] = useState<KeyworkerChoice[] | null>(null);
  const [errors, setErrors] = useState<AllocationFormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const readFailure = useReadFailure();

  const open = async () => {
    setSaved(false);
    setLoadProblem(null);
    try {
      setChoices(choices ?? (await listKeyworkerChoices()));
      setForm(allocationFormOf(allocation));
    } catch (error) {
      const failure = readFailure(error);
      if (!failure.isSessionEnded) setLoadProblem(failure.message);
    }
  };
  const close = () => {
    setForm(null);
    setErrors(null);
    requestAnimationFrame(() => changeButton.current?.focus());
  };
  const submit = async () => {
    if (!form) return;
    const problems = checkAllocationForm(form, today);
    if (problems) return setErrors(problems);
    setBusy(true);
    try {
      await changeAllocation(allocation.caseId, allocationBody(form));
      setForm(null);
      setErrors(null);
      setSaved(true);
      onChanged();
      requestAnimationFrame(() => savedRef.current?.focus());
    } catch (error) {
      if (readFailure(error).isSessionEnded) return;
      setErrors(allocationErrorsFromServer(form, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Keyworker</dt>
          <dd className="nhsuk-summary-list__value">{allocation.keyworker?.name ?? "Not allocated"}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Second keyworker</dt>
          <dd className="nhsuk-summary-list__value">{allocation.secondKeyworker?.name ?? "None"}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Cover</dt>
          <dd className="nhsuk-summary-list__value">
            {allocation.cover.length === 0 ? (
              "No cover recorded"
            ) : (
              <ul className="nhsuk-list rt-allocation__cover-list">
                {allocation.cover.map((c) => (
                  <li key={c.id}>
                    <strong>{c.person.name}</strong>
                    <span className="rt-allocation__meaning nhsuk-body-s">{coverWords(c, today)}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Consent to a keyworker</dt>
          <dd className="nhsuk-summary-list__value">
            <strong>{consent.label}</strong>
            <span className="rt-allocation__meaning nhsuk-body-s">{consent.meaning}</span>
          </dd>
        </div>
      </dl>
      {saved && (
        <p className="rt-allocation__saved" role="status" tabIndex={-1} ref={savedRef}>
          Allocation saved. Anyone allocated who was not on {childFirstName}'s team has been added to it.
        </p>
      )}
      {loadProblem && <p role="alert">The list of keyworkers could not be loaded: {loadProblem}</p>}
      {allocation.mayChange && !form && (
        <button type="button" ref={changeButton} className="nhsuk-button nhsuk-button--secondary" onClick={() => void open()}>
          Change allocation
        </button>
      )}
      {form && choices && (
        <ChangeAllocationForm
          childFirstName={childFirstName}
          choices={choices}
          form={form}
          errors={errors}
          busy={busy}
          onChange={setForm}
          onSubmit={() => void submit()}
          onCancel={close}
        />
      )}
    </>
  );
}
