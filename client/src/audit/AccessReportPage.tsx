/**
 * "Who has looked at Jamie's records", for the child's family: every time someone opened,
 * changed, printed or downloaded one of the records the family can see, grouped by day, newest
 * first, a page at a time, narrowed by who, record, what and when. Written to be read on a phone.
 */
import { recordLookActions, type AccessReportEntry, type AuditFilter, type CaseDetail } from "@roundtable/domain";
import { getAccessReport, getAccessReportChoices, getCase } from "../api/api";
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
import { useLocation } from "../navigation/history";
import { AuditFilters } from "./AuditFilters";
import { accessVerb, howOften, whoTheyAre } from "./access-words";
import { auditSearch, isFiltered, readAuditFilter } from "./audit-filters";
import { ShowOlder } from "./ShowOlder";
import { useOlderPages } from "./use-older-pages";
import { groupByDay } from "./group-by-day";
import { formatUkClock } from "../layout/uk-time";
import "../team/records-pages.css";
import "./audit.css";

const pageSize = 100;

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
  const filter = readAuditFilter(useLocation().search);
  const search = auditSearch(filter);
  const report = useResource(() => getAccessReport(details.id, { ...filter, limit: pageSize }), `access-report:${details.id}?${search}`);
  if (report.status === "failed") return <ProblemPage error={report.error} retry={report.retry} />;
  if (report.status === "loading") return <LoadingAccessReport />;
  // A new list for each filter: its pages start again.
  return <AccessReport key={search} details={details} filter={filter} firstPage={report.data} />;
}

function AccessReport({ details, filter, firstPage }: { details: CaseDetail; filter: AuditFilter; firstPage: readonly AccessReportEntry[] }) {
  const child = firstName(details.name);
  const title = `Who has looked at ${possessive(child)} records`;
  // A heading of its own: the one shown while loading has gone, so focus comes here.
  const headingRef = usePageHeading(title);
  const choices = useResource(() => getAccessReportChoices(details.id), `access-choices:${details.id}`);
  const pages = useOlderPages(
    firstPage,
    pageSize,
    (before, asOf) => getAccessReport(details.id, { ...filter, before, asOf, limit: pageSize }),
    ["entry", "entries"],
  );
  const { firstOlderId } = pages;
  const days = groupByDay(pages.lines);
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
          <AuditFilters
            idBase="access"
            label="Filter the list"
            folded
            filter={filter}
            choices={choices}
            actions={recordLookActions}
            actionWords={(action) => capitalise(accessVerb(action))}
            pathFor={(search) => paths.caseAccessReport(details.id, search)}
          />
          {days.length === 0 && <p>{isFiltered(filter) ? "Nothing matches these filters." : `Nobody has opened ${possessive(child)} records yet.`}</p>}
          {days.map((day) => (
            <section key={day.key} className="rt-access-day" aria-labelledby={`day-${day.key}`}>
              <h2 className="nhsuk-heading-s rt-access-day__heading" id={`day-${day.key}`}>
                {day.heading}
              </h2>
              <ul className="nhsuk-list rt-access-list">
                {day.entries.map((entry) => (
                  <li key={entry.id} className="rt-access-list__item" tabIndex={-1} ref={entry.id === firstOlderId ? focusOnMount : undefined}>
                    <span className="rt-access-list__time">{formatUkClock(entry.at)}</span>
                    <span className="rt-access-list__what">
                      <strong>{entry.person.name}</strong> {accessVerb(entry.action)} <strong>{entry.record}</strong>
                      {howOften(entry, formatUkClock)}
                      {whoTheyAre(entry.person) && <span className="rt-access-list__who">{whoTheyAre(entry.person)}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <ShowOlder pages={pages} label="Show older" />
        </div>
      </div>
    </>
  );
}

/** The first of the older entries takes focus when it appears: the button may be gone. */
function focusOnMount(element: HTMLLIElement | null): void {
  element?.focus();
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
