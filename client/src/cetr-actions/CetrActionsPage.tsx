/**
 * "CETR actions": the follow-up dashboard for the actions agreed at CETRs, so none is forgotten
 * before the next one. Counts at the top; then overdue (most overdue first, each with its
 * Escalate button), due in the next two weeks, and the rest still to do — filtered by agency,
 * owner, child or CETR and grouped by any of them; then open and completed week by week. For
 * ICB leads (the children they oversee) and keyworking staff (mayUseCetrActions); the app shows
 * everyone else NotForYouPage and asks the server nothing. Its code loads only when opened.
 *
 * Live: fetched again when the server says actions changed (an ICB lead hears of every CETR
 * action of the children they oversee, on the team or not), every minute, and on coming back
 * to the window.
 */
import { cetrActionsScope, type CetrActionsOverview } from "@roundtable/domain";
import { getCetrActionsOverview } from "../api/register-api";
import { useLiveResource } from "../api/use-resource";
import { useMe } from "../auth/session-context";
import { PageLoading } from "../layout/PageLoading";
import { useLocation } from "../navigation/history";
import { usePageHeading } from "../navigation/use-page-heading";
import { useActionsChanged } from "../realtime/use-actions-changed";
import { useRefreshWhileOpen } from "../realtime/use-refresh-while-open";
import { cetrActionsPageLimit, narrows, overviewQuery, readCetrActionFilters, type CetrActionFilters } from "./cetr-action-filters";
import { cetrActionsHeading, cetrActionsLede, emptySectionText } from "./cetr-actions-words";
import { CetrActionCounts } from "./CetrActionCounts";
import { CetrActionFiltersForm } from "./CetrActionFiltersForm";
import { CetrActionSection } from "./CetrActionSection";
import { sectionsOf } from "./group-cetr-actions";
import { OverTime } from "./OverTime";
import "../actions/actions-list.css";
import "./cetr-actions.css";

const refreshEveryMs = 60_000;

export default function CetrActionsPage() {
  const me = useMe();
  // The app shows this page only to those with a scope.
  const scope = cetrActionsScope(me.role) ?? "service";
  const headingRef = usePageHeading(cetrActionsHeading);
  const filters = readCetrActionFilters(useLocation().search);
  const query = overviewQuery(filters);
  // Keep showing what we have if a refresh fails; say so only when there is nothing.
  const { resource, refresh } = useLiveResource(() => getCetrActionsOverview(query), JSON.stringify(query), { retry: "as-refresh" });
  useActionsChanged(() => refresh());
  useRefreshWhileOpen(refresh, refreshEveryMs);

  return (
    <div className="rt-cetr-actions">
      <h1 ref={headingRef} tabIndex={-1}>
        {cetrActionsHeading}
      </h1>
      <p className="nhsuk-lede-text">{cetrActionsLede(scope)}</p>
      {resource.status === "loaded" && <CetrActionCounts overview={resource.data} />}
      <CetrActionFiltersForm filters={filters} overview={resource} />
      {resource.status === "loading" && <PageLoading label="Loading CETR actions…" />}
      {resource.status === "failed" && (
        <>
          <p>{resource.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={resource.retry}>
            Try loading the CETR actions again
          </button>
        </>
      )}
      {resource.status === "loaded" && <CetrActionLists overview={resource.data} filters={filters} onEscalated={refresh} />}
    </div>
  );
}

/** The three lists, the note when there are more, and the figures over time. */
function CetrActionLists({ overview, filters, onEscalated }: { overview: CetrActionsOverview; filters: CetrActionFilters; onEscalated(): void }) {
  const { today, dueSoonDays, actions, more, overTime } = overview;
  const sections = sectionsOf(actions, today, dueSoonDays);
  const narrowed = narrows(filters);
  const common = { group: filters.group, today, onEscalated };
  return (
    <>
      <CetrActionSection id="overdue" heading="Overdue" actions={sections.overdue} emptyText={emptySectionText("overdue", narrowed)} {...common} />
      <CetrActionSection
        id="due-soon"
        heading={`Due in the next ${dueSoonDays} days`}
        actions={sections.dueSoon}
        emptyText={emptySectionText("due-soon", narrowed)}
        {...common}
      />
      <CetrActionSection id="later" heading="Due later, or with no due date" actions={sections.later} emptyText={emptySectionText("later", narrowed)} {...common} />
      {more && (
        <p className="rt-cetr-actions__more">
          This shows the {cetrActionsPageLimit} open actions due soonest, and there are more. Choose an agency, owner, child or CETR to narrow the list.
        </p>
      )}
      <OverTime points={overTime} />
    </>
  );
}
