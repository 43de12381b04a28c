/**
 * "My referrals": the referrals the signed-in person made (or, for a family's own referral,
 * wrote down), newest first, each with its outcome in words — the reason when a child was not
 * accepted. The referral-decided notification links here.
 */
import { listReferrals } from "../api/referral-api";
import { useResource } from "../api/use-resource";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { formatUkDate } from "../layout/uk-time";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { outcomeOf } from "./referral-words";
import "./register.css";

export function MyReferralsPage() {
  const headingRef = usePageHeading("My referrals");
  const referrals = useResource(() => listReferrals({ mine: "true" }), "my-referrals");

  if (referrals.status === "failed") return <ProblemPage error={referrals.error} retry={referrals.retry} />;

  return (
    <>
      <Breadcrumbs trail={[homeCrumb]} />
      <h1 ref={headingRef} tabIndex={-1}>
        My referrals
      </h1>
      <p>
        <Link className="nhsuk-button nhsuk-button--secondary rt-referrals__refer" href={paths.refer()}>
          Refer a child
        </Link>
      </p>
      {referrals.status === "loading" && <PageLoading label="Loading your referrals…" />}
      {referrals.status === "loaded" && referrals.data.length === 0 && <p>You have not referred any children to the register yet.</p>}
      {referrals.status === "loaded" && referrals.data.length > 0 && (
        <ResponsiveTable caption="Children you referred, newest first" hideCaption headings={["Child", "Referred on", "Outcome"]}>
          {referrals.data.map((referral) => {
            const outcome = outcomeOf(referral);
            return (
              <tr key={referral.id} className="nhsuk-table__row" role="row" data-testid="my-referral">
                <Cell heading="Child" rowHeader>
                  {referral.childName}
                  {referral.source === "self" && <span className="rt-referrals__note nhsuk-body-s">The family's own referral</span>}
                </Cell>
                <Cell heading="Referred on">{formatUkDate(referral.createdAt)}</Cell>
                <Cell heading="Outcome">
                  <span className="rt-referrals__outcome">
                    <strong className={`nhsuk-tag ${outcome.tagClass}`}>{outcome.tag}</strong>
                    {outcome.detail && <span>{outcome.detail}</span>}
                    {referral.status === "accepted" && referral.caseId && <Link href={paths.case(referral.caseId)}>Go to {referral.childName}'s page</Link>}
                  </span>
                </Cell>
              </tr>
            );
          })}
        </ResponsiveTable>
      )}
    </>
  );
}
