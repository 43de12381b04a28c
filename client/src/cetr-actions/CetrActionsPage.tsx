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
import { useRef, useState } from "react";
import { cetrActionsOverviewPageSize, cetrActionsScope, type CetrActionsOverview } from "@roundtable/domain";
import { getCetrActionChoices, getCetrActionsOverview } from "../api/register-api";
import { useLiveResource } from "../api/use-resource";
import { useMe } from "../auth/session-context";
import { PageLoading } from "../layout/PageLoading";
import { useLocation } from "../navigation/history";
import { usePageHeading } from "../navigation/use-page-heading";
import { useActionsChanged } from "../realtime/use-actions-changed";
import { useRefreshWhileOpen } from "../realtime/use-refresh-while-open";
import { cetrActionsMostShown, cetrActionsSearch, narrows, overviewQuery, readCetrActionFilters, type CetrActionFilters } from "./cetr-action-filters";
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
  // How many open actions are listed: a page at first, a page more each "Show more"; other filters start again.
  const filtersKey = cetrActionsSearch({ ...filters, group: "none" });
  const [shown, setShown] = useState({ filtersKey, count: cetrActionsOverviewPageSize });
  const count = shown.filtersKey === filtersKey ? shown.count : cetrActionsOverviewPageSize;
  const query = overviewQuery(filters, count);
  // Keep showing what we have if a refresh fails; say so only when there is nothing.
  const { resource, refresh } = useLiveResource(() => getCetrActionsOverview(query), JSON.stringify(query), { retry: "as-refresh" });
  // The filters' choices do not change with the filters or "Show more": fetched apart, and again only when actions change.
  const { resource: choices, refresh: refreshChoices } = useLiveResource(getCetrActionChoices, "choices", { retry: "as-refresh" });
  const refreshBoth = () => {
    refresh();
    refreshChoices();
  };
  useActionsChanged(refreshBoth);
  useRefreshWhileOpen(refreshBoth, refreshEveryMs);
  // While more are fetched, the lists already shown stay (and the focus with them on "Show more").
  const lastShown = useRef<{ filtersKey: string; overview: CetrActionsOverview } | null>(null);
  if (resource.status === "loaded") lastShown.current = { filtersKey, overview: resource.data };
  const fetchingMore = resource.status === "loading" && lastShown.current?.filtersKey === filtersKey ? lastShown.current.overview : null;
  const overview = resource.status === "loaded" ? resource.data : fetchingMore;

  return (
    <div className="rt-cetr-actions">
      <h1 ref={headingRef} tabIndex={-1}>
        {cetrActionsHeading}
      </h1>
      <p className="nhsuk-lede-text">{cetrActionsLede(scope)}</p>
      {overview && <CetrActionCounts overview={overview} />}
      <CetrActionFiltersForm filters={filters} choices={choices} />
      {!overview && resource.status === "loading" && <PageLoading label="Loading CETR actions…" />}
      {resource.status === "failed" && (
        <>
          <p>{resource.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={resource.retry}>
            Try loading the CETR actions again
          </button>
        </>
      )}
      {overview && (
        <CetrActionLists
          overview={overview}
          filters={filters}
          onEscalated={refreshBoth}
          fetchingMore={fetchingMore !== null}
          onShowMore={() => setShown({ filtersKey, count: count + cetrActionsOverviewPageSize })}
        />
      )}
    </div>
  );
}

interface CetrActionListsProps {
  overview: CetrActionsOverview;
  filters: CetrActionFilters;
  onEscalated(): void;
  fetchingMore: boolean;
  onShowMore(): void;
}

/** The three lists, "Show more" when there are more, and the figures over time. */
function CetrActionLists({ overview, filters, onEscalated, fetchingMore, onShowMore }: CetrActionListsProps) {
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
      {more && <MoreActions listed={actions.length} fetching={fetchingMore} onShowMore={onShowMore} />}
      <OverTime points={overTime} />
    </>
  );
}

/** Says how many are listed of more, and offers the next page (or, at the most the page lists, a narrower view). */
function MoreActions({ listed, fetching, onShowMore }: { listed: number; fetching: boolean; onShowMore(): void }) {
  const atMost = listed >= cetrActionsMostShown;
  return (
    <div className="rt-cetr-actions__more">
      {/* Said again when more arrive, so someone on the button hears that the list grew. */}
      <p aria-live="polite">
        These are the {listed} open actions due soonest, and there are more.{" "}
        {atMost ? "Choose an agency, owner, child or CETR to see the rest." : "Choose an agency, owner, child or CETR to narrow the list, or show more."}
      </p>
      {!atMost && (
        // Not disabled while fetching, which would take the focus away: a second press waits for the first.
        <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={fetching} onClick={() => !fetching && onShowMore()}>
          {fetching ? "Loading more open actions…" : `Show ${cetrActionsOverviewPageSize} more open actions`}
        </button>
      )}
    </div>
  );
}
