/** The "Easy read" button: on or off for this reader, on any page with a care plan or minutes. */
import type { EasyReadChoice } from "./use-easy-read";
import "./easy-read.css";

export function EasyReadToggle({ choice }: { choice: EasyReadChoice }) {
  return (
    <div className="rt-easy-read-toggle rt-no-print">
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary rt-easy-read-toggle__button"
        aria-pressed={choice.easyRead}
        disabled={!choice.known}
        onClick={choice.toggle}
        data-testid="easy-read-toggle"
      >
        Easy read
        <span className="rt-easy-read-toggle__state" aria-hidden="true">
          {choice.easyRead ? "On" : "Off"}
        </span>
      </button>
      {choice.problem && (
        <p className="nhsuk-error-message" role="alert">
          {choice.problem}
        </p>
      )}
    </div>
  );
}
