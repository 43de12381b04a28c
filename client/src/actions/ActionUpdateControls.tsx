/**
 * What someone can do to an action from a list: "Mark as done", "Change due date" and, where the
 * list offers it, "Mark as blocked" (or "No longer blocked"), with the reason when the last
 * change did not save. Finished actions have nothing to do.
 */
import { isOutstanding, type Action } from "@roundtable/domain";
import { BlockAction } from "./BlockAction";
import { ChangeDueDate } from "./ChangeDueDate";

export function markDoneButtonId(actionId: string): string {
  return `mark-done-${actionId}`;
}

interface ActionUpdateControlsProps {
  action: Action;
  error: string | undefined;
  onMarkDone(action: Action): void;
  onChangeDueDate(action: Action, dueDate: string): void;
  /** Offered on the owner's own list: say the action is held up, and why, or that it no longer is. */
  onBlock?(action: Action, reason: string): void;
  onUnblock?(action: Action): void;
}

export function unblockButtonId(actionId: string): string {
  return `unblock-${actionId}`;
}

export function ActionUpdateControls({ action, error, onMarkDone, onChangeDueDate, onBlock, onUnblock }: ActionUpdateControlsProps) {
  const errorId = `action-error-${action.id}`;
  // One block, so a phone's stacked table keeps the reason above the buttons.
  return (
    <div className="rt-action-row__update">
      {error && (
        <p className="nhsuk-error-message rt-action-row__error" id={errorId} role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      {!action.mayUpdate ? (
        // Offered only when the server would accept it (mayChangeAction): the owner, or someone who edits its document.
        isOutstanding(action.status) && <p className="nhsuk-body-s rt-action-row__read-only">Only its owner or someone who can edit where it was agreed can change it.</p>
      ) : isOutstanding(action.status) ? (
        <div className="rt-action-row__buttons">
          <button
            id={markDoneButtonId(action.id)}
            type="button"
            className="nhsuk-button nhsuk-button--small rt-action-row__button"
            aria-describedby={error ? errorId : undefined}
            onClick={() => onMarkDone(action)}
          >
            Mark as done<span className="nhsuk-u-visually-hidden">: {action.text}</span>
          </button>
          <ChangeDueDate
            actionId={action.id}
            actionText={action.text}
            dueDate={action.dueDate}
            onSave={(dueDate) => onChangeDueDate(action, dueDate)}
          />
          {onBlock && action.status !== "blocked" && (
            <BlockAction actionId={action.id} actionText={action.text} onSave={(reason) => onBlock(action, reason)} />
          )}
          {onUnblock && action.status === "blocked" && (
            <button
              id={unblockButtonId(action.id)}
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-action-row__button"
              onClick={() => onUnblock(action)}
            >
              No longer blocked<span className="nhsuk-u-visually-hidden">: {action.text}</span>
            </button>
          )}
        </div>
      ) : (
        <span className="rt-action-row__note">Nothing to do</span>
      )}
    </div>
  );
}
