/**
 * A case's audit trail, for the people who oversee it: every open, change, print, download,
 * invitation, change to the team and consent decision, newest first, a page at a time, narrowed
 * by who, record, what and when. Repeated opens of a record by one person in a day are one line.
 */
import { auditActionLabels, auditActions, roleLabels, type AuditEvent, type AuditFilter, type CaseDetail } from "@roundtable/domain";
import { useEffect, useRef } from "react";
import { getAuditChoices, getCase, listAuditEvents } from "../api/api";
import { useResource } from "../api/use-resource";
import { useMe } from "../auth/session-context";
import { NotForYouPage } from "../layout/NotForYouPage";
import { casePermissions } from "../team/case-permissions";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { firstName, possessive } from "../team/child-name";
import { describeAuditDetails } from "./audit-details";
import { formatUkClock, formatUkDateTime } from "../layout/uk-time";
import { useLocation } from "../navigation/history";
import { AuditFilters } from "./AuditFilters";
import { auditSearch, isFiltered, readAuditFilter } from "./audit-filters";
import { ShowOlder } from "./ShowOlder";
import { useOlderPages } from "./use-older-pages";
import "../team/records-pages.css";
import "./audit.css";

const pageSize = 50;

/** The case first: only someone who may read its audit trail (mayReadAuditTrail) is shown it, or asks for it. */
export function AuditTrailPage({ caseId }: { caseId: string }) {
  const details = useResource(() => getCase(caseId), `case:${caseId}`);
  const me = useMe();
  if (details.status === "failed") return <ProblemPage error={details.error} retry={details.retry} />;
  if (details.status === "loading") return <LoadingAuditTrail />;
  if (!casePermissions(details.data.team, me).readAuditTrail) return <NotForYouPage page="audit-trail" />;
  return <AuditTrailFirstPage details={details.data} />;
}

function LoadingAuditTrail() {
  const headingRef = usePageHeading("Audit trail");
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        Audit trail
      </h1>
      <PageLoading label="Loading the audit trail…" />
    </>
  );
}

function AuditTrailFirstPage({ details }: { details: CaseDetail }) {
  const filter = readAuditFilter(useLocation().search);
  const search = auditSearch(filter);
  const firstPage = useResource(() => listAuditEvents(details.id, { ...filter, limit: pageSize }), `audit:${details.id}?${search}`);
  if (firstPage.status === "failed") return <ProblemPage error={firstPage.error} retry={firstPage.retry} />;
  if (firstPage.status === "loading") return <LoadingAuditTrail />;
  // A new trail for each filter: its pages start again.
  return <AuditTrail key={search} details={details} filter={filter} firstPage={firstPage.data} />;
}

/** "Opened" or, for a line standing for several, "Opened 3 times (first at 09:00)". */
function whatWords(event: AuditEvent): string {
  const what = auditActionLabels[event.action];
  if (event.count <= 1) return what;
  return `${what} ${event.count} times (first at ${formatUkClock(event.firstAt)})`;
}

/** Which record an event is about, in words. */
function recordWords(event: AuditEvent): string {
  if (event.document) return event.document.title;
  if (event.meetingId) return "A meeting";
  return "The case";
}

function AuditTrail({ details, filter, firstPage }: { details: CaseDetail; filter: AuditFilter; firstPage: AuditEvent[] }) {
  // A heading of its own: the one shown while loading has gone, so focus comes here.
  const headingRef = usePageHeading(`Audit trail – ${details.name}`);
  const pages = useOlderPages(
    firstPage,
    pageSize,
    (before, asOf) => listAuditEvents(details.id, { ...filter, before, asOf, limit: pageSize }),
    ["event", "events"],
  );
  const { lines: events, firstOlderId } = pages;
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const agencyName = (id: string) => details.agencies.find((a) => a.id === id)?.name;
  const choices = useResource(() => getAuditChoices(details.id), `audit-choices:${details.id}`);

  // After "Show older events", focus goes to the first of them: the button may be gone.
  useEffect(() => {
    if (firstOlderId !== null) rowRefs.current.get(firstOlderId)?.focus();
  }, [firstOlderId]);

  return (
    <>
      <Breadcrumbs
        trail={[
          homeCrumb,
          { href: paths.case(details.id), label: details.name },
        ]}
      />
      <span className="nhsuk-caption-l">{details.name}</span>
      <h1 ref={headingRef} tabIndex={-1}>
        Audit trail
      </h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>
            Everything done with {possessive(firstName(details.name))} records, newest first: who opened, changed, printed or downloaded them, and
            every change to the team and to consent. Nothing here can be changed or deleted.
          </p>
        </div>
      </div>
      <AuditFilters
        idBase="audit"
        label="Filter the audit trail"
        filter={filter}
        choices={choices}
        actions={auditActions}
        pathFor={(search) => paths.caseAudit(details.id, search)}
      />
      {events.length === 0 ? (
        <p>{isFiltered(filter) ? "Nothing on the trail matches these filters." : "Nothing has happened to this case's records yet."}</p>
      ) : (
        <ResponsiveTable caption="Audit trail, newest first" hideCaption headings={["When", "Who", "What", "Record", "Details"]} className="rt-records-table rt-audit-table">
          {events.map((event) => {
            const words = describeAuditDetails(event, agencyName);
            return (
              <tr
                key={event.id}
                className="nhsuk-table__row"
                role="row"
                tabIndex={-1}
                ref={(row) => {
                  if (row) rowRefs.current.set(event.id, row);
                  else rowRefs.current.delete(event.id);
                }}
              >
                <Cell heading="When">
                  {formatUkDateTime(event.at)}
                </Cell>
                <Cell heading="Who">
                  {event.person?.name ?? "Roundtable"}
                  {event.person?.role && <span className="nhsuk-body-s rt-audit-table__detail">{roleLabels[event.person.role]}</span>}
                </Cell>
                <Cell heading="What">
                  {whatWords(event)}
                </Cell>
                <Cell heading="Record">
                  {recordWords(event)}
                </Cell>
                <Cell heading="Details">
                  {words === "" ? <span className="rt-audit-table__none">None</span> : words}
                </Cell>
              </tr>
            );
          })}
        </ResponsiveTable>
      )}
      <ShowOlder
        pages={pages}
        label="Show older events"
        end={
          events.length > 0 && (
            <p className="rt-audit-end">{isFiltered(filter) ? "That is everything that matches these filters." : "That is the start of the audit trail."}</p>
          )
        }
      />
    </>
  );
}
