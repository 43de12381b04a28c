/**
 * "Referrals to look at", the triage queue: the service's waiting referrals, oldest first, each
 * accepted onto the register (a first rating, a keyworker if one is free) or not (with the reason
 * the referrer reads), then the ones looked at most recently. For senior keyworkers and the
 * service lead only (mayUseTriageQueue): the app shows everyone else NotForYouPage.
 */
import type { Referral } from "@roundtable/domain";
import { useEffect, useRef, useState } from "react";
import { decideReferral, getTriageRagLevels, listKeyworkerChoices, listReferrals } from "../api/referral-api";
import { useLiveResource, useReadFailure } from "../api/use-resource";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { formatUkDate, ukToday } from "../layout/uk-time";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { ReferralCard, type OpenDecision } from "./ReferralCard";
import { outcomeOf, referredByWords } from "./referral-words";
import { acceptBody, acceptErrorsFromServer, checkAcceptForm, checkDeclineForm, declineBody, declineErrorsFromServer, emptyAcceptForm } from "./triage-form";
import "./register.css";

/** How many referrals looked at are listed under the queue. */
const recentShown = 10;

async function loadTriage() {
  const [referrals, levels, keyworkers] = await Promise.all([listReferrals(), getTriageRagLevels(), listKeyworkerChoices()]);
  const waiting = referrals.filter((r) => r.status === "waiting").sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const recent = referrals.filter((r) => r.status !== "waiting").slice(0, recentShown);
  return { waiting, recent, levels, keyworkers };
}

type AcceptDecision = Extract<OpenDecision, { mode: "accept" }>;
type DeclineDecision = Extract<OpenDecision, { mode: "decline" }>;

/** The decision with the errors its own kind of form found (or none). */
function withErrors(decision: OpenDecision, accept: (d: AcceptDecision) => AcceptDecision["errors"], decline: (d: DeclineDecision) => DeclineDecision["errors"]): OpenDecision {
  return decision.mode === "accept" ? { ...decision, errors: accept(decision) } : { ...decision, errors: decline(decision) };
}

interface Outcome {
  id: number;
  text: string;
  caseLink?: { href: string; label: string };
}

export function TriagePage() {
  const headingRef = usePageHeading("Referrals to look at");
  const page = useLiveResource(loadTriage, "triage");
  const { resource } = page;
  const [open, setOpen] = useState<{ referralId: string; decision: OpenDecision } | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const readFailure = useReadFailure();
  const today = ukToday();

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to each new outcome
  useEffect(() => outcomeRef.current?.focus(), [outcome?.id]);

  if (resource.status === "failed") return <ProblemPage error={resource.error} retry={resource.retry} />;

  const focusButton = (referralId: string) => requestAnimationFrame(() => document.getElementById(`decide-${referralId}`)?.querySelector("button")?.focus());

  const submit = async (referral: Referral, decision: OpenDecision) => {
    if (busy) return;
    const checked = withErrors(decision, (d) => checkAcceptForm(d.form), (d) => checkDeclineForm(d.reason));
    if (checked.errors) return setOpen({ referralId: referral.id, decision: checked });
    setBusy(true);
    try {
      const decided = await decideReferral(referral.id, decision.mode === "accept" ? acceptBody(decision.form) : declineBody(decision.reason));
      const who = referral.referredBy && referral.referredBy.id !== decided.decided?.by?.id ? ` ${referral.referredBy.name} has been told.` : "";
      setOutcome(
        decided.status === "accepted" && decided.caseId
          ? { id: Date.now(), text: `${referral.childName} was accepted onto the register.${who}`, caseLink: { href: paths.case(decided.caseId), label: `Go to ${referral.childName}'s page` } }
          : { id: Date.now(), text: `${referral.childName} was not accepted.${who}` },
      );
      setOpen(null);
      page.refresh();
    } catch (error) {
      const failure = readFailure(error);
      if (failure.isSessionEnded) return;
      if (failure.status === 409) {
        // Decided meanwhile by someone else: say so above the queue, and show the queue as it is now.
        setOpen(null);
        setOutcome({ id: Date.now(), text: failure.message });
        page.refresh();
        return;
      }
      setOpen({ referralId: referral.id, decision: withErrors(decision, () => acceptErrorsFromServer(error), () => declineErrorsFromServer(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Breadcrumbs trail={[homeCrumb]} />
      <h1 ref={headingRef} tabIndex={-1}>
        Referrals to look at
      </h1>
      {outcome && (
        <div className="nhsuk-inset-text rt-triage__outcome" role="status" tabIndex={-1} ref={outcomeRef} data-testid="triage-outcome">
          <p>{outcome.text}</p>
          {outcome.caseLink && (
            <p>
              <Link href={outcome.caseLink.href}>{outcome.caseLink.label}</Link>
            </p>
          )}
        </div>
      )}
      <p>
        <Link href={paths.refer()}>Refer a child</Link> · <Link href={paths.myReferrals()}>Your own referrals</Link>
      </p>
      {resource.status === "loading" && <PageLoading label="Loading the referrals…" />}
      {resource.status === "loaded" && (
        <>
          <p className="rt-triage__count">
            {resource.data.waiting.length === 0
              ? "No referrals are waiting."
              : resource.data.waiting.length === 1
                ? "1 referral is waiting."
                : `${resource.data.waiting.length} referrals are waiting, oldest first.`}
          </p>
          {resource.data.waiting.map((referral) => (
            <div key={referral.id} id={`decide-${referral.id}`}>
              <ReferralCard
                referral={referral}
                today={today}
                levels={resource.data.levels}
                keyworkers={resource.data.keyworkers}
                open={open?.referralId === referral.id ? open.decision : null}
                busy={busy}
                onOpen={(mode) =>
                  setOpen({ referralId: referral.id, decision: mode === "accept" ? { mode, form: emptyAcceptForm, errors: null } : { mode, reason: "", errors: null } })
                }
                onChange={(decision) => setOpen({ referralId: referral.id, decision })}
                onSubmit={() => open && void submit(referral, open.decision)}
                onCancel={() => {
                  setOpen(null);
                  focusButton(referral.id);
                }}
              />
            </div>
          ))}
          {resource.data.recent.length > 0 && (
            <>
              <h2>Looked at recently</h2>
              <ResponsiveTable caption="Referrals looked at recently, most recent first" hideCaption headings={["Child", "Referred by", "Outcome"]}>
                {resource.data.recent.map((referral) => {
                  const result = outcomeOf(referral);
                  return (
                    <tr key={referral.id} className="nhsuk-table__row" role="row">
                      <Cell heading="Child" rowHeader>
                        {referral.status === "accepted" && referral.caseId ? <Link href={paths.case(referral.caseId)}>{referral.childName}</Link> : referral.childName}
                      </Cell>
                      <Cell heading="Referred by">{referredByWords(referral)}</Cell>
                      <Cell heading="Outcome">
                        <span className="rt-referrals__outcome">
                          <strong className={`nhsuk-tag ${result.tagClass}`}>{result.tag}</strong>
                          <span>
                            {referral.decided?.by ? `By ${referral.decided.by.name}` : "Looked at"}
                            {referral.decided ? ` on ${formatUkDate(referral.decided.at)}` : ""}
                          </span>
                        </span>
                      </Cell>
                    </tr>
                  );
                })}
              </ResponsiveTable>
            </>
          )}
        </>
      )}
    </>
  );
}
