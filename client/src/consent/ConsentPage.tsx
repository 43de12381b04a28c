/**
 * A case's consent: what holds now (register, keyworker, keyworker working with the family, and
 * sharing with each agency), then every decision ever recorded. The people who run the case
 * record new decisions and withdrawals here; sharing consent changes who can open the records
 * the moment it is recorded.
 */
import { isFamilyRole, type CaseDetail, type ConsentRecord } from "@roundtable/domain";
import { useMemo, useRef, useState } from "react";
import { ApiRequestError, getCase, listConsents, recordConsent, withdrawConsent } from "../api/api";
import { useResource } from "../api/use-resource";
import { consentWords } from "../audit/audit-details";
import { ErrorSummary, type FormErrorSummary } from "../auth/ErrorSummary";
import { useMe, useSession } from "../auth/session-context";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { casePermissions } from "../team/case-permissions";
import { firstName, possessive } from "../team/child-name";
import { SuccessBanner, type Success } from "../team/SuccessBanner";
import "../team/records-pages.css";
import { checkConsentForm, consentBody, consentErrorsFromServer, emptyConsentForm, type ConsentForm, type ConsentFormErrors } from "./consent-form";
import { consentRows } from "./consent-rows";
import { parentsSharingEffect } from "./parents-sharing-words";
import { ParentsSharingPanel } from "./ParentsSharingPanel";
import { ConsentHistory } from "./ConsentHistory";
import { CurrentConsentList, withdrawButtonId } from "./CurrentConsentList";
import { RecordConsentForm } from "./RecordConsentForm";
import { WithdrawQuestion } from "./WithdrawQuestion";
import { focusAfterRender } from "../layout/focus-after-render";
import "./consent.css";

export function ConsentPage({ caseId }: { caseId: string }) {
  const details = useResource(() => getCase(caseId), `case:${caseId}`);
  const consents = useResource(() => listConsents(caseId), `consents:${caseId}`);
  const headingRef = usePageHeading(details.status === "loaded" ? `Consent – ${details.data.name}` : "Consent");

  if (details.status === "failed") return <ProblemPage error={details.error} retry={details.retry} />;
  if (consents.status === "failed") return <ProblemPage error={consents.error} retry={consents.retry} />;
  if (details.status === "loading" || consents.status === "loading") {
    return (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          Consent
        </h1>
        <PageLoading label="Loading consent…" />
      </>
    );
  }
  return <Consent details={details.data} initialRecords={consents.data} />;
}

function Consent({ details, initialRecords }: { details: CaseDetail; initialRecords: ConsentRecord[] }) {
  // A heading of its own: the one shown while loading has gone, so focus comes here.
  const headingRef = usePageHeading(`Consent – ${details.name}`);
  const me = useMe();
  const { sessionEnded } = useSession();
  // Newest first, as the server sends them; this page's own decisions go on the front.
  const [records, setRecords] = useState<readonly ConsentRecord[]>(initialRecords);
  const [form, setForm] = useState<ConsentForm>(emptyConsentForm);
  const [formErrors, setFormErrors] = useState<ConsentFormErrors | null>(null);
  const [otherError, setOtherError] = useState<FormErrorSummary | null>(null);
  const [withdrawing, setWithdrawing] = useState<ConsentRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [success, setSuccess] = useState<Success | null>(null);
  const messageCount = useRef(0);

  const child = possessive(firstName(details.name));
  const manage = casePermissions(details.team, me).manage;
  const rows = useMemo(() => consentRows(records, details.team, details.agencies, details.parentsSharing !== null), [records, details.team, details.agencies, details.parentsSharing]);
  const agencyName = (id: string | undefined) => details.agencies.find((a) => a.id === id)?.name ?? null;
  const family = details.team.find((m) => isFamilyRole(m.role) && m.jobTitle);
  // The young person's own decision about their parents is theirs to give (ADR 0026).
  const givenByExample = form.kind === "share-with-parents" ? `${details.name} (themselves)` : family ? `${family.name} (${family.jobTitle})` : "Claire Walker (mum)";

  const succeeded = (heading: string, body?: string) => {
    messageCount.current += 1;
    setFormErrors(null);
    setOtherError(null);
    setSuccess({ id: messageCount.current, heading, body });
  };
  const sessionGone = (error: unknown) => {
    if (!(error instanceof ApiRequestError) || !error.isSessionEnded) return false;
    sessionEnded();
    return true;
  };

  const submit = async () => {
    const problems = checkConsentForm(form);
    if (problems) {
      setSuccess(null);
      setOtherError(null);
      return setFormErrors(problems);
    }
    setBusy(true);
    try {
      const body = consentBody(form);
      const saved = await recordConsent(details.id, body);
      setRecords((current) => [saved, ...current]);
      setForm(emptyConsentForm);
      const agency = agencyName(body.agencyId);
      const effect =
        body.kind === "share-with-agency" && body.decision === "given"
          ? `People from ${agency ?? "this agency"} on the team can now open ${child} records.`
          : body.kind === "share-with-parents"
            ? parentsSharingEffect(details.parentsSharing, body.decision, firstName(details.name))
            : undefined;
      succeeded(`Recorded that consent ${consentWords(body.kind, agency)} was ${body.decision}`, effect);
    } catch (error) {
      if (sessionGone(error)) return;
      setSuccess(null);
      setFormErrors(consentErrorsFromServer(error));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (record: ConsentRecord, note: string) => {
    setBusy(true);
    try {
      const updated = await withdrawConsent(details.id, record.id, note || undefined);
      setRecords((current) => current.map((r) => (r.id === updated.id ? updated : r)));
      setWithdrawing(null);
      const effect = record.kind === "share-with-agency" ? `People from ${record.agency?.name ?? "this agency"} can no longer open ${child} records.` : undefined;
      succeeded(`Recorded that consent ${consentWords(record.kind, record.agency?.name ?? null)} was withdrawn`, effect);
    } catch (error) {
      if (sessionGone(error)) return;
      setWithdrawing(null);
      setSuccess(null);
      setFormErrors(null);
      setOtherError({ summary: [{ message: error instanceof ApiRequestError ? error.message : "Something went wrong. Try again." }] });
    } finally {
      setBusy(false);
    }
  };

  const cancelWithdrawing = () => {
    const id = withdrawing?.id;
    setWithdrawing(null);
    if (id) focusAfterRender(withdrawButtonId(id));
  };

  return (
    <>
      <Breadcrumbs
        trail={[
          homeCrumb,
          { href: paths.case(details.id), label: details.name },
        ]}
      />
      {formErrors && <ErrorSummary errors={formErrors} />}
      {otherError && <ErrorSummary errors={otherError} />}
      {success && <SuccessBanner success={success} />}
      <span className="nhsuk-caption-l">{details.name}</span>
      <h1 ref={headingRef} tabIndex={-1}>
        Consent
      </h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>
            What {firstName(details.name)} and their family have agreed to. Professionals from other agencies can open {child} records only
            while the family has agreed to share information with their agency.
          </p>
        </div>
      </div>
      {details.parentsSharing && <ParentsSharingPanel details={details} youngPerson={me.role === "young-person"} />}
      <h2>What holds now</h2>
      <CurrentConsentList
        rows={rows}
        childPossessive={child}
        onWithdraw={
          manage
            ? (record) => {
                setSuccess(null);
                setOtherError(null);
                setWithdrawing(record);
              }
            : null
        }
      />
      {withdrawing && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <WithdrawQuestion
              key={withdrawing.id}
              record={withdrawing}
              childPossessive={child}
              busy={busy}
              onYes={(note) => void withdraw(withdrawing, note)}
              onCancel={cancelWithdrawing}
            />
          </div>
        </div>
      )}
      <h2>History</h2>
      {records.length === 0 ? <p>No consent has been recorded for {firstName(details.name)} yet.</p> : <ConsentHistory records={records} />}
      {manage && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2 id="record-heading">Record a decision</h2>
            <p>When the family or {firstName(details.name)} give or decline consent, record it here. Earlier decisions are kept.</p>
            <RecordConsentForm
              form={form}
              errors={formErrors?.fields ?? {}}
              agencies={details.agencies}
              givenByExample={givenByExample}
              busy={busy}
              onChange={(changes) => setForm((current) => ({ ...current, ...changes }))}
              onSubmit={() => void submit()}
            />
          </div>
        </div>
      )}
    </>
  );
}

