/**
 * "Overdue actions": everything past its due date and not done, most overdue first, so senior
 * keyworkers and service leads can chase and escalate across the service, a keyworker on their
 * own caseload, an ICB lead on their own cases. Only for them (mayUseOverdue): the app shows
 * everyone else NotForYouPage, and asks the server nothing.
 * Kept current by news of changes, every minute, and when the person comes back to the window.
 */
import { overdueScope, type Action } from "@roundtable/domain";
import { markDoneButtonId } from "../actions/ActionUpdateControls";
import { changeDueDateButtonId } from "../actions/ChangeDueDate";
import { formatDueDate } from "../actions/action-dates";
import { ukToday } from "../layout/uk-time";
import { nearbyActions } from "../actions/nearby-actions";
import { useActionChanges } from "../actions/use-action-changes";
import { useActionList } from "../actions/use-action-list";
import { useFocusAfterRender } from "../actions/use-focus-after-render";
import { useMe } from "../auth/session-context";
import { PageLoading } from "../layout/PageLoading";
import { useLocation } from "../navigation/history";
import { usePageHeading } from "../navigation/use-page-heading";
import { useRefreshWhileOpen } from "../realtime/use-refresh-while-open";
import { hasFilters, overdueLimit, overdueQuery, readOverdueFilters } from "./overdue-filters";
import { overdueCountText, overdueToShow } from "./overdue-list";
import { overdueWords } from "./overdue-words";
import { OverdueFilters } from "./OverdueFilters";
import { OverdueTable } from "./OverdueTable";
import { useFilterChoices } from "./use-filter-choices";
import { useOwnerChoices } from "./use-owner-choices";
import "../actions/actions-list.css";
import "./overdue.css";

const pageHeadingId = "overdue-heading";
const refreshEveryMs = 60_000;

export function OverduePage() {
  const me = useMe();
  // The app shows this page only to those with a scope; "service" is never reached otherwise.
  const words = overdueWords(overdueScope(me.role) ?? "service");
  const headingRef = usePageHeading(words.heading);
  const filters = readOverdueFilters(useLocation().search);
  const { list, update, refresh } = useActionList(overdueQuery(filters));
  const { errors, announcement, change } = useActionChanges(update);
  const choices = useFilterChoices();
  const today = ukToday();
  const ownerOptions = useOwnerChoices(filters, list, today);
  const focusAfterRender = useFocusAfterRender();
  useRefreshWhileOpen(refresh, refreshEveryMs);

  const shown = list.status === "loaded" ? overdueToShow(list.data, filters.owner, today) : [];
  const filtered = hasFilters(filters);
  const nextFocus = (action: Action) => [...nearbyActions(shown, action).map((a) => markDoneButtonId(a.id)), pageHeadingId];

  const markDone = (action: Action) => {
    // The row leaves the list: carry on with the next overdue action.
    focusAfterRender(nextFocus(action));
    void change(
      action,
      { status: "done" },
      `Marked as done: ${action.text}`,
      "We could not mark this as done, so it is still on the list.",
    );
  };

  const changeDueDate = (action: Action, dueDate: string) => {
    // A date from today on takes the row off the list; otherwise it stays where it is.
    focusAfterRender([changeDueDateButtonId(action.id), ...nextFocus(action)]);
    const stillOverdue = dueDate < today ? "" : " It is no longer overdue.";
    void change(
      action,
      { dueDate },
      `Due date changed to ${formatDueDate(dueDate)}: ${action.text}.${stillOverdue}`,
      "We could not change the due date.",
    );
  };

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} id={pageHeadingId}>
        {words.heading}
      </h1>
      <p className="nhsuk-lede-text">{words.lede}</p>
      <OverdueFilters filters={filters} choices={choices} ownerOptions={ownerOptions} />
      <p className="nhsuk-u-visually-hidden" role="status">
        {announcement}
      </p>
      <div className="rt-overdue" data-testid="overdue-actions">
        <p className="rt-overdue__count" role="status">
          {list.status === "loaded" ? overdueCountText(shown.length, filtered) : ""}
        </p>
        {list.status === "loading" && <PageLoading label="Loading overdue actions…" />}
        {list.status === "failed" && (
          <>
            <p>{list.error.message}</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={list.retry}>
              Try loading the overdue actions again
            </button>
          </>
        )}
        {shown.length > 0 && (
          <OverdueTable
            actions={shown}
            today={today}
            errors={errors}
            onMarkDone={markDone}
            onChangeDueDate={changeDueDate}
            onEscalated={refresh}
          />
        )}
        {list.status === "loaded" && list.data.length >= overdueLimit && (
          <p className="rt-overdue__limit">
            This shows the {overdueLimit} most overdue actions. There may be more: choose an agency, owner or case to
            narrow the list.
          </p>
        )}
      </div>
    </>
  );
}
