/**
 * "Who has looked at Jamie's records", for the child's family: every time someone opened,
 * changed, printed or downloaded one of the records the family can see, grouped by day, newest
 * first. Written to be read on a phone.
 */
import type { AccessReportEntry, CaseDetail } from "@roundtable/domain";
import { getAccessReport, getCase } from "../api/api";
import { useResource } from "../api/use-resource";
import { useMe } from "../auth/session-context";
import { NotForYouPage } from "../layout/NotForYouPage";
import { casePermissions } from "../team/case-permissions";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { firstName, possessive } from "../team/child-name";
import { accessVerb, whoTheyAre } from "./access-words";
import { groupByDay } from "./group-by-day";
import { formatUkClock } from "../layout/uk-time";
import "../team/records-pages.css";
import "./audit.css";

/** The case first: only the family (mayReadAccessReport) are shown the report, or ask for it. */
export function AccessReportPage({ caseId }: { caseId: string }) {
  const details = useResource(() => getCase(caseId), `case:${caseId}`);
  const me = useMe();
  if (details.status === "failed") return <ProblemPage error={details.error} retry={details.retry} />;
  if (details.status === "loading") return <LoadingAccessReport />;
  if (!casePermissions(details.data.team, me).readAccessReport) return <NotForYouPage page="access-report" />;
  return <AccessReportEntries details={details.data} />;
}

function LoadingAccessReport() {
  const headingRef = usePageHeading("Who has looked at the records");
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Who has looked at the records
      </h1>
      <PageLoading label="Loading the list…" />
    </>
  );
}

function AccessReportEntries({ details }: { details: CaseDetail }) {
  const report = useResource(() => getAccessReport(details.id), `access-report:${details.id}`);
  if (report.status === "failed") return <ProblemPage error={report.error} retry={report.retry} />;
  if (report.status === "loading") return <LoadingAccessReport />;
  return <AccessReport details={details} entries={report.data} />;
}

function AccessReport({ details, entries }: { details: CaseDetail; entries: readonly AccessReportEntry[] }) {
  const child = firstName(details.name);
  const title = `Who has looked at ${possessive(child)} records`;
  // A heading of its own: the one shown while loading has gone, so focus comes here.
  const headingRef = usePageHeading(title);
  const days = groupByDay(entries);
  return (
    <>
      <Breadcrumbs
        trail={[
          homeCrumb,
          { href: paths.case(details.id), label: details.name },
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
          <p className="nhsuk-lede-text">
            Every time someone opens, changes, prints or downloads one of {possessive(child)} records, it is written down here. You can ask your
            keyworker about anything you do not recognise.
          </p>
          {details.keyworker && (
            <p>
              {possessive(child)} keyworker is {details.keyworker.name}.
            </p>
          )}
          {days.length === 0 && <p>Nobody has opened {possessive(child)} records yet.</p>}
          {days.map((day) => (
            <section key={day.key} className="rt-access-day" aria-labelledby={`day-${day.key}`}>
              <h2 className="nhsuk-heading-s rt-access-day__heading" id={`day-${day.key}`}>
                {day.heading}
              </h2>
              <ul className="nhsuk-list rt-access-list">
                {day.entries.map((entry, index) => (
                  // Entries have no id of their own; their order within the day is stable.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <li key={index} className="rt-access-list__item">
                    <span className="rt-access-list__time">{formatUkClock(entry.at)}</span>
                    <span className="rt-access-list__what">
                      <strong>{entry.person.name}</strong> {accessVerb(entry.action)} <strong>{entry.record}</strong>
                      {whoTheyAre(entry.person) && <span className="rt-access-list__who">{whoTheyAre(entry.person)}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
