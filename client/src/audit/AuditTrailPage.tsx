/**
 * A case's audit trail, for the people who oversee it: every open, change, print, download,
 * invitation, change to the team and consent decision, newest first, a page at a time.
 */
import { auditActionLabels, roleLabels, type AuditEvent, type CaseDetail } from "@roundtable/domain";
import { useEffect, useRef, useState } from "react";
import { ApiRequestError, getCase, listAuditEvents } from "../api/api";
import { useResource } from "../api/use-resource";
import { useMe, useSession } from "../auth/session-context";
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
import { formatUkDateTime } from "../layout/uk-time";
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
  const firstPage = useResource(() => listAuditEvents(details.id, { limit: pageSize }), `audit:${details.id}`);
  if (firstPage.status === "failed") return <ProblemPage error={firstPage.error} retry={firstPage.retry} />;
  if (firstPage.status === "loading") return <LoadingAuditTrail />;
  return <AuditTrail details={details} firstPage={firstPage.data} />;
}

/** Which record an event is about, in words. */
function recordWords(event: AuditEvent): string {
  if (event.document) return event.document.title;
  if (event.meetingId) return "A meeting";
  return "The case";
}

function AuditTrail({ details, firstPage }: { details: CaseDetail; firstPage: AuditEvent[] }) {
  // A heading of its own: the one shown while loading has gone, so focus comes here.
  const headingRef = usePageHeading(`Audit trail – ${details.name}`);
  const { sessionEnded } = useSession();
  const [events, setEvents] = useState<readonly AuditEvent[]>(firstPage);
  const [more, setMore] = useState(firstPage.length === pageSize);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusId, setFocusId] = useState<number | null>(null);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const agencyName = (id: string) => details.agencies.find((a) => a.id === id)?.name;

  // After "Show older events", focus goes to the first of them: the button may be gone.
  useEffect(() => {
    if (focusId !== null) rowRefs.current.get(focusId)?.focus();
  }, [focusId]);

  const showOlder = async () => {
    const last = events[events.length - 1];
    if (!last || loadingMore) return;
    setLoadingMore(true);
    setError(null);
    try {
      const older = await listAuditEvents(details.id, { before: last.id, limit: pageSize });
      setEvents((current) => [...current, ...older]);
      setMore(older.length === pageSize);
      setAnnouncement(older.length === 0 ? "There are no older events." : `${older.length} older ${older.length === 1 ? "event" : "events"} shown.`);
      if (older[0]) setFocusId(older[0].id);
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.isSessionEnded) return sessionEnded();
      setError(failure instanceof ApiRequestError ? failure.message : "Something went wrong. Try again.");
    } finally {
      setLoadingMore(false);
    }
  };

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
      {events.length === 0 ? (
        <p>Nothing has happened to this case's records yet.</p>
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
                  <span className="rt-cell-body">{formatUkDateTime(event.at)}</span>
                </Cell>
                <Cell heading="Who">
                  <span className="rt-cell-body">
                    {event.person?.name ?? "Roundtable"}
                    {event.person?.role && <span className="nhsuk-body-s rt-audit-table__detail">{roleLabels[event.person.role]}</span>}
                  </span>
                </Cell>
                <Cell heading="What">
                  <span className="rt-cell-body">{auditActionLabels[event.action]}</span>
                </Cell>
                <Cell heading="Record">
                  <span className="rt-cell-body">{recordWords(event)}</span>
                </Cell>
                <Cell heading="Details">
                  <span className="rt-cell-body">{words === "" ? <span className="rt-audit-table__none">None</span> : words}</span>
                </Cell>
              </tr>
            );
          })}
        </ResponsiveTable>
      )}
      <p className="nhsuk-u-visually-hidden" role="status">
        {announcement}
      </p>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      {more ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={loadingMore || undefined} onClick={() => void showOlder()}>
          {loadingMore ? "Loading…" : "Show older events"}
        </button>
      ) : (
        events.length > 0 && <p className="rt-audit-end">That is the start of the audit trail.</p>
      )}
    </>
  );
}
