/**
 * "My actions": everything I have agreed to do, on every case, most urgent first. Marking one
 * done or moving its date shows straight away and is put back, with a reason, if it fails.
 */
import type { Action } from "@roundtable/domain";
import { useMe } from "../auth/session-context";
import { homeWords } from "../cases/case-words";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { ResponsiveTable } from "../layout/ResponsiveTable";
import { usePageHeading } from "../navigation/use-page-heading";
import { changeDueDateButtonId } from "./ChangeDueDate";
import { formatDueDate } from "./action-dates";
import { ukToday } from "../layout/uk-time";
import { groupActions, type ActionGroup } from "./group-actions";
import { markDoneButtonId, unblockButtonId } from "./ActionUpdateControls";
import { blockButtonId } from "./BlockAction";
import { myActionHeadings, MyActionRow } from "./MyActionRow";
import { nearbyActions } from "./nearby-actions";
import { useActionChanges } from "./use-action-changes";
import { useActionList } from "./use-action-list";
import { useFocusAfterRender } from "./use-focus-after-render";
import "./actions-list.css";

const pageHeadingId = "my-actions-heading";
/** Finished actions stay on the list this long, then live on in their case's actions. */
const recentlyClosedDays = 30;

export function MyActionsPage() {
  const me = useMe();
  const headingRef = usePageHeading("My actions");
  const { list, update } = useActionList({ owner: "me", closedWithinDays: recentlyClosedDays });
  const { errors, announcement, change } = useActionChanges(update);
  const focusAfterRender = useFocusAfterRender();
  const today = ukToday();

  if (list.status === "failed") return <ProblemPage error={list.error} retry={list.retry} />;

  const groups = list.status === "loaded" ? groupActions(list.data, today) : [];
  const outstanding = groups.filter((group) => group.key !== "done" && group.actions.length > 0);
  const done = groups.find((group) => group.key === "done");

  const markDone = (action: Action) => {
    // The row moves to the (closed) Done list: carry on with the next action still to do.
    const toDo = outstanding.flatMap((group) => group.actions);
    focusAfterRender([...nearbyActions(toDo, action).map((a) => markDoneButtonId(a.id)), pageHeadingId]);
    void change(
      action,
      { status: "done" },
      `Marked as done: ${action.text}`,
      "We could not mark this as done, so it is still on your list.",
    );
  };

  const changeDueDate = (action: Action, dueDate: string) => {
    focusAfterRender([changeDueDateButtonId(action.id), pageHeadingId]);
    void change(
      action,
      { dueDate },
      `Due date changed to ${formatDueDate(dueDate)}: ${action.text}`,
      "We could not change the due date.",
    );
  };

  const block = (action: Action, reason: string) => {
    focusAfterRender([unblockButtonId(action.id), pageHeadingId]);
    void change(action, { status: "blocked", blockedReason: reason }, `Marked as blocked: ${action.text}`, "We could not mark this as blocked.");
  };

  const unblock = (action: Action) => {
    focusAfterRender([blockButtonId(action.id), pageHeadingId]);
    void change(action, { status: "in-progress" }, `No longer blocked, now in progress: ${action.text}`, "We could not change this.");
  };

  const table = (group: ActionGroup) => (
    <ResponsiveTable
      className="rt-actions-table"
      caption={`${group.heading}: your actions`}
      hideCaption
      headings={myActionHeadings}
    >
      {group.actions.map((action) => (
        <MyActionRow
          key={action.id}
          action={action}
          today={today}
          error={errors.get(action.id)}
          onMarkDone={markDone}
          onChangeDueDate={changeDueDate}
          onBlock={block}
          onUnblock={unblock}
        />
      ))}
    </ResponsiveTable>
  );

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} id={pageHeadingId}>
        My actions
      </h1>
      <p className="nhsuk-lede-text">{homeWords(me.role).myActionsLede}</p>
      <p className="nhsuk-u-visually-hidden" role="status">
        {announcement}
      </p>
      {list.status === "loading" && <PageLoading label="Loading your actions…" />}
      {list.status === "loaded" && (
        <div data-testid="my-actions">
          {outstanding.length === 0 && (
            <p>
              {done?.actions.length
                ? "You have nothing left to do. Well done."
                : "You have no actions yet. When someone gives you an action in a care plan or minutes, it will show here."}
            </p>
          )}
          {outstanding.map((group) => (
            <section key={group.key} className="rt-action-group" aria-labelledby={groupHeadingId(group)}>
              <h2 id={groupHeadingId(group)} tabIndex={-1} className="rt-action-group__heading">
                {group.heading} <span className="rt-action-group__count">({countText(group.actions.length)})</span>
              </h2>
              {table(group)}
            </section>
          ))}
          {done && done.actions.length > 0 && (
            <details className="nhsuk-details rt-action-group" data-testid="done-actions">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">
                  {done.actions.some((a) => a.status === "cancelled") ? "Done or cancelled" : "Done"} in the last{" "}
                  {recentlyClosedDays} days ({countText(done.actions.length)})
                </span>
              </summary>
              <div className="nhsuk-details__text">{table(done)}</div>
            </details>
          )}
        </div>
      )}
    </>
  );
}

function groupHeadingId(group: ActionGroup): string {
  return `actions-${group.key}`;
}

function countText(count: number): string {
  return count === 1 ? "1 action" : `${count} actions`;
}
